/**
 * The explanation `evaluate(…, { explain: true })` records inside its pass: every outcome, table-driven; the values,
 * errors, state keys and times as the pass saw them; the subscription sources; and a property that explaining
 * changes nothing of the decision.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  type Decision,
  decodeConfig,
  type Destination,
  evaluate,
  type EvaluateOptions,
  type Explanation,
  type NotifiedState,
  type Outcome,
} from "../../../mod.ts";

const { config, diagnostics: configDiagnostics } = decodeConfig({
  data: {
    "trigger.on-ready": "- when: obj.status.ready\n  send: [ready]\n- when: obj.status.count + 1 > 2\n  send: [ready]",
    "trigger.on-once": "- when: 'true'\n  oncePer: obj.status.rev\n  send: [ready]",
    "trigger.on-once-count": "- when: 'true'\n  oncePer: obj.status.count + 1\n  send: [ready]",
    "trigger.on-per-recipient": "- when: 'true'\n  send: [per-recipient]",
    "trigger.on-missing-template": "- when: 'true'\n  send: [ready, nope]",
    "trigger.on-quiet": "- when: obj.status.quiet\n  send: [ready]",
    "template.ready": "message: '{{.obj.metadata.name}} is ready'",
    // Renders for a recipient of one letter (index 1 of a list of 2), fails for a longer one (index out of range).
    "template.per-recipient": "message: '{{index .obj.status.list (len .recipient)}}'",
    "service.slack": "token: xoxb-1",
    subscriptions: "- recipients: [slack:platform]\n  triggers: [on-quiet]\n  selector: team=platform\n" +
      "- recipients: [slack:dev]\n  triggers: [on-quiet]\n  selector: team=dev",
  },
});

const prefix = "notifications.argoproj.io";
const now = Date.parse("2024-01-02T03:04:05Z");
const nowSeconds = now / 1000;
const sub = (trigger: string, recipients = "ops", service = "slack"): Record<string, string> => ({
  [`${prefix}/subscribe.${trigger}.${service}`]: recipients,
});
const resource = (annotations: Record<string, string>, status: Record<string, unknown>, labels = {}) => ({
  metadata: { name: "web", annotations, labels },
  status,
});
const explain = (r: unknown, options: Partial<EvaluateOptions> = {}) =>
  evaluate(r, config, { now, ...options, explain: true });
const of = (e: Explanation, trigger: string) => e.entries.filter((x) => x.trigger === trigger);
const ready = { ready: true, count: 0, rev: "abc", list: ["x", "y"] };

interface Case {
  readonly name: string;
  readonly resource: unknown;
  readonly options?: Partial<EvaluateOptions>;
  readonly trigger: string;
  /** Per entry of the trigger: condition index, recipient, outcome. */
  readonly expected: readonly (readonly [number | undefined, string | undefined, Outcome | { _tag: string }])[];
}

const sentOnce = evaluate(resource(sub("on-ready"), ready), config, { now: now - 60_000 });
const onceSent = evaluate(resource(sub("on-once"), ready), config, { now: now - 60_000 });

