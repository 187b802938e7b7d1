import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeConfig, type Decision, evaluate, type EvaluateOptions } from "../../../mod.ts";
import { growth, nearLinear } from "../../_helpers/growth.ts";

const { config, diagnostics: configDiagnostics } = decodeConfig({
  data: {
    "trigger.on-ready": "- when: obj.status.ready == true\n  send: [ready]",
    "trigger.on-version": "- when: obj.status.ready == true\n  oncePer: obj.spec.version\n  send: [ready]",
    "trigger.on-throws": "- when: obj.status.missing.deep == 1\n  send: [ready]",
    "trigger.on-no-template": "- when: 'true'\n  send: [nope]",
    "trigger.on-render-fails": "- when: 'true'\n  send: [fails]",
    "trigger.on-two": "- when: obj.status.ready == true\n  send: [ready, extra]",
    "template.ready": "message: '{{.obj.metadata.name}} is ready for {{.recipient}} via {{.serviceType}} at {{.context.url}}{{.team}}'",
    "template.extra": "message: ''\nslack:\n  attachments: '[{\"title\": \"{{.obj.metadata.name}}\"}]'",
    "template.fails": "message: '{{index .obj.spec.list 5}}'",
    "service.slack": "token: $slack-token",
    "service.webhook.hooks": "url: https://example.com",
    "subscriptions": "- recipients: [slack:platform]\n  triggers: [on-ready]\n  selector: team=platform",
    "context": "url: https://ui.example.com",
  },
}, { stringData: { "slack-token": "xoxb-1" } });

const prefix = "notifications.argoproj.io";
const now = Date.parse("2024-01-02T03:04:05Z");
const nowSeconds = Math.floor(now / 1000);

function resource(annotations: Record<string, unknown>, status: Record<string, unknown> = { ready: true }, extra: Record<string, unknown> = {}) {
  return { metadata: { name: "web", annotations, ...extra }, spec: { version: "v1", list: [] }, status };
}
const run = (r: unknown, options: Partial<EvaluateOptions> = {}): Decision => evaluate(r, config, { now, ...options });
const tags = (d: Decision) => d.diagnostics.map((x) => x._tag);
const messages = (d: Decision) => d.notifications.map((n) => `${n.destination.service}:${n.destination.recipient} ${n.content.message}`);

