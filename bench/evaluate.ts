/**
 * bench/evaluate: decisions per second of `evaluate` over the official Argo CD catalog, on a realistic Application
 * subscribed to every trigger (Slack with two channels, e-mail, Teams):
 * - steady state: the state already records every notification, so nothing is rendered;
 * - first sight: an empty state, so every triggered condition renders its template for each destination.
 * - steady state with the subscriptions passed in, as a host that caches them per resource version would;
 * The baseline, measured in the same run, is the steady-state decision written by hand in JavaScript (the catalog's
 * conditions as functions, the same state keys looked up): the price of configuration over code.
 */
import { decodeConfig, evaluate, formatDiagnostic, resolveDestinations } from "../mod.ts";
import { measure, rate } from "./_measure.ts";
import { application, argoCdConfigMap, argoCdSecret, subscribeEverything } from "../tests/_helpers/argocd.ts";

const { config, diagnostics } = decodeConfig(argoCdConfigMap(), argoCdSecret);
const errors = diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) throw new Error(`the catalog does not decode: ${errors.map(formatDiagnostic).join("; ")}`);

const app = application(subscribeEverything([...config.triggers.keys()]));
const now = Date.parse("2024-01-02T03:05:00Z");
const options = { now, resourceName: "app" } as const;
const first = evaluate(app, config, { ...options, state: {} });
if (first.diagnostics.length > 0) throw new Error(first.diagnostics.map(formatDiagnostic).join("; "));
const steadyState = first.state;
const again = evaluate(app, config, { ...options, state: steadyState });
if (again.notifications.length !== 0) throw new Error("steady state sent notifications");

type App = ReturnType<typeof application> & Record<string, any>;
const parse = (s: string): number => Date.parse(s);
const handWritten: readonly [string, (a: App) => boolean, (a: App) => string][] = [
  ["on-created", () => true, (a) => a.metadata.name],
  ["on-deleted", (a) => a.metadata.deletionTimestamp != null, (a) => a.metadata.name],
  ["on-deployed", (a) => {
    const op = a.status.operationState;
    return op != null && op.phase === "Succeeded" && a.status.health.status === "Healthy" &&
      (!(parse(a.status.health.lastTransitionTime) + 60_000 < parse(op.finishedAt)) ||
        parse(a.status.health.lastTransitionTime) < parse(op.startedAt));
  }, (a) => a.status.operationState?.syncResult?.revision],
  ["on-health-degraded", (a) => a.status.health.status === "Degraded", (a) => a.status.operationState?.syncResult?.revision],
  ["on-sync-failed", (a) => a.status.operationState != null && ["Error", "Failed"].includes(a.status.operationState.phase), (a) => a.status.operationState?.syncResult?.revision],
  ["on-sync-running", (a) => a.status.operationState != null && a.status.operationState.phase === "Running", (a) => a.status.operationState?.syncResult?.revision],
  ["on-sync-status-unknown", (a) => a.status.sync.status === "Unknown", (a) => a.status.operationState?.syncResult?.revision],
  ["on-sync-succeeded", (a) => a.status.operationState != null && a.status.operationState.phase === "Succeeded", (a) => a.status.operationState?.syncResult?.revision],
];
const destinations = [["slack", "deployments"], ["slack", "platform"], ["email", "team@example.com"], ["teams", "ops"]];
const conditionKeys = new Map([...config.triggers].map(([name, t]) => [name, t.conditions[0]!.key]));
function handWrittenSteady(a: App): number {
  let sent = 0;
  for (const [name, when, oncePer] of handWritten) {
    if (!when(a)) continue;
    const prefix = `${oncePer(a)}:${name}:${conditionKeys.get(name)}:`;
    for (const [service, recipient] of destinations) if (!(`${prefix}${service}:${recipient}` in steadyState)) sent++;
  }
  return sent;
}
if (handWrittenSteady(app as App) !== 0) throw new Error("the hand-written baseline disagrees with evaluate");

const baseline = measure(() => handWrittenSteady(app as App));
const steady = measure(() => evaluate(app, config, { ...options, state: steadyState }));
const metadata = app["metadata"] as { annotations: Record<string, string>; labels: Record<string, string> };
const subscriptions = resolveDestinations(metadata.annotations, metadata.labels, config).destinations;
const steadyResolved = measure(() => evaluate(app, config, { ...options, state: steadyState, subscriptions }));
const firstSight = measure(() => evaluate(app, config, { ...options, state: {} }));

console.log(`catalog: ${config.triggers.size} triggers, ${config.templates.size} templates; ${first.notifications.length} notifications at first sight`);
console.log(`hand-written steady-state decision (baseline): ${rate(baseline)}`);
console.log(`evaluate, steady state:  ${rate(steady)}  (${(baseline / steady).toFixed(1)}x the baseline's time)`);
console.log(`  … with subscriptions resolved once by the host: ${rate(steadyResolved)}  (${(baseline / steadyResolved).toFixed(1)}x)`);
console.log(`evaluate, first sight:   ${rate(firstSight)}  (${(baseline / firstSight).toFixed(1)}x the baseline's time; renders ${first.notifications.length} notifications)`);
