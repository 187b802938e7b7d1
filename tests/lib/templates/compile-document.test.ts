import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDocument } from "../../../lib/templates/compile-document.ts";
import { textCompilers, withLanguages } from "../../../lib/templates/compilers.ts";
import { liquid } from "../../../lib/liquid/mod.ts";
import { renderPlan } from "../../../lib/templates/render-plan.ts";
import { builtinBlocks } from "../../../providers/mod.ts";

function compile(document: unknown) {
  return compileDocument("app-sync", document, { compilers: withLanguages({ liquid }), blocks: builtinBlocks });
}

function labels(document: unknown): string[] {
  return compile(document).plan?.slots.map((s) => s.label) ?? [];
}

describe("compileDocument()", () => {
  it("compiles every templated field, in the Go engine's block order", () => {
    const doc = {
      teams: { title: "t {{.x}}", facts: "[]" },
      email: { subject: "s", body: "b" },
      slack: { attachments: "[]", blocks: "[]", username: "u" },
      message: "m",
      webhook: { github: { method: "POST", path: "/p", body: "{}" } },
    };
    expect(labels(doc)).toEqual([
      "message",
      "slack.username",
      "slack.attachments",
      "slack.blocks",
      "email.subject",
      "email.body",
      "webhook.github.body",
      "webhook.github.path",
      "teams.title",
      "teams.facts",
    ]);
  });

  it("uses the Go engine's defaults for GitHub and New Relic", () => {
    const plan = compile({ github: { status: { state: "success" } }, newrelic: {} }).plan;
    expect(plan?.slots.map((s) => s.label)).toEqual([
      "github.repoURLPath",
      "github.revisionPath",
      "github.status.state",
      "newrelic.revision",
      "newrelic.changelog",
      "newrelic.user",
    ]);
    expect(plan?.slots[0]?.path).toEqual(["github", "repoURL"]);
  });

  const languages = [
    { name: "defaults to Go", document: { message: "x" }, expected: "go" },
    { name: "takes language: liquid", document: { language: "liquid", message: "x" }, expected: "liquid" },
    { name: "takes language: go", document: { language: "go", message: "x" }, expected: "go" },
  ] as const;
  for (const c of languages) {
    it(`${c.name}`, () => {
      expect(compile(c.document).plan?.language).toBe(c.expected);
    });
  }

  it("matches keys case-insensitively, as Go's JSON decoding does", () => {
    const r = compile({
      Message: "m",
      EMAIL: { Subject: "s" },
      opsgenie: { description: "d", visibleTo: [{ Id: "1", Type: "team" }] },
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.plan?.slots.map((s) => s.label)).toEqual([
      "message",
      "email.subject",
      "opsgenie.description",
      "opsgenie.visibleTo[0].id",
      "opsgenie.visibleTo[0].type",
    ]);
  });

  const warnings = [
    {
      name: "an unknown block",
      document: { message: "m", slak: { attachments: "[]" } },
      message: '"slak" is not a field of the template; it is ignored',
      hint: 'did you mean "slack"?',
    },
    {
      name: "an unknown field",
      document: { slack: { attachements: "[]" } },
      message: '"slack.attachements" is not a field of "slack"; it is ignored',
      hint: 'did you mean "attachments"?',
    },
    {
      name: "an unknown webhook field",
      document: { webhook: { gh: { methd: "POST" } } },
      message: '"webhook.gh.methd" is not a field of "webhook.gh"; it is ignored',
      hint: 'did you mean "method"?',
    },
    {
      name: "the docs' top-level messageGroupId",
      document: { message: "m", messageGroupId: "g" },
      message: '"messageGroupId" is not a field of the template; it is ignored',
      hint: undefined,
    },
    {
      name: "an unknown delivery policy",
      document: { slack: { deliveryPolicy: "Updat" } },
      message: 'slack.deliveryPolicy: "Updat" is not a delivery policy; "Post" is used',
      hint: 'did you mean "Update"?',
    },
  ] as const;
  for (const c of warnings) {
    it(`warns about ${c.name}, and still compiles`, () => {
      const r = compile(c.document);
      expect(r.plan).toBeDefined();
      expect(r.diagnostics).toEqual([
        {
          severity: "warning",
          key: "template.app-sync",
          message: c.message,
          ...(c.hint === undefined ? {} : { hint: c.hint }),
          _tag: expect.any(String),
        },
      ]);
    });
  }

  const errors = [
    {
      name: "a document that is not a map",
      document: "hello",
      tag: "InvalidField",
      message: 'must be a map with "message" and service blocks, not a string',
    },
    {
      name: "a block that is not a map",
      document: { slack: "x" },
      tag: "InvalidField",
      message: "slack: must be a map, not a string",
    },
    {
      name: "a string field given a map",
      document: { email: { subject: { a: 1 } } },
      tag: "InvalidField",
      message: "email.subject: must be a string, not a map",
    },
    {
      name: "a boolean given a string",
      document: { slack: { notifyBroadcast: "yes" } },
      tag: "InvalidField",
      message: "slack.notifyBroadcast: must be true or false, not a string",
    },
    {
      name: "an unknown language",
      document: { language: "liquidd" },
      tag: "InvalidField",
      message: 'language: must be "go" or "liquid", not "liquidd"',
    },
    {
      name: "alertmanager without labels",
      document: { alertmanager: { annotations: { a: "b" } } },
      tag: "InvalidField",
      message: "alertmanager.labels: at least one label pair required",
    },
    {
      name: "a Liquid syntax error, naming the field and line",
      document: { language: "liquid", slack: { attachments: "[\n{% if x %}" } },
      tag: "TemplateParse",
      message: "slack.attachments: line 2, column 1: tag {% if x %} not closed",
    },
  ] as const;
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      const r = compile(c.document);
      expect(r.plan).toBeUndefined();
      expect(r.diagnostics).toContainEqual(
        expect.objectContaining({ _tag: c.tag, severity: "error", key: "template.app-sync", message: c.message }),
      );
    });
  }

  it("leaves out a Liquid document when the host has not added Liquid, naming the import to add", () => {
    const r = compileDocument("app-sync", { language: "liquid", message: "{{ app.metadata.name }}" }, {
      compilers: textCompilers,
      blocks: builtinBlocks,
    });
    expect(r.plan).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        _tag: "InvalidField",
        severity: "error",
        key: "template.app-sync",
        message: "language: liquid: the Liquid compiler is not loaded, so the template is left out",
        hint: 'add it: import { liquid } from "notifications-engine/liquid" and pass decodeConfig(configMap, secret, ' +
          "{ languages: { liquid } })",
      }),
    ]);
  });

  it("names the field of a Go syntax error", () => {
    const r = compile({ slack: { attachments: "{{.foo" } });
    expect(r.diagnostics).toEqual([expect.objectContaining({ _tag: "TemplateParse", severity: "error" })]);
    expect(r.diagnostics[0]?.message).toMatch(/^slack\.attachments: /);
  });

  it("reports every broken field, not only the first", () => {
    const r = compile({ language: "liquid", message: "{% if %}", email: { subject: "{{ x | nope }}" } });
    expect(r.diagnostics.map((d) => d.message.split(":")[0])).toEqual(["message", "email.subject"]);
  });

  it("refuses a document without any field (a misspelt message), which would send nothing", () => {
    for (const doc of [null, {}, { mesage: "hi" }, { language: "liquid" }]) {
      const r = compile(doc);
      expect(r.plan).toBeUndefined();
      expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([
        "the template has no field, so it would send nothing; it is left out",
      ]);
    }
    expect(compile({ message: "" }).plan?.slots).toEqual([]);
  });
});

describe("compileDocument() on arbitrary input", () => {
  it("never throws, reports errors as diagnostics, and renders without throwing", () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom("{{.a}}", "{{ a }}", "[{{.a}}]", "{{", "{% if %}"),
      fc.jsonValue(),
    );
    const block = fc.dictionary(
      fc.constantFrom("attachments", "subject", "facts", "labels", "title", "status", "x"),
      field,
    );
    const doc = fc.record({
      language: fc.constantFrom(undefined, "go", "liquid", "perl"),
      message: field,
      slack: block,
      email: block,
      teams: block,
      github: block,
      alertmanager: block,
      webhook: fc.dictionary(fc.string(), block),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(doc, fc.jsonValue()), fc.jsonValue(), (document, a) => {
        const r = compile(document);
        for (const d of r.diagnostics) expect(d.key).toBe("template.app-sync");
        expect(r.plan === undefined).toBe(r.diagnostics.some((d) => d.severity === "error"));
        if (r.plan !== undefined) expect(["Left", "Right"]).toContain(renderPlan(r.plan, { a }, { now: 0 })._tag);
      }),
      { numRuns: 300 },
    );
  });
});