describe("evaluate()", () => {
  it("works on a configuration that decodes without errors", () => {
    expect(configDiagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  const badResources = [
    { name: "null", input: null },
    { name: "a number", input: 5 },
    { name: "a string", input: "web" },
    { name: "an array", input: [resource({})] },
  ];
  for (const c of badResources) {
    it(`reports a resource that is ${c.name} and sends nothing`, () => {
      const d = run(c.input);
      expect(d.notifications).toEqual([]);
      expect(tags(d)).toEqual(["InvalidResource"]);
      expect(d.state).toEqual({});
    });
  }

  it("warns about a resource without metadata and sends nothing", () => {
    const d = run({ status: { ready: true } });
    expect(d.notifications).toEqual([]);
    expect(d.diagnostics.map((x) => [x._tag, x.severity])).toEqual([["InvalidResource", "warning"]]);
  });

  it("still decides for a resource without metadata when subscriptions are given", () => {
    const d = run({ status: { ready: true } }, { subscriptions: new Map([["on-ready", [{ service: "slack", recipient: "a" }]]]) });
    expect(messages(d)).toEqual(["slack:a <no value> is ready for a via slack at https://ui.example.com<no value>"]);
  });

  it("drops annotations that are not strings with a diagnostic, and keeps the others", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.slack`]: "ops", "other": 7 }));
    expect(tags(d)).toEqual(["InvalidResource"]);
    expect(d.diagnostics[0]?.message).toContain('metadata.annotations["other"]');
    expect(messages(d)).toHaveLength(1);
  });

  it("sends to every recipient of a subscription, with serviceType, recipient and context in the template", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.slack`]: "a; b" }));
    expect(d.diagnostics).toEqual([]);
    expect(messages(d)).toEqual([
      "slack:a web is ready for a via slack at https://ui.example.com<no value>",
      "slack:b web is ready for b via slack at https://ui.example.com<no value>",
    ]);
    expect(d.notifications.map((n) => n.stateKey)).toEqual(Object.keys(d.state));
    expect(Object.values(d.state)).toEqual([nowSeconds, nowSeconds]);
  });

  it("passes host variables to templates", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.slack`]: "a" }), { vars: { team: "!" } });
    expect(messages(d)).toEqual(["slack:a web is ready for a via slack at https://ui.example.com!"]);
  });

  it("gives expressions and templates Argo CD's time and strings helpers, with time.Now() at now", () => {
    const { config: helpers, diagnostics } = decodeConfig({
      data: {
        "trigger.t": "- when: time.Now().Sub(time.Parse(obj.status.since)).Minutes() >= 5\n  send: [m]",
        "template.m": "message: '{{call .strings.ToUpper .obj.metadata.name}} since {{(call .time.Parse .obj.status.since).Format \"15:04\"}}, now {{(call .time.Now).Format \"15:04\"}}'",
        "service.slack": "token: t",
      },
    });
    expect(diagnostics).toEqual([]);
    const obj = (since: string) => ({ metadata: { name: "c1", annotations: { [`${prefix}/subscribe.t.slack`]: "x" } }, status: { since } });
    expect(evaluate(obj("2024-01-02T02:59:00Z"), helpers, { now }).notifications.map((n) => n.content.message)).toEqual([
      "C1 since 02:59, now 03:04",
    ]);
    expect(evaluate(obj("2024-01-02T03:00:06Z"), helpers, { now }).notifications).toEqual([]);
  });

  it("uses the resource name the host chooses", () => {
    const { config: named } = decodeConfig({
      data: {
        "trigger.t": "- when: cert.ok\n  send: [m]",
        "template.m": "message: '{{.cert.metadata.name}}'",
        "service.slack": "token: t",
      },
    });
    const d = evaluate({ metadata: { name: "c1", annotations: { [`${prefix}/subscribe.t.slack`]: "x" } }, ok: true }, named, { now, resourceName: "cert" });
    expect(d.notifications.map((n) => n.content.message)).toEqual(["c1"]);
  });

  it("notifies default subscriptions whose selector matches the labels", () => {
    const matching = run(resource({}, { ready: true }, { labels: { team: "platform" } }));
    expect(messages(matching)).toEqual(["slack:platform web is ready for platform via slack at https://ui.example.com<no value>"]);
    expect(run(resource({}, { ready: true }, { labels: { team: "other" } })).notifications).toEqual([]);
  });

  it("reports a subscription to an unknown trigger and decides the rest", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-nothing.slack`]: "a", [`${prefix}/subscribe.on-ready.slack`]: "a" }));
    expect(tags(d)).toEqual(["UnknownTrigger"]);
    expect(d.diagnostics[0]?.key).toBe("trigger.on-nothing");
    expect(messages(d)).toHaveLength(1);
  });

  const failures = [
    { name: "a template that does not exist", trigger: "on-no-template", service: "slack", tag: "UnknownTemplate" },
    { name: "a service that is not configured", trigger: "on-ready", service: "teams", tag: "UnknownService" },
    { name: "an expression that fails at run time", trigger: "on-throws", service: "slack", tag: "ExprEval" },
    { name: "a template that fails to render", trigger: "on-render-fails", service: "slack", tag: "TemplateRender" },
  ];
  for (const c of failures) {
    it(`reports ${c.name}, records nothing for it, and notifies the rest`, () => {
      const d = run(resource({
        [`${prefix}/subscribe.${c.trigger}.${c.service}`]: "x",
        [`${prefix}/subscribe.on-ready.hooks`]: "",
      }));
      expect(tags(d)).toEqual([c.tag]);
      expect(d.notifications.map((n) => `${n.trigger}>${n.destination.service}`)).toEqual(["on-ready>hooks"]);
      expect(Object.keys(d.state)).toEqual(d.notifications.map((n) => n.stateKey));
    });
  }

  it("reports a service name that only exists as a type (service.webhook.hooks is named hooks)", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.webhook`]: "y" }));
    expect(tags(d)).toEqual(["UnknownService"]);
  });

  it("gives a named service instance its type", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.hooks`]: "" }));
    expect(d.notifications.map((n) => [n.destination, n.serviceType])).toEqual([[{ service: "hooks", recipient: "" }, "webhook"]]);
  });

  it("merges the templates of a condition in order", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-two.slack`]: "a" }));
    expect(d.diagnostics).toEqual([]);
    expect(d.notifications[0]?.templates).toEqual(["ready", "extra"]);
    expect(d.notifications[0]?.content.message).toBe("web is ready for a via slack at https://ui.example.com<no value>");
    expect(d.notifications[0]?.content.blocks["slack"]?.["attachments"]).toEqual([{ title: "web" }]);
  });

  it("sends once while the condition holds, and again after it turned false", () => {
    const annotations = { [`${prefix}/subscribe.on-ready.slack`]: "a" };
    const first = run(resource(annotations));
    const second = run(resource(annotations), { state: first.state, now: now + 60_000 });
    const off = run(resource(annotations, { ready: false }), { state: second.state });
    const on = run(resource(annotations), { state: off.state, now: now + 120_000 });
    expect([first, second, off, on].map((d) => d.notifications.length)).toEqual([1, 0, 0, 1]);
    expect(second.state).toEqual(first.state);
    expect(off.state).toEqual({});
    expect(Object.values(on.state)).toEqual([nowSeconds + 120]);
  });

  it("sends once per oncePer value, and keeps the record when the condition turns false", () => {
    const annotations = { [`${prefix}/subscribe.on-version.slack`]: "a" };
    const v1 = run(resource(annotations));
    expect(v1.notifications.map((n) => [n.oncePer, n.stateKey.startsWith("v1:on-version:[0].")])).toEqual([["v1", true]]);
    const off = run(resource(annotations, { ready: false }), { state: v1.state });
    expect(off.state).toEqual(v1.state);
    const v1Again = run(resource(annotations), { state: off.state });
    expect(v1Again.notifications).toEqual([]);
    const v2 = run({ ...resource(annotations), spec: { version: "v2" } }, { state: v1Again.state });
    expect(v2.notifications.map((n) => n.oncePer)).toEqual(["v2"]);
    expect(Object.keys(v2.state)).toHaveLength(2);
  });

  it("keeps the 100 newest state entries, as the Go engine does before writing", () => {
    const old = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`old-${String(i).padStart(3, "0")}`, 1000 + i]));
    const d = run(resource({ [`${prefix}/subscribe.on-ready.slack`]: "a" }), { state: old });
    expect(d.notifications).toHaveLength(1);
    expect(Object.keys(d.state)).toHaveLength(100);
    expect(d.state).not.toHaveProperty("old-000");
    expect(d.state[d.notifications[0]!.stateKey]).toBe(nowSeconds);
  });

  it("reads the state from the notified annotation when none is given", () => {
    const annotations = { [`${prefix}/subscribe.on-ready.slack`]: "a" };
    const first = run(resource(annotations));
    const stored = { ...annotations, [`notified.${prefix}`]: JSON.stringify(first.state) };
    expect(run(resource(stored)).notifications).toEqual([]);
  });

  it("treats an unreadable notified annotation as empty, with a diagnostic", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.slack`]: "a", [`notified.${prefix}`]: "{not json" }));
    expect(tags(d)).toEqual(["InvalidState"]);
    expect(d.notifications).toHaveLength(1);
  });

  it("honours a custom annotation prefix", () => {
    const d = run(resource({ "example.io/subscribe.on-ready.slack": "a", [`${prefix}/subscribe.on-ready.slack`]: "b" }), {
      annotationPrefix: "example.io",
    });
    expect(d.notifications.map((n) => n.destination.recipient)).toEqual(["a"]);
  });

  it("prefixes state keys with the namespace of a self-service configuration", () => {
    const d = run(resource({ [`${prefix}/subscribe.on-ready.slack`]: "a" }), { apiNamespace: "team-a" });
    expect(Object.keys(d.state)[0]).toMatch(/^team-a:on-ready:\[0\]\..+:slack:a$/);
  });

  it("does not mutate its inputs", () => {
    const r = deepFreeze(resource({ [`${prefix}/subscribe.on-ready.slack`]: "a", [`${prefix}/subscribe.on-version.slack`]: "a" }));
    const state = deepFreeze({ "x:on-ready:[0].y:slack:z": 1 });
    const d = run(r, { state });
    expect(d.notifications).toHaveLength(2);
    expect(state).toEqual({ "x:on-ready:[0].y:slack:z": 1 });
  });

  it("never throws, whatever the resource", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (value) => {
        run(value);
        run({ metadata: { name: "x", annotations: { [`${prefix}/subscribe.on-ready.slack`]: "a" } }, status: value, spec: value });
      }),
      { numRuns: 300 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("evaluate() on large inputs (#7)", () => {
  const wide = decodeConfig({
    data: {
      "trigger.on-x": "- when: 'true'\n  send: [t]",
      "trigger.on-off": "- when: 'false'\n  send: [t]",
      "template.t": "message: 'hi {{.recipient}}'",
      "service.slack": "token: x",
    },
  }, undefined, { limits: { maxAnnotationBytes: 16 << 20 } }).config;
  const recipients = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`).join(";");

  it("notifies 20,000 recipients of one annotation once each, in near-linear time", () => {
    const d = evaluate(resource({ [`${prefix}/subscribe.on-x.slack`]: recipients(20_000) }), wide, { now });
    expect(d.diagnostics).toEqual([]);
    expect(d.notifications).toHaveLength(20_000);
    expect(d.notifications[19_999]?.content.message).toBe("hi r19999");
    expect(Object.keys(d.state)).toHaveLength(100);
    const again = evaluate(resource({ [`${prefix}/subscribe.on-x.slack`]: recipients(50) }), wide, { now, state: d.state });
    expect(again.notifications).toHaveLength(50);
    expect(growth((n) => {
      const r = resource({ [`${prefix}/subscribe.on-x.slack`]: recipients(n) });
      return () => evaluate(r, wide, { now });
    }, 300)).toBeLessThan(nearLinear);
  });

  it("clears 20,000 annotations' destinations of a false condition in near-linear time", () => {
    const annotations = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}/subscribe.on-off.s${i}`, "ops"]));
    const state = { [`on-off:${wide.triggers.get("on-off")?.conditions[0]?.key}:s7:ops`]: 1, kept: 2 };
    const d = evaluate(resource(annotations(20_000)), wide, { now, state });
    expect(d.notifications).toEqual([]);
    expect(d.state).toEqual({ kept: 2 });
    expect(growth((n) => {
      const r = resource(annotations(n));
      return () => evaluate(r, wide, { now });
    }, 2_000)).toBeLessThan(nearLinear);
  });

  it("reports 130,000 malformed subscriptions of one annotation (within its size limit) without throwing", () => {
    const annotations = { [`${prefix}/subscriptions`]: `[${Array(130_000).fill("x").join(",")}]` };
    const d = evaluate(resource(annotations), wide, { now });
    expect(d.diagnostics).toHaveLength(130_000);
    expect(d.diagnostics[129_999]).toMatchObject({ _tag: "InvalidSubscription", message: expect.stringContaining("subscriptions[129999]") });
  });

  it("reads the notified state within the configuration's maxAnnotationBytes", () => {
    const value = JSON.stringify({ "on-x:[0].k:slack:ops": 1 });
    const small = decodeConfig({ data: { "trigger.on-x": "- when: 'false'\n  send: [t]" } }, undefined, {
      limits: { maxAnnotationBytes: value.length - 1 },
    }).config;
    const d = evaluate(resource({ [`notified.${prefix}`]: value }), small, { now });
    expect(d.diagnostics.map((x) => [x._tag, x.key])).toEqual([["LimitExceeded", `notified.${prefix}`]]);
    expect(evaluate(resource({ [`notified.${prefix}`]: value }), wide, { now }).diagnostics).toEqual([]);
  });
});

