import { describe, expect, it } from "vitest";
import { compileDocument } from "../../../lib/templates/compile-document.ts";
import { withLanguages } from "../../../lib/templates/compilers.ts";
import { liquid } from "../../../lib/liquid/mod.ts";
import { compileTemplate, mergeRendered } from "../../../lib/templates/mod.ts";
import { renderFields } from "../../../lib/templates/render-plan.ts";
import argoCd from "../../conformance/templates/catalog-argo-cd.json" with { type: "json" };
import twins from "../../conformance/templates/catalog-liquid-twins.json" with { type: "json" };
import { builtinBlocks } from "../../../providers/mod.ts";

const now = Date.parse(argoCd.now);
const goDocument = (argoCd.templates as Record<string, unknown>)["app-sync-succeeded"];
const liquidDocument = (twins.templates as Record<string, unknown>)["app-sync-succeeded"];
/** Applications that have synced (the Liquid twin, like any sync-succeeded template, reads operationState). */
const synced = argoCd.scenarios.filter((s) => !s.id.startsWith("billing"));

describe("compileTemplate()", () => {
  it("compiles the seed template", () => {
    const t = compileTemplate("cert-ready", { message: "Certificate {{.cert.metadata.name}} is ready!\n" }, {
      blocks: builtinBlocks,
      languages: { liquid },
    });
    if (t._tag === "Left") throw new Error(JSON.stringify(t.left));
    expect(t.right.name).toBe("cert-ready");
    expect(t.right.language).toBe("go");
    expect(t.right.render({ cert: { metadata: { name: "example-com" } } }, { now })).toEqual({
      _tag: "Right",
      right: { message: "Certificate example-com is ready!\n", blocks: {} },
    });
  });

  it("returns every diagnostic when one is an error", () => {
    const t = compileTemplate("x", { language: "liquid", slak: {}, message: "{% if %}" }, {
      blocks: builtinBlocks,
      languages: { liquid },
    });
    expect(t._tag).toBe("Left");
    if (t._tag === "Left") {
      expect(t.left.map((d) => [d._tag, d.severity])).toEqual([["UnknownField", "warning"], [
        "TemplateParse",
        "error",
      ]]);
    }
  });

  it("keeps the warnings of a usable template", () => {
    const t = compileTemplate("x", { mesage: "hi", slack: { attachments: "[]" } }, {
      blocks: builtinBlocks,
      languages: { liquid },
    });
    expect(t._tag === "Right" ? t.right.warnings?.map((d) => d.hint) : t.left).toEqual(['did you mean "message"?']);
  });

  it("merges the templates of one condition", () => {
    const a = compileTemplate("a", { language: "liquid", message: "First", email: { subject: "A" } }, {
      blocks: builtinBlocks,
      languages: { liquid },
    });
    const b = compileTemplate("b", { language: "liquid", message: "{{ nothing }}", email: { body: "B" } }, {
      blocks: builtinBlocks,
      languages: { liquid },
    });
    if (a._tag === "Left" || b._tag === "Left") throw new Error("does not compile");
    const rendered = [a.right.render({}, { now }), b.right.render({}, { now })].flatMap((
      r,
    ) => (r._tag === "Right" ? [r.right] : []));
    expect(mergeRendered(rendered, builtinBlocks)).toEqual({
      message: "First",
      blocks: { email: { subject: "A", body: "B" } },
    });
  });
});

describe("the same notification in Go and Liquid", () => {
  it("renders the Liquid twin of app-sync-succeeded exactly as the Go oracle renders the catalog's", () => {
    const { plan, diagnostics } = compileDocument("app-sync-succeeded", liquidDocument, {
      compilers: withLanguages({ liquid }),
      blocks: builtinBlocks,
    });
    expect(diagnostics).toEqual([]);
    if (plan === undefined) return;
    for (const s of synced) {
      const got = renderFields(plan, s.vars, { now });
      const expected = argoCd.cases
        .filter((c) => c.template === "app-sync-succeeded" && c.scenario === s.id)
        .map((c) => ({ field: c.field, text: c.text }));
      expect({ scenario: s.id, fields: got._tag === "Right" ? got.right : got }).toEqual({
        scenario: s.id,
        fields: expected,
      });
    }
  });

  it("renders identical content from the Go template and its Liquid twin", () => {
    const go = compileTemplate("app-sync-succeeded", goDocument, { blocks: builtinBlocks, languages: { liquid } });
    const twin = compileTemplate("app-sync-succeeded", liquidDocument, {
      blocks: builtinBlocks,
      languages: { liquid },
    });
    if (go._tag === "Left" || twin._tag === "Left") throw new Error(JSON.stringify([go, twin]));
    for (const s of synced) {
      expect(twin.right.render(s.vars, { now })).toEqual(go.right.render(s.vars, { now }));
    }
  });
});
