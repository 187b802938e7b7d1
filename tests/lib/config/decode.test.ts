import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Diagnostic } from "../../../lib/diagnostics.ts";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { decodeConfig } from "../../../mod.ts";
import type { DecodedConfig } from "../../../lib/config/decode.ts";
import type { SecretLike } from "../../../lib/config/config.ts";
import catalogs from "./_fixtures/catalogs.json" with { type: "json" };

const decode = (data: Record<string, string>, secret?: SecretLike): DecodedConfig => decodeConfig({ data }, secret);
const texts = (ds: readonly Diagnostic[]): string[] => ds.map(formatDiagnostic);
const errors = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === "error");

const keyForms = [
  {
    name: "trigger.<name> with a dotted name",
    data: { "trigger.on.x": "- when: a\n  send: [t]\n", "template.t": "message: m" },
    check: (r: DecodedConfig) => expect([...r.config.triggers.keys()]).toEqual(["on.x"]),
  },
  {
    name: "template.<name>",
    data: { "template.a.b": "message: m" },
    check: (r: DecodedConfig) => expect([...r.config.templates.keys()]).toEqual(["a.b"]),
  },
  {
    name: "service.<type> and service.<type>.<name>",
    data: { "service.slack": "token: t", "service.webhook.github": "url: https://u" },
    check: (r: DecodedConfig) =>
      expect([...r.config.services.values()]).toMatchObject([
        {
          name: "slack",
          type: "slack",
          settings: { token: "t" },
          decoded: { token: "t", apiURL: "https://slack.com/api/" },
        },
        { name: "github", type: "webhook", settings: { url: "https://u" }, decoded: { url: "https://u", headers: [] } },
      ]),
  },
  {
    name: "subscriptions",
    data: { "subscriptions": "- recipients: [slack:x]\n  selector: a=b\n", "service.slack": "token: t" },
    check: (r: DecodedConfig) =>
      expect(r.config.subscriptions).toMatchObject([{
        recipients: [{ service: "slack", recipient: "x" }],
        triggers: [],
      }]),
  },
  {
    name: "defaultTriggers and defaultTriggers.<service>",
    data: {
      "defaultTriggers": "[on-a]",
      "defaultTriggers.slack": "- on-b\n",
      "trigger.on-a": "- when: x\n  send: [t]",
      "trigger.on-b": "- when: y\n  send: [t]",
      "template.t": "message: m",
    },
    check: (r: DecodedConfig) => {
      expect(r.config.defaultTriggers).toEqual(["on-a"]);
      expect([...r.config.serviceDefaultTriggers]).toEqual([["slack", ["on-b"]]]);
    },
  },
  {
    name: "context",
    data: { "context": "argocdUrl: https://argocd.example.com\n" },
    check: (r: DecodedConfig) => expect(r.config.context).toEqual({ argocdUrl: "https://argocd.example.com" }),
  },
] as const;

const problems = [
  {
    name: "an unknown top-level key",
    data: { "triggers.on-x": "- when: x" },
    expected: [
      'triggers.on-x: "triggers.on-x" is not a known key; the Go engine ignores it too; did you mean "trigger.on-x"?',
    ],
  },
  {
    name: "a trigger that sends a template that does not exist",
    data: { "trigger.on-x": "- when: x\n  send: [app-creatd]\n", "template.app-created": "message: m" },
    expected: ['trigger.on-x: line 2, column 10: template "app-creatd" is not configured; did you mean "app-created"?'],
  },
  {
    name: "a trigger in block lists, folded over lines, that sends a template that does not exist",
    data: {
      "trigger.on-x": "- when: a == 'b'\n    and c\n  send:\n  - app-created\n  - app-creatd\n",
      "template.app-created": "message: m",
    },
    expected: ['trigger.on-x: line 5, column 5: template "app-creatd" is not configured; did you mean "app-created"?'],
  },
  {
    name: "a trigger that sends a template that failed",
    data: { "trigger.on-x": "- when: x\n  send: [t]\n", "template.t": "message: '{{bad}}'" },
    expected: [
      'template.t: line 1, column 13: message: function "bad" not defined',
      'trigger.on-x: line 2, column 10: template "t" is left out because it has errors',
    ],
  },
  {
    name: "default triggers naming a trigger whose conditions send nothing (a misspelt send, #8)",
    data: { "defaultTriggers": "[on-x]", "trigger.on-x": "- when: x\n  sned: [t]\n", "template.t": "message: m" },
    expected: [
      'trigger.on-x: line 2, column 3: "sned" is not a field of a condition; did you mean "send"?',
      'trigger.on-x: line 1, column 3: "[0]" sends no template ("send" is missing or empty), so the condition is left out',
      'defaultTriggers: line 1, column 2: trigger "on-x" is left out because none of its conditions sends a template',
    ],
  },
  {
    name: "subscriptions naming an unknown trigger and service",
    data: { "subscriptions": "- recipients: [slak:x]\n  triggers: [on-y]\n", "service.slack": "token: t" },
    expected: [
      'subscriptions: line 2, column 14: trigger "on-y" is not configured',
      'subscriptions: line 1, column 16: service "slak" is not configured; did you mean "slack"?',
    ],
  },
  {
    name: "defaultTriggers naming an unknown trigger",
    data: { "defaultTriggers": "[on-sync]", "trigger.on-synced": "- when: x\n  send: [t]", "template.t": "message: m" },
    expected: ['defaultTriggers: line 1, column 2: trigger "on-sync" is not configured; did you mean "on-synced"?'],
  },
  {
    name: "two services with the same name",
    data: { "service.slack": "token: t", "service.webhook.slack": "url: https://x" },
    expected: [
      'service.webhook.slack: the service name "slack" is already taken by "service.slack", so this one is left out',
    ],
  },
] as const;

