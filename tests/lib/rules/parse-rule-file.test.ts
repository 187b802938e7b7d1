import { describe, expect, it } from "vitest";
import { formatRuleFileError, parseRuleFile } from "../../../lib/rules/mod.ts";

const head = "config: {data: {}}\nnow: 2024-01-02T03:04:05Z\n";

const bad = [
  {
    name: "an unknown field, with a hint and its line",
    text: `${head}scenarios:\n  - name: x\n    resource: {}\n    stepz: []\n`,
    expected: [
      'r.yaml:6:5: "stepz" is not a field of a scenario; did you mean "steps"?',
      "r.yaml:4:5: a scenario needs a non-empty list of steps",
    ],
  },
  {
    name: "YAML that does not parse",
    text: `${head}scenarios: [\n`,
    expected: [
      "r.yaml:3:12: not valid YAML: the flow list is not closed",
    ],
  },
  {
    name: "a time that is not RFC 3339, and a bad duration",
    text:
      "config: {data: {}}\nnow: yesterday\nscenarios:\n  - resource: {}\n    steps:\n      - after: 3 days\n        expect: none\n",
    expected: [
      'r.yaml:2:6: now must be an RFC 3339 time such as 2024-01-02T03:04:05Z: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
      'r.yaml:6:16: after must be a duration such as 90s or 1h30m: time: unknown unit " days" in duration "3 days"',
    ],
  },
  {
    name: "a step with both a resource and a patch, and an expect that is neither a list nor none",
    text: `${head}scenarios:\n  - steps:\n      - resource: {}\n        patch: {}\n        expect: nothing\n`,
    expected: [
      "r.yaml:6:9: a step has either a resource or a patch, not both",
      'r.yaml:7:17: expect must be a list of expected notifications, or "none"',
      'r.yaml:4:5: the scenario expects nothing: give at least one step an expect (a list, or "none")',
    ],
  },
  {
    name: "a scenario without a resource, and a regex that does not compile",
    text: `${head}scenarios:\n  - steps:\n      - expect:\n          - message: {regex: "a("}\n`,
    expected: [
      "r.yaml:6:22: message: regex: error parsing regexp: missing closing ): `a(`",
      "r.yaml:5:9: the first step needs a resource: give the step or the scenario a resource",
    ],
  },
  {
    name: "a file without config, now or scenarios",
    text: "vars: {}\n",
    expected: [
      "r.yaml:1:1: a rule file needs config",
      "r.yaml:1:1: config must be a map",
      "r.yaml:1:1: a rule file needs now (an RFC 3339 time)",
      "r.yaml:1:1: a rule file needs a non-empty list of scenarios",
    ],
  },
] as const;

describe("parseRuleFile()", () => {
  for (const c of bad) {
    it(`reports ${c.name}`, () => {
      const parsed = parseRuleFile(c.text, "r.yaml");
      expect(parsed._tag).toBe("Left");
      if (parsed._tag === "Left") expect(parsed.left.map(formatRuleFileError)).toEqual(c.expected);
    });
  }

  it("reads steps, matchers, times and file references", () => {
    const parsed = parseRuleFile(
      `config: {configMap: cm.yaml, secret: s.yaml, data: {context: "a: b"}, secretData: {k: v}}
now: 2024-01-02T03:04:05Z
resourceName: app
scenarios:
  - name: s
    resource: app.yaml
    steps:
      - expect: none
      - after: 90s
        patch: {status: {x: 1}}
        expect:
          - trigger: t
            message: {contains: ready}
            content: {slack: {attachments: {json: [{color: red}]}}}
      - at: 2024-01-03T00:00:00Z
        event: on-x
`,
      "r.yaml",
    );
    if (parsed._tag === "Left") throw new Error(parsed.left.map(formatRuleFileError).join("\n"));
    const rules = parsed.right;
    expect(rules.now).toBe(Date.parse("2024-01-02T03:04:05Z"));
    expect(rules.config.configMap).toEqual({ _tag: "File", path: "cm.yaml", at: { line: 1, column: 21 } });
    const [s] = rules.scenarios;
    expect(s?.steps.map((st) => [st.name, st.after, st.at, st.event, st.expect?.length])).toEqual([
      ["step 1", undefined, undefined, undefined, 0],
      ["step 2", 90_000, undefined, undefined, 1],
      ["step 3", undefined, Date.parse("2024-01-03T00:00:00Z"), "on-x", undefined],
    ]);
    const e = s?.steps[1]?.expect?.[0];
    expect(e?.at.line).toBe(12);
    expect(e?.content?.["message"]).toEqual({ _tag: "Contains", text: "ready" });
    expect(e?.content?.["slack"]).toEqual({ attachments: { _tag: "Json", subset: [{ color: "red" }] } });
  });
});