const cases: readonly Case[] = [
  {
    name: "Sent, with the index of its notification; a false condition beside it",
    resource: resource(sub("on-ready"), ready),
    trigger: "on-ready",
    expected: [[0, "ops", { _tag: "Sent", notification: 0 }], [1, "ops", { _tag: "ConditionFalse", value: false }]],
  },
  {
    name: "ConditionFalse with the value the condition evaluated to (not only booleans)",
    resource: resource(sub("on-ready"), { ...ready, ready: "yes" }),
    trigger: "on-ready",
    expected: [[0, "ops", { _tag: "ConditionFalse", value: "yes" }], [1, "ops", {
      _tag: "ConditionFalse",
      value: false,
    }]],
  },
  {
    name: "ConditionErrored with the error as the decision reports it",
    resource: resource(sub("on-ready"), { ...ready, count: "x" }),
    trigger: "on-ready",
    expected: [[0, "ops", { _tag: "Sent", notification: 0 }], [1, "ops", { _tag: "ConditionErrored" }]],
  },
  {
    name: "AlreadyNotified at the time the state records",
    resource: resource(sub("on-ready"), ready),
    options: { state: sentOnce.state },
    trigger: "on-ready",
    expected: [[0, "ops", { _tag: "AlreadyNotified", at: nowSeconds - 60 }], [1, "ops", {
      _tag: "ConditionFalse",
      value: false,
    }]],
  },
  {
    name: "OncePerUnchanged with the oncePer value",
    resource: resource(sub("on-once"), ready),
    options: { state: onceSent.state },
    trigger: "on-once",
    expected: [[0, "ops", { _tag: "OncePerUnchanged", oncePer: "abc", at: nowSeconds - 60 }]],
  },
  {
    name: "a new oncePer value is sent again",
    resource: resource(sub("on-once"), { ...ready, rev: "def" }),
    options: { state: onceSent.state },
    trigger: "on-once",
    expected: [[0, "ops", { _tag: "Sent", notification: 0 }]],
  },
  {
    name: "TemplateFailed for exactly the destination whose render failed",
    resource: resource(sub("on-per-recipient", "a; bcd; e"), ready),
    trigger: "on-per-recipient",
    expected: [
      [0, "a", { _tag: "Sent", notification: 0 }],
      [0, "bcd", { _tag: "TemplateFailed", template: "per-recipient" }],
      [0, "e", { _tag: "Sent", notification: 1 }],
    ],
  },
  {
    name: "TemplateFailed for a template that is not configured",
    resource: resource(sub("on-missing-template"), ready),
    trigger: "on-missing-template",
    expected: [[0, "ops", { _tag: "TemplateFailed", template: "nope" }]],
  },
  {
    name: "ServiceNotConfigured",
    resource: resource(sub("on-ready", "ops", "teams"), ready),
    trigger: "on-ready",
    expected: [[0, "ops", { _tag: "ServiceNotConfigured", service: "teams" }], [1, "ops", {
      _tag: "ConditionFalse",
      value: false,
    }]],
  },
  {
    name: "UnknownTrigger",
    resource: resource(sub("on-nothing"), ready),
    trigger: "on-nothing",
    expected: [[undefined, undefined, { _tag: "UnknownTrigger" }]],
  },
  {
    name: "NotSubscribed, each condition still evaluated",
    resource: resource({}, ready),
    trigger: "on-ready",
    expected: [[0, undefined, { _tag: "NotSubscribed" }], [1, undefined, { _tag: "NotSubscribed" }]],
  },
  {
    name: "a destination repeated by the host is already notified by the same pass, at now",
    resource: resource({}, ready),
    options: {
      subscriptions: new Map([["on-once", [{ service: "slack", recipient: "a" }, {
        service: "slack",
        recipient: "a",
      }]]]),
    },
    trigger: "on-once",
    expected: [
      [0, "a", { _tag: "Sent", notification: 0 }],
      [0, "a", { _tag: "OncePerUnchanged", oncePer: "abc", at: nowSeconds }],
    ],
  },
];

