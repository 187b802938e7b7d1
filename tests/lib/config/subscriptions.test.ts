import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { decodeSubscriptions, parseRecipient } from "../../../lib/config/subscriptions.ts";

const recipients = [
  { text: "slack:my-channel", expected: { service: "slack", recipient: "my-channel" } },
  { text: "email", expected: { service: "email", recipient: "" } },
  { text: "webhook:a:b", expected: { service: "webhook", recipient: "a" } },
  { text: "", expected: { service: "", recipient: "" } },
] as const;

const valid = [
  {
    name: "a full entry",
    source:
      "- recipients: [slack:test2, email:test@gmail.com]\n  triggers: [on-sync-status-unknown]\n  selector: test=true\n",
    expected: [{
      recipients: [{ service: "slack", recipient: "test2" }, { service: "email", recipient: "test@gmail.com" }],
      triggers: ["on-sync-status-unknown"],
      selector: { source: "test=true", requirements: [{ key: "test", operator: "=", values: ["true"] }] },
    }],
  },
  {
    name: "an entry without triggers or selector (default triggers, every resource)",
    source: "- recipients:\n  - slack:x\n",
    expected: [{ recipients: [{ service: "slack", recipient: "x" }], triggers: [], selector: { requirements: [] } }],
  },
  { name: "an empty value", source: "", expected: [] },
  {
    name: "a set-based selector (requirements sorted by key, as Kubernetes does)",
    source: "- recipients: [slack:x]\n  selector: env in (prod, staging), !canary\n",
    expected: [{ selector: { requirements: [{ key: "canary", operator: "!" }, { key: "env", operator: "in" }] } }],
  },
] as const;

const problems = [
  {
    name: "an invalid selector, at its column (only that entry is left out)",
    source: "- recipients: [slack:a]\n  selector: a in (\n- recipients: [slack:b]\n",
    kept: 1,
    expected: [
      `subscriptions: line 2, column 19: Cannot parse selector "a in (": found end of string, expected: ',', ')' or identifier`,
    ],
  },
  {
    name: "recipients given as a string",
    source: "- recipients: slack:a\n",
    kept: 0,
    expected: ['subscriptions: line 1, column 15: "recipients" must be a list of recipients, not a string'],
  },
  {
    name: "an unknown field (warning: Go ignores it)",
    source: "- recipients: [slack:a]\n  trigger: [on-x]\n",
    kept: 1,
    expected: ['subscriptions: line 2, column 3: "trigger" is not a field of a subscription; did you mean "triggers"?'],
  },
  {
    name: "an entry that is not a map",
    source: "- slack:a\n",
    kept: 0,
    expected: [
      'subscriptions: line 1, column 3: "[0]" must be a subscription (a map with recipients, triggers and selector), not a string',
    ],
  },
  {
    name: "a map instead of a list",
    source: "recipients: [slack:a]\n",
    kept: 0,
    expected: ["subscriptions: line 1, column 1: subscriptions must be a list of subscriptions, not a map"],
  },
] as const;

describe("parseRecipient()", () => {
  for (const c of recipients) {
    it(`splits ${JSON.stringify(c.text)} as Go does`, () => {
      expect(parseRecipient(c.text)).toEqual(c.expected);
    });
  }
});

describe("decodeSubscriptions()", () => {
  for (const c of valid) {
    it(`decodes ${c.name}`, () => {
      const r = decodeSubscriptions(c.source);
      expect(r.diagnostics).toEqual([]);
      expect(r.value?.subscriptions).toMatchObject(c.expected);
    });
  }
  for (const c of problems) {
    it(`reports ${c.name}`, () => {
      const r = decodeSubscriptions(c.source);
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
      expect(r.value?.subscriptions.length ?? 0).toBe(c.kept);
    });
  }
  it("lists the triggers and services the kept entries name, with positions", () => {
    const r = decodeSubscriptions("- recipients: [slack:a]\n  triggers: [on-x]\n");
    expect(r.value?.triggers).toEqual([{ name: "on-x", line: 2, column: 14 }]);
    expect(r.value?.services).toEqual([{ name: "slack", line: 1, column: 16 }]);
  });
});
