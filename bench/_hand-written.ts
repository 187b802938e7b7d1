/**
 * The floor of bench/evaluate: the steady-state decision for the Argo CD catalog written by hand in JavaScript, the
 * catalog's conditions as functions and the same state keys looked up, for the Application of
 * tests/_helpers/argocd.ts subscribed to every trigger (Slack with two channels, e-mail, Teams).
 */
import type { Config, NotifiedState } from "../mod.ts";

// deno-lint-ignore no-explicit-any
type App = Record<string, any>;

const parse = (s: string): number => Date.parse(s);
const revision = (a: App): string => a.status.operationState?.syncResult?.revision;
const phaseIn = (a: App, phases: readonly string[]): boolean =>
  a.status.operationState != null && phases.includes(a.status.operationState.phase);

const triggers: readonly [string, (a: App) => boolean, (a: App) => string][] = [
  ["on-created", () => true, (a) => a.metadata.name],
  ["on-deleted", (a) => a.metadata.deletionTimestamp != null, (a) => a.metadata.name],
  ["on-deployed", (a) => {
    const op = a.status.operationState;
    return op != null && op.phase === "Succeeded" && a.status.health.status === "Healthy" &&
      (!(parse(a.status.health.lastTransitionTime) + 60_000 < parse(op.finishedAt)) ||
        parse(a.status.health.lastTransitionTime) < parse(op.startedAt));
  }, revision],
  ["on-health-degraded", (a) => a.status.health.status === "Degraded", revision],
  ["on-sync-failed", (a) => phaseIn(a, ["Error", "Failed"]), revision],
  ["on-sync-running", (a) => phaseIn(a, ["Running"]), revision],
  ["on-sync-status-unknown", (a) => a.status.sync.status === "Unknown", revision],
  ["on-sync-succeeded", (a) => phaseIn(a, ["Succeeded"]), revision],
];
const destinations = [["slack", "deployments"], ["slack", "platform"], ["email", "team@example.com"], ["teams", "ops"]];

/**
 * The hand-written steady-state decision.
 * @param config The decoded catalog: only its condition keys are read, once.
 * @param state The state that records every notification.
 * @returns A function counting the notifications the Application would cause (0 in the steady state).
 */
export function handWrittenSteady(config: Config, state: NotifiedState): (app: App) => number {
  const conditionKeys = new Map([...config.triggers].map(([name, t]) => [name, t.conditions[0]!.key]));
  return (a) => {
    let sent = 0;
    for (const [name, when, oncePer] of triggers) {
      if (!when(a)) continue;
      const prefix = `${oncePer(a)}:${name}:${conditionKeys.get(name)}:`;
      for (const [service, recipient] of destinations) if (!(`${prefix}${service}:${recipient}` in state)) sent++;
    }
    return sent;
  };
}
