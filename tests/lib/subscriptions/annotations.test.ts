import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseRecipients, parseSubscriptionAnnotations } from "../../../lib/subscriptions/annotations.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { growth, nearLinear } from "../../_helpers/growth.ts";

const p = "notifications.argoproj.io";
type Row = readonly [
  trigger: string | undefined,
  service: string,
  recipient: string,
];
const rows = (
  annotations: Readonly<Record<string, unknown>>,
  options = {},
): readonly Row[] =>
  parseSubscriptionAnnotations(annotations, options).subscriptions.map((
    s,
  ) => [s.trigger, s.destination.service, s.destination.recipient]);
const diagnostics = (annotations: Readonly<Record<string, unknown>>) =>
  parseSubscriptionAnnotations(annotations).diagnostics.map((
    d,
  ) => [d._tag, d.severity, d.key, d.message]);

describe("parseSubscriptionAnnotations()", () => {
  const cases: readonly {
    name: string;
    input: Readonly<Record<string, unknown>>;
    expected: readonly Row[];
  }[] = [
    {
      name: "reads trigger and service",
      input: { [`${p}/subscribe.on-sync.slack`]: "my-channel" },
      expected: [["on-sync", "slack", "my-channel"]],
    },
    {
      name: "splits recipients on ; and trims them",
      input: { [`${p}/subscribe.t.slack`]: " a ;b;  c  " },
      expected: [["t", "slack", "a"], ["t", "slack", "b"], ["t", "slack", "c"]],
    },
    {
      name: "drops empty recipients",
      input: { [`${p}/subscribe.t.slack`]: ";a;; ;" },
      expected: [["t", "slack", "a"]],
    },
    {
      name: "keeps duplicate recipients (dropped later, per trigger)",
      input: { [`${p}/subscribe.t.slack`]: "a;a" },
      expected: [["t", "slack", "a"], ["t", "slack", "a"]],
    },
    {
      name: "reads an empty value as one empty recipient",
      input: { [`${p}/subscribe.t.webhook`]: "" },
      expected: [["t", "webhook", ""]],
    },
    {
      name: "reads only separators as no recipient",
      input: { [`${p}/subscribe.t.slack`]: " ; " },
      expected: [],
    },
    {
      name: "ignores parts after the second dot",
      input: { [`${p}/subscribe.on.deployed.slack`]: "x" },
      expected: [["on", "deployed", "x"]],
    },
    {
      name: "reads a service alone as default triggers",
      input: { [`${p}/subscribe.slack`]: "x" },
      expected: [[undefined, "slack", "x"]],
    },
    {
      name: "reads an empty trigger as default triggers",
      input: { [`${p}/subscribe..slack`]: "x" },
      expected: [[undefined, "slack", "x"]],
    },
    {
      name: "ignores other annotations",
      input: {
        [`${p}/random`]: "x",
        "other.io/subscribe.t.slack": "y",
        "kubectl.kubernetes.io/last-applied-configuration": "{}",
      },
      expected: [],
    },
    {
      name: "ignores annotations of the default prefix when another is set",
      input: { [`${p}/subscribe.t.slack`]: "x" },
      expected: [],
    },
    {
      name: "reads annotations in key order",
      input: {
        [`${p}/subscribe.b.slack`]: "2",
        [`${p}/subscribe.a.slack`]: "1",
      },
      expected: [["a", "slack", "1"], ["b", "slack", "2"]],
    },
    {
      name: "reads the YAML list: every trigger × destination × recipient",
      input: {
        [`${p}/subscriptions`]:
          "- trigger: [t1, t2]\n  destinations:\n  - service: slack\n    recipients: [a, b]\n  - service: email\n    recipients: [c]\n",
      },
      expected: [
        ["t1", "slack", "a"],
        ["t1", "slack", "b"],
        ["t1", "email", "c"],
        ["t2", "slack", "a"],
        ["t2", "slack", "b"],
        ["t2", "email", "c"],
      ],
    },
    {
      name: "reads the YAML list without trigger as default triggers",
      input: {
        [`${p}/subscriptions`]:
          "- destinations:\n  - service: slack\n    recipients: [a]\n- trigger: []\n  destinations: [{service: teams, recipients: [b]}]",
      },
      expected: [[undefined, "slack", "a"], [undefined, "teams", "b"]],
    },
    {
      name: "does not trim YAML recipients",
      input: {
        [`${p}/subscriptions`]: "- trigger: [t]\n  destinations: [{service: s, recipients: [' a ', '']}]",
      },
      expected: [["t", "s", " a "], ["t", "s", ""]],
    },
    {
      name: "matches YAML field names case-insensitively, as Go's encoding/json",
      input: {
        [`${p}/subscriptions`]: "- Trigger: [t]\n  DESTINATIONS: [{Service: s, Recipients: [r]}]",
      },
      expected: [["t", "s", "r"]],
    },
    {
      name: "turns YAML numbers and YAML 1.1 booleans into strings, as sigs.k8s.io/yaml",
      input: {
        [`${p}/subscriptions`]: "- trigger: [t]\n  destinations: [{service: s, recipients: [123, yes]}]",
      },
      expected: [["t", "s", "123"], ["t", "s", "true"]],
    },
    {
      name: "reads any key starting with <prefix>/subscriptions",
      input: {
        [`${p}/subscriptions.team-a`]: "- trigger: [t]\n  destinations: [{service: s, recipients: [r]}]",
      },
      expected: [["t", "s", "r"]],
    },
    {
      name: "reads an empty YAML document as nothing",
      input: { [`${p}/subscriptions`]: "# nothing\n" },
      expected: [],
    },
    {
      name: "reads a YAML list of null as nothing",
      input: { [`${p}/subscriptions`]: "- \n" },
      expected: [],
    },
    {
      name: "keeps good YAML entries next to bad ones",
      input: {
        [`${p}/subscriptions`]: "- oops\n- trigger: [t]\n  destinations: [{service: s, recipients: [r]}]",
      },
      expected: [["t", "s", "r"]],
    },
    {
      name: "combines all forms",
      input: {
        [`${p}/subscribe.t.slack`]: "a",
        [`${p}/subscribe.email`]: "b",
        [`${p}/subscriptions`]: "- trigger: [u]\n  destinations: [{service: teams, recipients: [c]}]",
      },
      expected: [[undefined, "email", "b"], ["t", "slack", "a"], [
        "u",
        "teams",
        "c",
      ]],
    },
    {
      name: "reads nothing from null",
      input: null as unknown as Record<string, unknown>,
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      expect(
        rows(
          c.input,
          c.name.includes("another is set") ? { prefix: "example.com" } : {},
        ),
      ).toEqual(c.expected));
  }

  const prefixed = [
    {
      prefix: "example.com",
      key: "example.com/subscribe.t.slack",
      expected: [["t", "slack", "x"]],
    },
    {
      prefix: "example.com",
      key: "example.com/subscriptions",
      value: "- trigger: [t]\n  destinations: [{service: slack, recipients: [x]}]",
      expected: [["t", "slack", "x"]],
    },
    {
      prefix: "rollouts.argoproj.io",
      key: "rollouts.argoproj.io/subscribe.slack",
      expected: [[undefined, "slack", "x"]],
    },
  ] as const;
  for (const c of prefixed) {
    it(`reads ${c.key} with prefix ${c.prefix}`, () => {
      const value = "value" in c ? c.value : "x";
      expect(rows({ [c.key]: value }, { prefix: c.prefix })).toEqual(
        c.expected,
      );
      expect(rows({ [c.key]: value })).toEqual([]);
    });
  }

  const errors: readonly {
    name: string;
    input: Readonly<Record<string, unknown>>;
    expected: readonly unknown[][];
  }[] = [
    {
      name: "skips a non-string value with a diagnostic naming the annotation",
      input: {
        [`${p}/subscribe.t.slack`]: 42,
        [`${p}/subscriptions`]: ["x"],
        other: 1,
      },
      expected: [
        [
          "InvalidSubscription",
          "error",
          `${p}/subscribe.t.slack`,
          "the annotation's value must be a string, not a number; it is skipped",
        ],
        [
          "InvalidSubscription",
          "error",
          `${p}/subscriptions`,
          "the annotation's value must be a string, not a list; it is skipped",
        ],
      ],
    },
    {
      name: "reports a subscribe annotation without service",
      input: { [`${p}/subscribe.`]: "x", [`${p}/subscribe.t.`]: "y" },
      expected: [
        [
          "InvalidSubscription",
          "error",
          `${p}/subscribe.`,
          "the annotation names no service; it is skipped",
        ],
        [
          "InvalidSubscription",
          "error",
          `${p}/subscribe.t.`,
          "the annotation names no service; it is skipped",
        ],
      ],
    },
    {
      name: "warns about an empty subscriptions annotation",
      input: { [`${p}/subscriptions`]: "  " },
      expected: [[
        "InvalidSubscription",
        "warning",
        `${p}/subscriptions`,
        "the subscriptions annotation is empty",
      ]],
    },
    {
      name: "reports a YAML map instead of a list",
      input: { [`${p}/subscriptions`]: "trigger: [t]" },
      expected: [[
        "InvalidSubscription",
        "error",
        `${p}/subscriptions`,
        "the subscriptions annotation must be a list, not a map",
      ]],
    },
    {
      name: "reports a scalar trigger (Go would fall back to the default triggers)",
      input: {
        [`${p}/subscriptions`]: "- trigger: on-x\n  destinations: [{service: s, recipients: [r]}]",
      },
      expected: [[
        "InvalidSubscription",
        "error",
        `${p}/subscriptions`,
        'subscriptions[0].trigger must be a list of strings, not the string "on-x"',
      ]],
    },
    {
      name: "reports a map recipient",
      input: {
        [`${p}/subscriptions`]: "- trigger: [t]\n  destinations: [{service: s, recipients: [{a: b}]}]",
      },
      expected: [[
        "InvalidSubscription",
        "error",
        `${p}/subscriptions`,
        "subscriptions[0].destinations[0].recipients[0] must be a string, not a map",
      ]],
    },
    {
      name: "reports destinations that are not a list",
      input: {
        [`${p}/subscriptions`]: "- trigger: [t]\n  destinations: {service: s}",
      },
      expected: [[
        "InvalidSubscription",
        "error",
        `${p}/subscriptions`,
        "subscriptions[0].destinations must be a list, not a map",
      ]],
    },
    {
      name: "reports a destination without service",
      input: {
        [`${p}/subscriptions`]: "- trigger: [t]\n  destinations: [{recipients: [r]}]",
      },
      expected: [[
        "InvalidSubscription",
        "error",
        `${p}/subscriptions`,
        "subscriptions[0].destinations[0] names no service; it is skipped",
      ]],
    },
    {
      name: "warns about an entry without destinations",
      input: { [`${p}/subscriptions`]: "- trigger: [t]" },
      expected: [[
        "InvalidSubscription",
        "warning",
        `${p}/subscriptions`,
        "subscriptions[0] has no destinations",
      ]],
    },
    {
      name: "warns about unknown fields",
      input: {
        [`${p}/subscriptions`]: "- triggers: [t]\n  destinations: [{service: s, recipient: [r]}]",
      },
      expected: [
        [
          "InvalidSubscription",
          "warning",
          `${p}/subscriptions`,
          'subscriptions[0]: "triggers" is not a field and is ignored',
        ],
        [
          "InvalidSubscription",
          "warning",
          `${p}/subscriptions`,
          'subscriptions[0].destinations[0]: "recipient" is not a field and is ignored',
        ],
      ],
    },
  ];
  for (const c of errors) {
    it(c.name, () => expect(diagnostics(c.input)).toEqual(c.expected));
  }

  it("reports malformed YAML with its position and keeps other annotations", () => {
    const r = parseSubscriptionAnnotations({
      [`${p}/subscriptions`]: "- trigger: [t\n  destinations: x",
      [`${p}/subscribe.t.slack`]: "a",
    });
    expect(r.subscriptions.map((s) => s.destination.recipient)).toEqual(["a"]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      _tag: "InvalidSubscription",
      key: `${p}/subscriptions`,
    });
    expect(r.diagnostics[0]!.message).toMatch(
      /^the subscriptions annotation is not valid YAML: /,
    );
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it("suggests the right field name", () => {
    const r = parseSubscriptionAnnotations({
      [`${p}/subscriptions`]: "- triggers: [t]",
    });
    expect(r.diagnostics[0]!.hint).toBe('did you mean "trigger"?');
  });

  it("does not modify its input", () => {
    const input = Object.freeze({ [`${p}/subscribe.t.slack`]: "a;b" });
    parseSubscriptionAnnotations(input);
    expect(input).toEqual({ [`${p}/subscribe.t.slack`]: "a;b" });
  });

  it("never throws, whatever the annotations", () => {
    const keys = fc.oneof(
      fc.string(),
      fc.constantFrom(
        `${p}/subscriptions`,
        `${p}/subscribe.`,
        `${p}/subscribe.a.b`,
        `${p}/subscribe.slack`,
      ),
    );
    fc.assert(
      fc.property(
        fc.dictionary(keys, fc.oneof(fc.string(), fc.anything())),
        (a) => {
          const r = parseSubscriptionAnnotations(a);
          return Array.isArray(r.subscriptions) && Array.isArray(r.diagnostics);
        },
      ),
    );
  });

  it("never throws on arbitrary YAML", () => {
    const yamlish = fc.array(
      fc.constantFrom(
        "- ",
        "trigger",
        "destinations",
        ": ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "\n",
        "  ",
        "service",
        "recipients",
        "a",
        "'",
        '"',
        "&x ",
        "*x",
        "!!str ",
        "null",
        "1",
      ),
      { maxLength: 30 },
    ).map((xs) => xs.join(""));
    fc.assert(
      fc.property(yamlish, (y) => {
        const r = parseSubscriptionAnnotations({ [`${p}/subscriptions`]: y });
        return r.subscriptions.every((s) =>
          typeof s.destination.recipient === "string" &&
          s.destination.service !== ""
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe("parseRecipients()", () => {
  const cases = [
    { input: "", expected: [""] },
    { input: "a", expected: ["a"] },
    { input: " a ; b ", expected: ["a", "b"] },
    { input: ";;", expected: [] },
    { input: "a;;b;", expected: ["a", "b"] },
    { input: "#chan;@user", expected: ["#chan", "@user"] },
  ];
  for (const c of cases) {
    it(`reads ${JSON.stringify(c.input)}`, () => expect(parseRecipients(c.input)).toEqual(c.expected));
  }
});

describe("parseSubscriptionAnnotations() and the input limits (#7)", () => {
  const limits = (over: Partial<typeof defaultLimits>) => ({ ...defaultLimits, ...over });

  it("reads subscription annotations up to maxAnnotationBytes together, names included", () => {
    const annotations = {
      [`${p}/subscribe.t.slack`]: "a;b",
      [`${p}/subscribe.t.email`]: "c",
      other: "x".repeat(1_000),
    };
    const size = Object.entries(annotations).filter(([k]) => k !== "other").reduce(
      (n, [k, v]) => n + k.length + v.length,
      0,
    );
    const fits = parseSubscriptionAnnotations(annotations, { limits: limits({ maxAnnotationBytes: size }) });
    expect(fits.subscriptions).toHaveLength(3);
    expect(fits.diagnostics).toEqual([]);
    const over = parseSubscriptionAnnotations(annotations, { limits: limits({ maxAnnotationBytes: size - 1 }) });
    expect(over.subscriptions).toEqual([]);
    expect(over.diagnostics).toEqual([{
      _tag: "LimitExceeded",
      severity: "error",
      message: `limit exceeded: maxAnnotationBytes (${
        size - 1
      }): the subscription annotations are larger together, so none is read`,
      hint: "Kubernetes keeps at most 256 KiB of annotations per object, all of them together",
    }]);
  });

  it("refuses 100,000 subscription annotations by their size, by default", () => {
    const annotations = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`${p}/subscribe.t.s${i}`, "ops"]),
    );
    const r = parseSubscriptionAnnotations(annotations);
    expect(r.subscriptions).toEqual([]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "limit exceeded: maxAnnotationBytes (262144): the subscription annotations are larger together, so none is read",
    ]);
  });

  const yamlLimits = [
    {
      name: "maxYamlAliases",
      value:
        "- trigger: &t [on-x]\n  destinations: &d [{service: slack, recipients: [a]}]\n- trigger: *t\n  destinations: *d\n",
      limits: { maxYamlAliases: 1 },
      message: "limit exceeded: maxYamlAliases (1): the value uses 2 aliases, counting each copy",
    },
    {
      name: "maxYamlNodes",
      value: "- trigger: [on-x]\n  destinations: [{service: slack, recipients: [a, b]}]\n",
      limits: { maxYamlNodes: 8 },
      message: "limit exceeded: maxYamlNodes (8): the value expands to 14 nodes",
    },
    {
      name: "maxYamlDepth",
      value: "- trigger: [on-x]\n  destinations: [{service: slack, recipients: [a, b]}]\n",
      limits: { maxYamlDepth: 3 },
      message: "limit exceeded: maxYamlDepth (3): lists and maps nest deeper than that",
    },
  ] as const;
  for (const c of yamlLimits) {
    it(`refuses a subscriptions annotation over ${c.name}, and reads the other annotations`, () => {
      const annotations = { [`${p}/subscriptions`]: c.value, [`${p}/subscribe.on-y.slack`]: "ops" };
      const r = parseSubscriptionAnnotations(annotations, { limits: limits(c.limits) });
      expect(r.diagnostics.map((d) => [d._tag, d.key, d.message])).toEqual([[
        "LimitExceeded",
        `${p}/subscriptions`,
        c.message,
      ]]);
      expect(rows(annotations, { limits: limits(c.limits) })).toEqual([["on-y", "slack", "ops"]]);
      expect(parseSubscriptionAnnotations(annotations).diagnostics).toEqual([]);
    });
  }

  it("refuses a billion laughs in the subscriptions annotation without expanding it", () => {
    const bomb = ["- trigger: &a0 [on-x]"].concat(
      Array.from({ length: 9 }, (_, i) => `- trigger: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`),
    ).join("\n");
    const r = parseSubscriptionAnnotations({ [`${p}/subscriptions`]: bomb });
    expect(r.diagnostics.map((d) => d._tag)).toEqual(["LimitExceeded"]);
    expect(r.diagnostics[0]?.message).toMatch(/^limit exceeded: maxYamlAliases \(100\)/);
  });

  it("reads a subscriptions annotation of 2,000 entries (near the size limit) in near-linear time", () => {
    const yaml = (n: number) =>
      Array.from({ length: n }, (_, i) => `- trigger: [on-x]\n  destinations: [{service: slack, recipients: [r${i}]}]`)
        .join("\n");
    const r = parseSubscriptionAnnotations({ [`${p}/subscriptions`]: yaml(2_000) });
    expect(r.diagnostics).toEqual([]);
    expect(r.subscriptions).toHaveLength(2_000);
    expect(r.subscriptions[1_999]?.destination).toEqual({ service: "slack", recipient: "r1999" });
    const big = limits({ maxAnnotationBytes: 1 << 30 });
    expect(growth((n) => {
      const annotations = { [`${p}/subscriptions`]: yaml(n) };
      return () => parseSubscriptionAnnotations(annotations, { limits: big });
    }, 100)).toBeLessThan(nearLinear);
  });
});