describe("evaluate(…, { explain: true })", () => {
  it("works on a configuration that decodes without errors (a warning for the missing template)", () => {
    expect(configDiagnostics.map((d) => [d.severity, d.key])).toEqual([["warning", "trigger.on-missing-template"]]);
  });

  for (const c of cases) {
    it(`explains ${c.name}`, () => {
      const d = explain(c.resource, c.options);
      const got = of(d.explanation, c.trigger).map((e) => [e.condition?.index, e.destination?.recipient, e.outcome]);
      expect(got).toMatchObject(c.expected);
      expect(got).toHaveLength(c.expected.length);
    });
  }

  it("gives the condition's error, the render error and the unknown service as the very diagnostics of the decision", () => {
    const annotations = { ...sub("on-ready"), ...sub("on-per-recipient", "abc"), ...sub("on-once", "x", "teams") };
    const d = explain(resource(annotations, { ...ready, count: "x" }));
    const errors = d.explanation.entries.flatMap((e) => "error" in e.outcome ? [e.outcome.error] : []);
    expect(errors).toHaveLength(2);
    for (const error of errors) expect(d.diagnostics).toContain(error);
    expect(errors.map((e) => [e._tag, e.key])).toEqual([["TemplateRender", "template.per-recipient"], [
      "ExprEval",
      "trigger.on-ready",
    ]]);
    expect(d.diagnostics.map((x) => x._tag).sort()).toEqual(["ExprEval", "TemplateRender", "UnknownService"]);
  });

  it("records each condition's result, oncePer value and state key", () => {
    const d = explain(resource(sub("on-once"), ready));
    const [entry] = of(d.explanation, "on-once");
    expect(entry?.condition).toMatchObject({
      index: 0,
      when: "true",
      result: { value: true },
      oncePer: "obj.status.rev",
    });
    expect(entry?.condition?.oncePerValue).toBe("abc");
    expect(entry?.stateKey).toBe(d.notifications[0]?.stateKey);
    expect(Object.keys(d.state)).toEqual([entry?.stateKey]);
  });

  it("records why oncePer gave no value, and the condition notifies as without one (as in Go)", () => {
    const d = explain(resource(sub("on-once-count"), { ...ready, count: "x" }));
    const [entry] = of(d.explanation, "on-once-count");
    expect(entry?.outcome).toEqual({ _tag: "Sent", notification: 0 });
    expect(entry?.condition?.oncePerValue).toBeUndefined();
    expect(entry?.condition?.oncePerError).toMatchObject({
      _tag: "ExprEval",
      severity: "warning",
      key: "trigger.on-once-count",
    });
    expect(d.diagnostics).toEqual([entry?.condition?.oncePerError]);
    expect(d.notifications[0]?.oncePer).toBeUndefined();
    const counted = explain(resource(sub("on-once-count"), ready));
    expect(of(counted.explanation, "on-once-count")[0]?.condition?.oncePerValue).toBe("1");
  });

  it("says which annotations and default subscriptions subscribed each trigger, and which selectors matched", () => {
    const annotations = {
      ...sub("on-quiet", "a"),
      "other": "x",
      [`${prefix}/subscriptions`]: "- trigger: [on-ready]\n  destinations: [{service: slack, recipients: [b]}]",
    };
    const d = explain(resource(annotations, ready, { team: "platform" }));
    expect(d.explanation.subscriptions).toEqual({
      annotations: [`${prefix}/subscribe.on-quiet.slack`, `${prefix}/subscriptions`],
      defaultSubscriptions: { total: 2, matching: [0] },
      defaultTriggers: [],
      given: false,
      triggers: {
        "on-quiet": { annotations: [`${prefix}/subscribe.on-quiet.slack`], defaultSubscriptions: [0] },
        "on-ready": { annotations: [`${prefix}/subscriptions`], defaultSubscriptions: [] },
      },
    });
    expect(of(d.explanation, "on-quiet").map((e) => e.destination?.recipient)).toEqual(["platform", "a"]);
  });

  it("says when the host gave the destinations", () => {
    const d = explain(resource(sub("on-quiet"), ready), {
      subscriptions: new Map([["on-ready", [{ service: "slack", recipient: "z" }]]]),
    });
    expect(d.explanation.subscriptions).toMatchObject({ given: true, annotations: [], triggers: {} });
    expect(d.explanation.entries.filter((e) => e.outcome._tag !== "NotSubscribed").map((e) => e.trigger)).toEqual([
      "on-ready",
      "on-ready",
    ]);
  });

  it("orders subscribed and unknown triggers as the subscriptions name them, then the others in configuration order", () => {
    const annotations = { ...sub("on-once"), ...sub("on-nothing"), ...sub("on-ready") };
    const d = explain(resource(annotations, ready));
    const triggers = [...new Set(d.explanation.entries.map((e) => e.trigger))];
    expect(triggers).toEqual([
      "on-nothing",
      "on-once",
      "on-ready",
      "on-once-count",
      "on-per-recipient",
      "on-missing-template",
      "on-quiet",
    ]);
  });

  it("gives every destination of a condition the engine stopped Aborted, with the diagnostic", () => {
    let reads = 0;
    const vars = Object.defineProperty({}, "late", {
      enumerable: true,
      get(): string {
        if (++reads > 1) throw new RangeError("Maximum call stack size exceeded");
        return "x";
      },
    });
    const d = explain(resource(sub("on-once", "a; b"), ready), { vars });
    const entries = of(d.explanation, "on-once");
    expect(entries.map((e) => [e.destination?.recipient, e.outcome._tag])).toEqual([["a", "Aborted"], [
      "b",
      "Aborted",
    ]]);
    expect(d.diagnostics).toEqual([(entries[0]?.outcome as { error: unknown }).error]);
    expect(d.notifications).toEqual([]);
  });

  it("explains a resource that is not an object with no entries, and no metadata with the conditions", () => {
    expect(explain(null).explanation.entries).toEqual([]);
    const bare = explain({ status: ready });
    expect(new Set(bare.explanation.entries.map((e) => e.outcome._tag))).toEqual(new Set(["NotSubscribed"]));
  });
});

