import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, type EvaluateOptions, writeNotifiedState } from "../../mod.ts";
import { describeOutcome, explainDecision, formatExplanation } from "../../lib/rules/mod.ts";
import { argoCdConfigMap, argoCdSecret, application } from "../_helpers/argocd.ts";

const { config } = decodeConfig({
  data: {
    "trigger.on-ready": "- when: obj.status.ready\n  send: [ready]\n- when: obj.status.count + 1 > 2\n  send: [ready]",
    "trigger.on-once": "- when: 'true'\n  oncePer: obj.status.rev\n  send: [ready]",
    "trigger.on-broken": "- when: 'true'\n  send: [needs-x]",
    "trigger.on-quiet": "- when: 'true'\n  send: [ready]",
    "template.ready": "message: '{{.obj.metadata.name}} is ready'",
    "template.needs-x": "message: '{{.obj.x.y}}'\nslack:\n  attachments: '{{.obj.metadata.name}}'",
    "service.slack": "token: xoxb-1",
  },
});

const sub = (trigger: string, service = "slack"): Record<string, string> => ({
  [`notifications.argoproj.io/subscribe.${trigger}.${service}`]: "ops",
});

function explain(annotations: Record<string, string>, status: Record<string, unknown>, options: Partial<EvaluateOptions> = {}) {
  const resource = { metadata: { name: "web", annotations }, status };
  const opts: EvaluateOptions = { now: Date.parse("2024-01-02T03:04:05Z"), ...options };
  const decision = evaluate(resource, config, opts);
  return { decision, explanation: explainDecision(resource, config, { ...opts, decision }) };
}

describe("explainDecision()", () => {
  it("says which condition sent and which evaluated to what", () => {
    const { explanation } = explain(sub("on-ready"), { ready: true, count: 0 });
    expect(explanation.entries.filter((e) => e.trigger === "on-ready").map((e) => [e.condition?.index, e.outcome])).toEqual([
      [0, { _tag: "Sent", notification: 0 }],
      [1, { _tag: "ConditionFalse", value: false }],
    ]);
  });

  it("gives the error of a condition that fails", () => {
    const { explanation } = explain(sub("on-ready"), { ready: "yes", count: "x" });
    const [first, second] = explanation.entries;
    expect(first?.outcome).toEqual({ _tag: "ConditionFalse", value: "yes" });
    expect(second?.outcome._tag).toBe("ConditionErrored");
    expect(describeOutcome(second!.outcome)).toMatch(/^condition failed: /);
  });

  it("says when the state already holds the destination, with the time and key", () => {
    const first = explain(sub("on-ready"), { ready: true, count: 0 });
    const annotations = writeNotifiedState(sub("on-ready"), first.decision.state);
    const { explanation } = explain(annotations, { ready: true, count: 0 }, { now: Date.parse("2024-01-02T03:05:05Z") });
    const [entry] = explanation.entries;
    expect(entry?.outcome).toEqual({ _tag: "AlreadyNotified", at: Date.parse("2024-01-02T03:04:05Z") / 1000 });
    expect(describeOutcome(entry!.outcome, entry)).toBe(`already notified at 2024-01-02T03:04:05Z (state key ${entry?.stateKey})`);
  });

  it("says when oncePer's value was notified already", () => {
    const first = explain(sub("on-once"), { rev: "abc" });
    const { explanation } = explain(writeNotifiedState(sub("on-once"), first.decision.state), { rev: "abc" });
    expect(explanation.entries[0]?.outcome).toMatchObject({ _tag: "OncePerUnchanged", oncePer: "abc" });
    expect(explanation.entries[0]?.condition?.oncePerValue).toBe("abc");
  });

  it("gives the template that failed, a service that is not configured, and a trigger that is not", () => {
    const annotations = { ...sub("on-broken"), ...sub("on-quiet", "teams"), ...sub("on-nothing") };
    const { explanation } = explain(annotations, {});
    const byTrigger = Object.fromEntries(explanation.entries.map((e) => [e.trigger, e.outcome]));
    expect(byTrigger["on-broken"]).toMatchObject({ _tag: "TemplateFailed", template: "needs-x" });
    expect(byTrigger["on-quiet"]).toEqual({ _tag: "ServiceNotConfigured", service: "teams" });
    expect(byTrigger["on-nothing"]).toEqual({ _tag: "UnknownTrigger" });
    expect(byTrigger["on-ready"]).toMatchObject({ _tag: "NotSubscribed" });
  });

  it("lists what was considered for a trigger nobody subscribed to", () => {
    const { explanation } = explain({ other: "x" }, {});
    expect(explanation.subscriptions).toEqual({
      annotations: [],
      defaultSubscriptions: { total: 0, matching: 0 },
      defaultTriggers: [],
      given: false,
    });
    expect(formatExplanation(explanation)).toEqual([
      "not subscribed: on-ready, on-once, on-broken, on-quiet",
      "  (no subscription annotations; 0 of 0 default subscriptions select the resource; no defaultTriggers)",
    ]);
  });

  it("explains the official Argo CD catalog's on-deployed for a degraded application", () => {
    const argo = decodeConfig(argoCdConfigMap(), argoCdSecret).config;
    const app = application({ "notifications.argoproj.io/subscribe.on-deployed.teams": "ops" });
    const degraded = { ...app, status: { ...(app["status"] as object), health: { status: "Degraded" } } };
    const options = { now: Date.parse("2024-01-02T03:04:05Z"), resourceName: "app" };
    const decision = evaluate(degraded, argo, options);
    expect(decision.notifications).toEqual([]);
    const explanation = explainDecision(degraded, argo, { ...options, decision });
    const entry = explanation.entries.find((e) => e.trigger === "on-deployed");
    expect(entry?.destination).toEqual({ service: "teams", recipient: "ops" });
    expect(entry?.outcome).toEqual({ _tag: "ConditionFalse", value: false });
    expect(formatExplanation(explanation, { triggers: ["on-deployed"] })[2]).toBe("    teams:ops: condition is not true: it evaluated to false");
  });
});
