import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type Config, decodeConfig, evaluate, stateKey } from "../../../mod.ts";

const data = {
  "trigger.on-ready":
    "- when: obj.status.ready == true\n  send: [m]\n- when: obj.status.ready == false\n  oncePer: obj.spec.v\n  send: [m]",
  "trigger.on-v": "- when: 'true'\n  oncePer: obj.spec.v\n  send: [m]",
  "trigger.on-broken": "- when: obj.status.(\n  send: [m]",
  "template.m": "message: '{{.obj.metadata.name}} {{.recipient}}'",
  "service.slack": "token: t",
  "subscriptions": "- recipients: [slack:labelled]\n  triggers: [on-ready]\n  selector: team=a",
  "defaultTriggers": "[on-v]",
};
const decoded = (): Config => decodeConfig({ data }).config;
const p = "notifications.argoproj.io";
const now = Date.parse("2024-01-02T03:04:05Z");

describe("planConfig()", () => {
  it("plans the state keys of each condition and destination as stateKey() makes them", () => {
    const config = decoded();
    const planned = config.plan.destinationsOf(new Map([["on-ready", [{ service: "slack", recipient: "a" }]]]), {
      apiNamespace: "ns",
    });
    const trigger = config.triggers.get("on-ready")!;
    expect(planned.triggers[0]?.keys).toEqual(trigger.conditions.map((c) => [
      stateKey({
        trigger: "on-ready",
        conditionKey: c.key,
        destination: { service: "slack", recipient: "a" },
        apiNamespace: "ns",
      }),
    ]));
    expect(planned.triggers[0]?.keysOncePer(1, "v2")).toEqual([
      stateKey({
        trigger: "on-ready",
        conditionKey: trigger.conditions[1]!.key,
        destination: { service: "slack", recipient: "a" },
        apiNamespace: "ns",
        oncePer: "v2",
      }),
    ]);
  });

  it("names a trigger left out because its condition does not compile, where a subscription names it", () => {
    const config = decoded();
    const d = evaluate({ metadata: { annotations: { [`${p}/subscribe.on-broken.slack`]: "x" } } }, config, { now });
    expect(d.diagnostics.map((x) => [x._tag, x.message])).toEqual([[
      "UnknownTrigger",
      'a subscription names the trigger "on-broken", which is left out because its condition does not compile',
    ]]);
  });

  it("serves a copy of the configuration with other triggers from a plan of its own", () => {
    const config = decoded();
    const other = decodeConfig({ data: { ...data, "trigger.on-ready": "- when: 'true'\n  send: [m]" } }).config;
    const resource = {
      metadata: { name: "r", uid: "u", annotations: { [`${p}/subscribe.on-ready.slack`]: "x" } },
      status: {},
    };
    expect(evaluate(resource, config, { now }).notifications).toEqual([]);
    const copy = { ...config, triggers: other.triggers };
    expect(evaluate(resource, copy, { now }).notifications.map((n) => n.content.message)).toEqual(["r x"]);
    expect(evaluate(resource, config, { now }).notifications).toEqual([]);
  });

  it("decides as a configuration without memos does, for any sequence of resources (property)", () => {
    const annotation = fc.constantFrom(
      [`${p}/subscribe.on-ready.slack`, "a;b"],
      [`${p}/subscribe.on-ready.slack`, "b"],
      [`${p}/subscribe.on-v.slack`, "a"],
      [`${p}/subscribe.slack`, "c"],
      [`${p}/subscribe.on-broken.slack`, "a"],
      [`${p}/subscriptions`, "- trigger: [on-ready]\n  destinations: [{service: slack, recipients: [d]}]"],
      [`${p}/subscriptions`, "- trigger: [on-v"],
      ["other", "x"],
    );
    const resource = fc.record({
      uid: fc.constantFrom("u1", "u2", undefined),
      annotations: fc.array(annotation, { maxLength: 4 }).map((es) => Object.fromEntries(es)),
      labels: fc.constantFrom({}, { team: "a" }, { team: "b" }),
      ready: fc.boolean(),
      v: fc.constantFrom("v1", "v2"),
    }).map((r) => ({
      metadata: {
        name: "r",
        ...(r.uid !== undefined ? { uid: r.uid } : {}),
        annotations: r.annotations,
        labels: r.labels,
      },
      spec: { v: r.v },
      status: { ready: r.ready },
    }));
    const options = fc.record({ apiNamespace: fc.constantFrom(undefined, "ns"), hostGiven: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.tuple(resource, options), { maxLength: 10 }), (steps) => {
        const kept = decoded();
        let state = {};
        let fresh = {};
        for (const [r, o] of steps) {
          const subscriptions = o.hostGiven
            ? new Map([["on-ready", [{ service: "slack", recipient: r.metadata.labels["team"] ?? "none" }]]])
            : undefined;
          const opts = {
            now,
            ...(o.apiNamespace !== undefined ? { apiNamespace: o.apiNamespace } : {}),
            ...(subscriptions ? { subscriptions } : {}),
          };
          const a = evaluate(r, kept, { ...opts, state });
          const b = evaluate(r, decoded(), { ...opts, state: fresh });
          expect(a).toEqual(b);
          state = a.state;
          fresh = b.state;
        }
      }),
      { numRuns: 200 },
    );
  });
});