describe("evaluate() on resources built to exhaust it (#7)", () => {
  const { config: limited } = decodeConfig({
    data: {
      "trigger.on-deep-once": "- when: 'true'\n  oncePer: obj.spec.deep\n  send: [plain]",
      "trigger.on-deep-equal": "- when: obj.spec.deep == obj.spec.twin\n  send: [plain]",
      "trigger.on-deep-json": "- when: toJSON(obj.spec.deep) != ''\n  send: [plain]",
      "trigger.on-deep-string": "- when: string(obj.spec.deep) != ''\n  send: [plain]",
      "trigger.on-deep-flatten": "- when: len(flatten(obj.spec.list)) > 0\n  send: [plain]",
      "trigger.on-long-loop": "- when: any(0..99999, any(0..99999, false))\n  send: [plain]",
      "trigger.on-ok": "- when: obj.metadata.name == 'web'\n  send: [plain]",
      "template.plain": "message: hello",
      "service.slack": "token: x",
    },
  });
  const deep = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { a: v };
    return v;
  };
  let list: unknown = [];
  for (let i = 0; i < 1_000_000; i++) list = [list];
  const resource = { metadata: { name: "web" }, spec: { deep: deep(1_000_000), twin: deep(1_000_000), list } };
  const to = [{ service: "slack", recipient: "ops" }];
  const triggers = ["on-deep-once", "on-deep-equal", "on-deep-json", "on-deep-string", "on-deep-flatten", "on-long-loop", "on-ok"];

  it("turns every walk of a value nested a million levels deep into a LimitExceeded diagnostic", () => {
    const d = evaluate(resource, limited, { now, subscriptions: new Map(triggers.map((t) => [t, to])) });
    expect(d.diagnostics.map((x) => [x.key, x._tag, x.message.replace(/\(\d+\): .*/, "")])).toEqual([
      ["trigger.on-deep-once", "LimitExceeded", "limit exceeded: maxValueDepth "],
      ["trigger.on-deep-equal", "LimitExceeded", "limit exceeded: maxValueDepth "],
      ["trigger.on-deep-json", "LimitExceeded", "limit exceeded: maxValueDepth "],
      ["trigger.on-deep-string", "LimitExceeded", "limit exceeded: maxValueDepth "],
      ["trigger.on-deep-flatten", "LimitExceeded", "limit exceeded: maxValueDepth "],
      ["trigger.on-long-loop", "LimitExceeded", "limit exceeded: exprSteps "],
    ]);
    // The conditions that failed send nothing; oncePer failing (as in Go) leaves the notification without it.
    expect(d.notifications.map((n) => [n.trigger, n.oncePer])).toEqual([["on-deep-once", undefined], ["on-ok", undefined]]);
  });

  it("honours the configuration's limits", () => {
    const { config: strict } = decodeConfig({
      data: { "trigger.on-range": "- when: len(0..99) > 0\n  send: [plain]", "template.plain": "message: x", "service.slack": "token: x" },
    }, undefined, { limits: { maxListLength: 10 } });
    const d = evaluate({ metadata: {} }, strict, { now, subscriptions: new Map([["on-range", to]]) });
    expect(d.diagnostics.map((x) => x.message)).toEqual(["limit exceeded: maxListLength (10): .. would build 100 elements"]);
  });

  it("turns the engine's own RangeError into a diagnostic as a last resort, and keeps the state it was given", () => {
    const vars = Object.defineProperty({}, "boom", {
      enumerable: true,
      get(): never {
        throw new RangeError("Maximum call stack size exceeded");
      },
    });
    const d = evaluate(resource, limited, { now, state: { kept: 1 }, vars, subscriptions: new Map([["on-ok", to]]) });
    expect(d.diagnostics.map((x) => [x._tag, x.message])).toEqual([
      ["LimitExceeded", "limit exceeded: a limit of the JavaScript engine was reached (Maximum call stack size exceeded)"],
    ]);
    expect(d.state).toEqual({ kept: 1 });
    expect(d.notifications).toEqual([]);
  });
});