describe("explain changes nothing of the decision", () => {
  const recipients = ["a", "bcd", "e"];
  const triggers = [...config.triggers.keys(), "on-nothing"];
  const arbitraryResource = fc.record({
    subscribed: fc.subarray(triggers),
    recipients: fc.subarray(recipients, { minLength: 1 }),
    service: fc.constantFrom("slack", "teams"),
    team: fc.constantFrom("platform", "dev", "none"),
    status: fc.record({
      ready: fc.oneof(fc.boolean(), fc.constant("yes")),
      count: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constant("x")),
      rev: fc.oneof(fc.constantFrom("abc", "def"), fc.constant(undefined)),
      quiet: fc.boolean(),
      list: fc.constantFrom(["x", "y"], ["x"], []),
    }),
  });
  const arbitraryState = fc.subarray(["abc", "def", ""]);

  it("gives the same notifications, state and diagnostics with and without explain", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryResource, arbitraryState, fc.boolean(), (r, revs, given) => {
        const annotations = Object.fromEntries(
          r.subscribed.map((t) => [`${prefix}/subscribe.${t}.${r.service}`, r.recipients.join(";")]),
        );
        const obj = resource(annotations, r.status, { team: r.team });
        const first = evaluate(obj, config, { now: now - 60_000 });
        const state: NotifiedState = Object.fromEntries(
          Object.entries(first.state).filter(([k]) => revs.some((v) => k.startsWith(v))),
        );
        const destinations: Destination[] = r.recipients.map((recipient) => ({ service: r.service, recipient }));
        const options: EvaluateOptions = {
          now,
          state,
          ...(given ? { subscriptions: new Map(r.subscribed.map((t) => [t, destinations])) } : {}),
        };
        const plain: Decision = evaluate(obj, config, options);
        expect(Object.keys(plain)).toEqual(["notifications", "state", "diagnostics"]);
        const { explanation, ...explained } = evaluate(obj, config, { ...options, explain: true });
        expect(explained).toEqual(plain);
        for (const e of explanation.entries) seen.add(e.outcome._tag);
        // Every notification has exactly one Sent entry, with its state key; nothing else is Sent.
        const sent = explanation.entries.filter((e) => e.outcome._tag === "Sent");
        expect(sent.map((e) => [(e.outcome as { notification: number }).notification, e.stateKey])).toEqual(
          plain.notifications.map((n, i) => [i, n.stateKey]),
        );
      }),
      { numRuns: 300 },
    );
    // The runs reached every outcome but the two no configuration produces here (a hook, the engine's limits).
    expect([...seen].sort()).toEqual([
      "AlreadyNotified",
      "ConditionErrored",
      "ConditionFalse",
      "NotSubscribed",
      "OncePerUnchanged",
      "Sent",
      "ServiceNotConfigured",
      "TemplateFailed",
      "UnknownTrigger",
    ]);
  });
});