describe("decodeConfig()", () => {
  for (const c of keyForms) {
    it(`decodes ${c.name}`, () => {
      const r = decode(c.data);
      expect(texts(r.diagnostics)).toEqual([]);
      c.check(r);
    });
  }

  for (const c of problems) {
    it(`reports ${c.name}`, () => {
      expect(texts(decode(c.data).diagnostics)).toEqual(c.expected);
    });
  }

  it("reports every problem in the ConfigMap at once and keeps everything that works", () => {
    const r = decode({
      "trigger.on-ok": "- when: ok\n  send: [good]\n",
      "trigger.on-broken": "- when: x\n  send: broken\n",
      "trigger.on-bad-expr": "- when: app.x ==\n  send: [ok]\n",
      "template.good": "message: fine",
      "template.broken": "message: |\n  Application {{.app.metadata.name}}\n  {{.app.status | bad}}\n",
      "service.slack": "token: $token",
      "service.email": "- not a map",
      "subscriptions": "- recipients: [slack:c]\n  triggers: [on-ok]\n  selector: 'a in ('\n- recipients: [slack:d]\n",
      "context": "url: u",
    }, { stringData: { token: "t0k" } });
    expect(texts(errors(r.diagnostics))).toEqual([
      'trigger.on-broken: line 2, column 9: "send" must be a list of template names, not a string',
      'trigger.on-bad-expr: line 1, column 17: "when" does not compile: unexpected token EOF',
      'template.broken: line 3, column 19: message: function "bad" not defined',
      "service.email: line 1, column 1: the service configuration must be a map of settings, not a list",
      `subscriptions: line 3, column 20: Cannot parse selector "a in (": found end of string, expected: ',', ')' or identifier`,
    ]);
    expect([...r.config.triggers.keys()]).toEqual(["on-ok"]);
    expect([...r.config.templates.keys()]).toEqual(["good"]);
    expect([...r.config.services.keys()]).toEqual(["slack"]);
    expect(r.config.services.get("slack")?.settings).toEqual({ token: "t0k" });
    expect(r.config.subscriptions).toMatchObject([{ recipients: [{ service: "slack", recipient: "d" }] }]);
    expect(r.config.context).toEqual({ url: "u" });
  });

  it("replaces secrets from data and stringData and never shows a secret value in a diagnostic", () => {
    const secret = { data: { "b64": "c2VjcmV0LWZyb20tZGF0YQ==" }, stringData: { "plain": "secret-from-stringData" } };
    const r = decode({
      "service.webhook.hook":
        "url: https://x/$b64\nheaders:\n  - name: Authorization\n    value: Bearer $plain $missing\n",
      "service.slack": "- $plain",
      "trigger.on-x": "- when: $plain\n  send: [$b64]\n",
    }, secret);
    expect(r.config.services.get("hook")?.settings).toEqual({
      url: "https://x/secret-from-data",
      headers: [{ name: "Authorization", value: "Bearer secret-from-stringData $missing" }],
    });
    expect(texts(r.diagnostics)).toContain(
      'service.webhook.hook: line 4, column 12: "$missing" names no key of the Secret, so it is left as written',
    );
    const all = JSON.stringify(r.diagnostics);
    expect(all).not.toContain("secret-from-data");
    expect(all).not.toContain("secret-from-stringData");
  });

  it("reads an absent or empty ConfigMap as an empty configuration", () => {
    for (const cm of [{}, { data: null }, { data: {} }]) {
      const r = decodeConfig(cm);
      expect(r.diagnostics).toEqual([]);
      expect(r.config.triggers.size + r.config.templates.size + r.config.services.size).toBe(0);
    }
  });

  it("never throws, and never shows a secret value, on arbitrary string maps", () => {
    const secretValue = "\u27eaSECRET\u27eb";
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom("trigger.", "template.", "service.", "service.a.", "defaultTriggers.", "")
        .chain((p) => fc.string().map((s) => p + s)),
      fc.constantFrom("subscriptions", "defaultTriggers", "context"),
    );
    const fragment = fc.constantFrom(
      "- ",
      "when: ",
      "send: ",
      "[",
      "]",
      "{",
      "}",
      ": ",
      "\n",
      "  ",
      "$s",
      "$x",
      "'",
      '"',
      "|\n",
      "&a ",
      "*a",
      "!!",
      "a in (",
      "oncePer: ",
      "recipients: ",
      "selector: ",
      "1",
      "yes",
      "~",
      "#",
    );
    const value = fc.oneof(fc.string(), fc.array(fragment, { maxLength: 30 }).map((a) => a.join("")));
    fc.assert(
      fc.property(fc.dictionary(key, value), (data) => {
        const r = decodeConfig({ data }, { stringData: { s: secretValue } });
        expect(JSON.stringify(r.diagnostics)).not.toContain(secretValue);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decodeConfig() on the real catalogs", () => {
  const expected = {
    "argo-cd": { triggers: 8, templates: 8, warnings: [] },
    "argo-rollouts": { triggers: 9, templates: 9, warnings: [] },
    "certmanager": {
      triggers: 1,
      templates: 1,
      warnings: [
        'service.slack: line 1, column 8: "$slack-token" names no key of the Secret, so it is left as written',
      ],
    },
    "foo-sample": { triggers: 1, templates: 1, warnings: [] },
  } as const;
  for (const [name, counts] of Object.entries(expected)) {
    const catalog = catalogs[name as keyof typeof catalogs] as {
      configMap: { data: Record<string, string> };
      secret?: SecretLike;
    };
    it(`decodes every key of ${name} with no error`, () => {
      const r = decodeConfig(catalog.configMap, catalog.secret);
      expect(texts(r.diagnostics)).toEqual(counts.warnings);
      expect(r.config.triggers.size).toBe(counts.triggers);
      expect(r.config.templates.size).toBe(counts.templates);
    });
  }

  it("keys the Argo CD catalog's conditions as the Go engine does", () => {
    const r = decodeConfig(catalogs["argo-cd"].configMap);
    expect(r.config.triggers.get("on-sync-running")?.conditions.map((c) => c.key)).toEqual([
      "[0].ic91dZU3WrtgRdlZCpg-L8ARI0Q",
    ]);
  });

  it("decodes the Argo Rollouts catalog's conditions without when as never firing", () => {
    const r = decodeConfig(catalogs["argo-rollouts"].configMap);
    const cond = r.config.triggers.get("on-rollout-completed")?.conditions[0];
    expect(cond?.when).toBe("");
    expect(cond?.compiledWhen.source).toBe("false");
    expect(cond?.key).toBe("[0].2jmj7l5rSw0yVb_vlWAYkK_YBwk");
  });

  it("replaces the foo sample's $slack-token from its Secret", () => {
    const c = catalogs["foo-sample"];
    const r = decodeConfig(c.configMap, c.secret);
    expect(r.config.services.get("slack")?.settings).toEqual({ token: "xxxxxxx" });
  });
});

// #2: the `yaml` library prints its warnings (process.emitWarning, else console.warn) unless told not to; the pure
// core must report them as diagnostics and print nothing. The platform's printers are swapped, not our code.
describe("decodeConfig() and the YAML library's warnings", () => {
  type Printer = (...args: unknown[]) => void;
  const host = globalThis as { process?: { emitWarning?: Printer } };
  const printed: unknown[][] = [];
  const saved: { warn?: Printer; emitWarning?: Printer } = {};
  beforeEach(() => {
    printed.length = 0;
    saved.warn = console.warn;
    console.warn = (...args: unknown[]) => void printed.push(args);
    if (host.process?.emitWarning !== undefined) {
      saved.emitWarning = host.process.emitWarning;
      host.process.emitWarning = (...args: unknown[]) => void printed.push(args);
    }
  });
  afterEach(() => {
    if (saved.warn !== undefined) console.warn = saved.warn;
    if (saved.emitWarning !== undefined && host.process !== undefined) host.process.emitWarning = saved.emitWarning;
  });

  const cases = [
    {
      name: "a duplicate key",
      data: { "trigger.on-x": "- when: app.x\n  when: app.y\n" },
      expected: ["trigger.on-x: line 2, column 3: the value is not valid YAML: the map has this key already"],
    },
    {
      name: "an unknown tag (kept, with a warning)",
      data: { "context": "argocdUrl: !url https://argocd.example.com\n" },
      expected: ['context: line 1, column 12: the tag "!url" is unknown, so the value is read without it'],
    },
    {
      name: "a map key that is a list (which the library would stringify with a warning)",
      data: { "service.webhook.hook": "url: https://x\n? [a, b]\n: c\n" },
      expected: [
        "service.webhook.hook: line 2, column 3: the value is not valid YAML: a map key must be a string, number or boolean, not a list",
      ],
    },
    {
      name: "a map key that is a map, inside a template",
      data: { "template.t": "message: m\nslack:\n  {a: 1}: x\n" },
      expected: [
        "template.t: line 3, column 3: the value is not valid YAML: a map key must be a string, number or boolean, not a map",
      ],
    },
    {
      name: "a map key that is an alias of a list",
      data: { "subscriptions": "- recipients: &r [slack:a]\n  *r : x\n" },
      expected: [
        "subscriptions: line 2, column 3: the value is not valid YAML: a map key must be a string, number or boolean, not a list",
      ],
    },
  ] as const;
  for (const c of cases) {
    it(`reports ${c.name} as a diagnostic and prints nothing`, () => {
      expect(texts(decodeConfig({ data: c.data }).diagnostics)).toEqual(c.expected);
      expect(printed).toEqual([]);
    });
  }

  it("keeps the value whose tag is unknown", () => {
    expect(decodeConfig({ data: cases[1].data }).config.context).toEqual({ argocdUrl: "https://argocd.example.com" });
  });
});

describe("decodeConfig() and the input limits (#7)", () => {
  // Every kind of key with a value that uses two aliases: refused under maxYamlAliases 1, that key only.
  const twoAliases = [
    { key: "trigger.on-x", value: "- when: &w 'true'\n  oncePer: *w\n  description: *w\n  send: [t]\n" },
    { key: "template.t", value: "message: &m hi\nemail:\n  subject: *m\n  body: *m\n" },
    {
      key: "service.webhook.hook",
      value: "url: &u http://x\nheaders:\n- name: a\n  value: *u\n- name: b\n  value: *u\n",
    },
    {
      key: "subscriptions",
      value: "- recipients: &r [slack:ops]\n  triggers: [on-x]\n- recipients: *r\n- recipients: *r\n",
    },
    { key: "defaultTriggers", value: "- &t on-x\n- *t\n- *t\n" },
    { key: "defaultTriggers.slack", value: "- &t on-x\n- *t\n- *t\n" },
    { key: "context", value: "a: &a x\nb: *a\nc: *a\n" },
  ];
  for (const c of twoAliases) {
    it(`refuses "${c.key}" over maxYamlAliases with a LimitExceeded error for that key only`, () => {
      const data = { [c.key]: c.value, "template.other": "message: fine\n" };
      const limited = decodeConfig({ data }, undefined, { limits: { maxYamlAliases: 1 } });
      expect(limited.diagnostics.filter((d) => d._tag === "LimitExceeded")).toEqual([
        {
          _tag: "LimitExceeded",
          severity: "error",
          key: c.key,
          message: "limit exceeded: maxYamlAliases (1): the value uses 2 aliases, counting each copy",
        },
      ]);
      expect(limited.config.templates.has("other")).toBe(true);
      expect(limited.config.limits.maxYamlAliases).toBe(1);
      const unlimited = decodeConfig({ data });
      expect(unlimited.diagnostics.filter((d) => d._tag === "LimitExceeded")).toEqual([]);
    });
  }

  it("refuses an alias bomb in one key and decodes the others", () => {
    const bomb = ["a0: &a0 lol"].concat(
      Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`),
    ).join("\n");
    const r = decode({ context: bomb, "template.t": "message: m\n" });
    expect(texts(r.diagnostics)).toEqual([
      "context: limit exceeded: maxYamlAliases (100): the value uses 1234567890 aliases, counting each copy",
    ]);
    expect(r.config.templates.has("t")).toBe(true);
    expect(r.config.context).toEqual({});
  });

  it("refuses a service whose settings contain themselves instead of throwing", () => {
    const r = decode({ "service.webhook.x": "url: u\nloop: &l {again: *l}\n" });
    expect(texts(r.diagnostics)).toEqual([
      'service.webhook.x: line 2, column 18: the value is not valid YAML: the alias "*l" is inside the node its anchor names',
    ]);
  });

  it("reports each of 300 triggers sending a missing template, with a hint (see boundedHints() for the work)", () => {
    const data: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      data[`trigger.t${i}`] = `- when: 'true'\n  send: [tpl-${i}x]\n`;
      data[`template.tpl-${i}`] = "message: m\n";
    }
    const r = decode(data);
    const unknown = r.diagnostics.filter((d) => d._tag === "UnknownTemplate");
    expect(unknown).toHaveLength(300);
    expect(unknown[0]).toMatchObject({ key: "trigger.t0", hint: 'did you mean "tpl-0"?' });
    expect(unknown.every((d, i) => d.hint === `did you mean "tpl-${i}"?`)).toBe(true);
  });
});
