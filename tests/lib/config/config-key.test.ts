import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { E } from "../../../lib/fp.ts";
import { parseConfigKey } from "../../../lib/config/config-key.ts";

const known = [
  { key: "trigger.on-sync", expected: { kind: "trigger", name: "on-sync" } },
  { key: "trigger.on.dotted.name", expected: { kind: "trigger", name: "on.dotted.name" } },
  { key: "template.app-created", expected: { kind: "template", name: "app-created" } },
  { key: "template.a.b", expected: { kind: "template", name: "a.b" } },
  { key: "service.slack", expected: { kind: "service", type: "slack", name: "slack" } },
  { key: "service.webhook.github", expected: { kind: "service", type: "webhook", name: "github" } },
  { key: "subscriptions", expected: { kind: "subscriptions" } },
  { key: "defaultTriggers", expected: { kind: "defaultTriggers" } },
  { key: "defaultTriggers.slack", expected: { kind: "serviceDefaultTriggers", service: "slack" } },
  { key: "context", expected: { kind: "context" } },
] as const;

const rejected = [
  {
    key: "service.webhook.a.b",
    severity: "error",
    text:
      'service.webhook.a.b: "service.webhook.a.b" is not a service key; expected "service.<type>" or "service.<type>.<name>"',
  },
  {
    key: "service.webhook.",
    severity: "error",
    text:
      'service.webhook.: "service.webhook." is not a service key; expected "service.<type>" or "service.<type>.<name>"',
  },
  { key: "trigger.", severity: "error", text: 'trigger.: "trigger." has an empty name, so it is left out' },
  {
    key: "triggers.on-x",
    severity: "warning",
    text:
      'triggers.on-x: "triggers.on-x" is not a known key; the Go engine ignores it too; did you mean "trigger.on-x"?',
  },
  {
    key: "Template.x",
    severity: "warning",
    text: 'Template.x: "Template.x" is not a known key; the Go engine ignores it too; did you mean "template.x"?',
  },
  {
    key: "subscription",
    severity: "warning",
    text:
      'subscription: "subscription" is not a known key; the Go engine ignores it too; did you mean "subscriptions"?',
  },
  {
    key: "trigger",
    severity: "warning",
    text: 'trigger: "trigger" is not a known key; the Go engine ignores it too; did you mean "trigger.<name>"?',
  },
  { key: "foo", severity: "warning", text: 'foo: "foo" is not a known key; the Go engine ignores it too' },
] as const;

describe("parseConfigKey()", () => {
  for (const c of known) {
    it(`reads "${c.key}"`, () => {
      expect(parseConfigKey(c.key)).toEqual(E.right(c.expected));
    });
  }
  for (const c of rejected) {
    it(`rejects "${c.key}" as an ${c.severity}`, () => {
      const r = parseConfigKey(c.key);
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) {
        expect(r.left).toMatchObject({ _tag: "InvalidKey", severity: c.severity, key: c.key });
        expect(formatDiagnostic(r.left)).toBe(c.text);
      }
    });
  }
});
