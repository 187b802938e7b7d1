/** The explanation as text a person reads in one screen, from explanations the core recorded. */
import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, renderNotifications, writeNotifiedState } from "../../../mod.ts";
import { describeOutcome, describeSources, formatExplanation } from "../../../lib/rules/mod.ts";
import { application, argoCdConfigMap, argoCdSecret } from "../../_helpers/argocd.ts";

const { config } = decodeConfig({
  data: {
    "trigger.on-ready": "- when: obj.status.ready\n  send: [ready]\n- when: obj.status.count + 1 > 2\n  send: [ready]",
    "trigger.on-once": "- when: 'true'\n  oncePer: obj.status.rev\n  send: [ready]",
    "trigger.on-quiet": "- when: obj.status.quiet\n  send: [ready]",
    "template.ready": "message: '{{.obj.metadata.name}} is ready'",
    "service.slack": "token: xoxb-1",
    subscriptions: "- recipients: [slack:platform]\n  triggers: [on-ready]\n  selector: team=platform",
  },
});
const p = "notifications.argoproj.io";
const now = Date.parse("2024-01-02T03:04:05Z");
const web = (annotations: Record<string, string>, status: Record<string, unknown>) => ({
  metadata: { name: "web", annotations, labels: { team: "platform" } },
  status,
});

describe("formatExplanation()", () => {
  it("shows each subscribed trigger with what subscribed it, its conditions and each destination's outcome", () => {
    const resource = web({ [`${p}/subscribe.on-ready.slack`]: "ops" }, {
      ready: true,
      count: "x",
      rev: "a",
      quiet: true,
    });
    const { explanation } = evaluate(resource, config, { now, explain: true });
    expect(formatExplanation(explanation)).toEqual([
      "on-ready (via subscribe.on-ready.slack, subscriptions[0])",
      "  [0] when obj.status.ready",
      "    slack:platform: sent",
      "    slack:ops: sent",
      "  [1] when obj.status.count + 1 > 2",
      "    slack:platform: condition failed: trigger.on-ready: line 1, column 18: invalid operation: string + int",
      "    slack:ops: condition failed: trigger.on-ready: line 1, column 18: invalid operation: string + int",
      "not subscribed: on-once (a condition is true), on-quiet (a condition is true)",
      `  (annotations ${p}/subscribe.on-ready.slack; 1 of 1 default subscriptions select the resource (subscriptions[0]); no defaultTriggers)`,
    ]);
  });

  it("says when, and under which state key, a destination was notified; and the oncePer value", () => {
    const annotations = { [`${p}/subscribe.on-once.slack`]: "ops" };
    const first = evaluate(web(annotations, { rev: "abc" }), config, { now: now - 3_600_000 });
    const again = web(writeNotifiedState(annotations, first.state), { rev: "abc" });
    const { explanation } = evaluate(again, config, { now, explain: true });
    const entry = explanation.entries.find((e) => e.trigger === "on-once");
    expect(formatExplanation(explanation, { triggers: ["on-once"] })).toEqual([
      "on-once (via subscribe.on-once.slack)",
      '  [0] when true, oncePer obj.status.rev = "abc"',
      `    slack:ops: already notified for oncePer value "abc" at 2024-01-02T02:04:05Z (state key ${entry?.stateKey})`,
    ]);
    expect(entry?.stateKey).toBe(Object.keys(first.state)[0]);
  });

  it("shows a trigger-level outcome on the trigger's line, and notifications without a condition under it", () => {
    const unknown = evaluate(web({ [`${p}/subscribe.on-nothing.slack`]: "ops" }, {}), config, { now, explain: true });
    expect(formatExplanation(unknown.explanation, { triggers: ["on-nothing"] })).toEqual([
      "on-nothing: a subscription names this trigger, which is not configured",
    ]);
    const rendered = renderNotifications(web({}, {}), config, {
      now,
      trigger: "preview",
      send: ["ready"],
      to: [{ service: "slack", recipient: "a" }, { service: "teams", recipient: "b" }],
      explain: true,
    });
    expect(formatExplanation(rendered.explanation)).toEqual([
      "preview",
      "    slack:a: sent",
      '    teams:b: the service "teams" is not configured',
    ]);
  });

  it("describes where subscriptions came from, and every outcome in a phrase", () => {
    const { explanation } = evaluate(web({}, {}), config, { now, explain: true, subscriptions: new Map() });
    expect(describeSources(explanation.subscriptions)).toBe("subscriptions were given by the host");
    expect(describeOutcome({ _tag: "ConditionFalse", value: { a: 1 } })).toBe(
      'condition is not true: it evaluated to {"a":1}',
    );
    expect(describeOutcome({ _tag: "DestinationAltered" })).toBe("a hook dropped the destination");
    expect(describeOutcome({ _tag: "Aborted", error: { _tag: "LimitExceeded", severity: "error", message: "stack" } }))
      .toBe(
        "not reached: stack",
      );
  });

  it("explains the official Argo CD catalog's on-deployed for a degraded application", () => {
    const argo = decodeConfig(argoCdConfigMap(), argoCdSecret).config;
    const app = application({ [`${p}/subscribe.on-deployed.teams`]: "ops" });
    const degraded = { ...app, status: { ...(app["status"] as object), health: { status: "Degraded" } } };
    const { notifications, explanation } = evaluate(degraded, argo, { now, resourceName: "app", explain: true });
    expect(notifications).toEqual([]);
    const lines = formatExplanation(explanation);
    expect(lines.slice(0, 3)).toMatchObject([
      "on-deployed (via subscribe.on-deployed.teams)",
      expect.stringMatching(
        /^ {2}\[0\] when app\.status\.operationState != nil and .*, oncePer app\.status\.operationState\?\.syncResult\?\.revision$/,
      ),
      "    teams:ops: condition is not true: it evaluated to false",
    ]);
    // The catalog's other triggers are listed on one line; those a true condition would notify say so.
    expect(lines[3]).toMatch(/^not subscribed: on-created \(a condition is true\), .*on-sync-status-unknown/);
    expect(lines.length).toBe(5);
  });
});
