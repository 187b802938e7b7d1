// Every template of the conformance corpus, rendered field by field on realistic resources, against the Go oracle's
// output (scripts/oracle/catalog.ts writes the catalog-*.json goldens).
import { describe, expect, it } from "vitest";
import { compileDocument } from "../../../lib/templates/compile-document.ts";
import { textCompilers } from "../../../lib/templates/compilers.ts";
import { compileTemplate } from "../../../lib/templates/mod.ts";
import argoCd from "./catalog-argo-cd.json" with { type: "json" };
import argoRollouts from "./catalog-argo-rollouts.json" with { type: "json" };
import certmanager from "./catalog-certmanager.json" with { type: "json" };
import fooSample from "./catalog-foo-sample.json" with { type: "json" };
import { builtinBlocks } from "../../../providers/mod.ts";

interface GoldenCase {
  readonly template: string;
  readonly scenario: string;
  readonly field: string;
  readonly ok: boolean;
  readonly text?: string;
  readonly error?: string;
}

interface Golden {
  readonly source: string;
  readonly now: string;
  readonly templates: Record<string, unknown>;
  readonly scenarios: readonly { readonly id: string; readonly vars: Record<string, unknown> }[];
  readonly cases: readonly GoldenCase[];
}

const goldens = [argoCd, argoRollouts, certmanager, fooSample] as unknown as readonly Golden[];

/** The block a field belongs to, and whether the Go engine parses it as JSON when sending to that service. */
const jsonFields = new Set(["slack.attachments", "slack.blocks", "teams.facts", "teams.sections", "teams.potentialAction"]);

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

for (const golden of goldens) {
  const now = Date.parse(golden.now);
  const scenarios = new Map(golden.scenarios.map((s) => [s.id, s.vars]));
  describe(`catalog ${golden.source}`, () => {
    for (const [name, document] of Object.entries(golden.templates)) {
      const cases = golden.cases.filter((c) => c.template === name);

      it(`template.${name} renders every field as the Go engine does`, () => {
        const { plan, diagnostics } = compileDocument(name, document, { compilers: textCompilers, blocks: builtinBlocks });
        expect(diagnostics).toEqual([]);
        const slots = new Map(plan?.slots.map((s) => [s.label, s]));
        const mismatches = [];
        for (const c of cases) {
          const slot = slots.get(c.field);
          const got = slot?.template.render(scenarios.get(c.scenario) ?? {}, { now });
          const ours = got === undefined ? "missing field" : got._tag === "Right" ? got.right : undefined;
          const same = c.ok ? ours === c.text : got?._tag === "Left";
          if (!same) mismatches.push({ scenario: c.scenario, field: c.field, go: c.ok ? c.text : c.error, ours: ours ?? got });
        }
        expect(mismatches).toEqual([]);
      });

      it(`template.${name} render() fails exactly where a Go send would`, () => {
        const compiled = compileTemplate(name, document, { blocks: builtinBlocks });
        if (compiled._tag === "Left") throw new Error(JSON.stringify(compiled.left));
        for (const scenario of golden.scenarios) {
          const mine = cases.filter((c) => c.scenario === scenario.id);
          const goFailed = mine.some((c) => !c.ok);
          const broken = mine.filter((c) => c.ok && jsonFields.has(c.field) && !parsesAsJson(c.text ?? ""));
          const service = String(scenario.vars["serviceType"]);
          const strict = compiled.right.render(scenario.vars, { now });
          const forDestination = compiled.right.render(scenario.vars, { now, service });
          const destinationBroken = broken.some((c) => c.field.startsWith(`${service}.`));
          expect({ scenario: scenario.id, strict: strict._tag }).toEqual({
            scenario: scenario.id,
            strict: goFailed || broken.length > 0 ? "Left" : "Right",
          });
          expect({ scenario: scenario.id, forDestination: forDestination._tag }).toEqual({
            scenario: scenario.id,
            forDestination: goFailed || destinationBroken ? "Left" : "Right",
          });
          if (forDestination._tag === "Right") {
            const message = mine.find((c) => c.field === "message");
            expect(forDestination.right.message).toEqual(message?.text ?? "");
            for (const c of mine.filter((c) => jsonFields.has(c.field) && parsesAsJson(c.text ?? ""))) {
              const [block, field] = c.field.split(".") as [string, string];
              expect(forDestination.right.blocks[block]?.[field]).toEqual(JSON.parse(c.text ?? ""));
            }
          }
        }
      });
    }
  });
}
