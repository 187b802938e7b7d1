/**
 * An {@linkcode Explanation} as text a person reads in one screen.
 * @module
 */
import { formatDiagnostic } from "../diagnostics.ts";
import type { ExplainedCondition, Explanation, ExplanationEntry, Outcome, SubscriptionSources } from "../engine/mod.ts";
import { show } from "./matcher.ts";

/** How to emphasise parts of the text (identity functions when there is no terminal). */
export interface TextStyle {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
}

/** No emphasis. */
export const plainStyle: TextStyle = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
};

function isoSeconds(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Describes the subscription sources in one line.
 * @param s the sources
 * @returns e.g. `annotations a, b; 1 of 2 default subscriptions select the resource (subscriptions[1]); no defaultTriggers`
 */
export function describeSources(s: SubscriptionSources): string {
  if (s.given) return "subscriptions were given by the host";
  const annotations = s.annotations.length === 0
    ? "no subscription annotations"
    : `annotations ${s.annotations.join(", ")}`;
  const { matching, total } = s.defaultSubscriptions;
  const which = matching.length === 0 ? "" : ` (${matching.map((i) => `subscriptions[${i}]`).join(", ")})`;
  const defaults = `${matching.length} of ${total} default subscriptions select the resource${which}`;
  const triggers = s.defaultTriggers.length === 0
    ? "no defaultTriggers"
    : `defaultTriggers ${s.defaultTriggers.join(", ")}`;
  return `${annotations}; ${defaults}; ${triggers}`;
}

/** What subscribed the resource to `trigger`: `(via subscribe.on-x.slack; subscriptions[0])`, or nothing. */
function describeTriggerSources(s: SubscriptionSources, trigger: string): string {
  const t = s.triggers[trigger];
  if (t === undefined) return "";
  const via = [
    ...t.annotations.map((a) => a.slice(a.indexOf("/") + 1)),
    ...t.defaultSubscriptions.map((i) => `subscriptions[${i}]`),
  ];
  return via.length === 0 ? "" : ` (via ${via.join(", ")})`;
}

/** The condition's line: `[0] when x, oncePer y = "v"`. */
function describeCondition(c: ExplainedCondition): string {
  const when = c.when === "" ? "(none: false)" : c.when;
  const value = c.oncePerValue !== undefined ? ` = ${show(c.oncePerValue, 80)}` : "";
  const failed = c.oncePerError !== undefined ? ` failed (${c.oncePerError.message}), so notifies as without` : "";
  const once = c.oncePer !== undefined ? `, oncePer ${c.oncePer}${value}${failed}` : "";
  return `[${c.index}] when ${when}${once}`;
}

/**
 * Describes an outcome in a phrase.
 * @param outcome the outcome
 * @param entry the entry it belongs to (for the state key)
 * @returns the phrase, e.g. `condition is false (false)`
 */
export function describeOutcome(outcome: Outcome, entry?: ExplanationEntry): string {
  const key = entry?.stateKey !== undefined ? ` (state key ${entry.stateKey})` : "";
  switch (outcome._tag) {
    case "Sent":
      return "sent";
    case "NotSubscribed":
      return "not subscribed";
    case "UnknownTrigger":
      return "a subscription names this trigger, which is not configured";
    case "ConditionFalse":
      return `condition is not true: it evaluated to ${show(outcome.value, 80)}`;
    case "ConditionErrored":
      return `condition failed: ${formatDiagnostic(outcome.error)}`;
    case "AlreadyNotified":
      return `already notified at ${isoSeconds(outcome.at)}${key}`;
    case "OncePerUnchanged":
      return `already notified for oncePer value ${show(outcome.oncePer, 80)} at ${isoSeconds(outcome.at)}${key}`;
    case "TemplateFailed":
      return `template ${outcome.template} failed: ${formatDiagnostic(outcome.error)}`;
    case "ServiceNotConfigured":
      return `the service "${outcome.service}" is not configured`;
    case "DestinationAltered":
      return outcome.to === undefined
        ? "a hook dropped the destination"
        : `a hook changed the destination to ${outcome.to.service}:${outcome.to.recipient}`;
    case "Aborted":
      return `not reached: ${formatDiagnostic(outcome.error)}`;
  }
}

/**
 * Formats an explanation: per trigger, each condition with its destinations' outcomes; the triggers the resource does
 * not subscribe to on one line, saying which of them a true condition would have notified.
 * @param explanation the explanation
 * @param options the style, and the triggers to show (all by default)
 * @returns lines of text
 */
export function formatExplanation(
  explanation: Explanation,
  options: { readonly style?: TextStyle; readonly triggers?: readonly string[] } = {},
): readonly string[] {
  const style = options.style ?? plainStyle;
  const shown = explanation.entries.filter((e) =>
    options.triggers === undefined || options.triggers.includes(e.trigger)
  );
  const lines: string[] = [];
  let trigger: string | undefined;
  let condition: number | undefined;
  const unsubscribed = new Map<string, boolean>();
  for (const e of shown) {
    if (e.outcome._tag === "NotSubscribed") {
      const wouldNotify = e.condition !== undefined && "value" in e.condition.result &&
        e.condition.result.value === true;
      unsubscribed.set(e.trigger, (unsubscribed.get(e.trigger) ?? false) || wouldNotify);
      continue;
    }
    if (e.trigger !== trigger) {
      trigger = e.trigger;
      condition = undefined;
      if (e.condition === undefined && e.destination === undefined) {
        lines.push(`${style.bold(e.trigger)}: ${describeOutcome(e.outcome, e)}`);
        continue;
      }
      lines.push(`${style.bold(e.trigger)}${describeTriggerSources(explanation.subscriptions, e.trigger)}`);
    }
    if (e.condition !== undefined && e.condition.index !== condition) {
      condition = e.condition.index;
      lines.push(`  ${describeCondition(e.condition)}`);
    }
    const to = e.destination !== undefined ? `${e.destination.service}:${e.destination.recipient}` : "";
    const text = describeOutcome(e.outcome, e);
    const painted = e.outcome._tag === "Sent" ? style.green(text) : style.yellow(text);
    lines.push(`    ${to}: ${painted}`);
  }
  if (unsubscribed.size > 0) {
    const names = [...unsubscribed].map(([name, would]) => (would ? `${name} (a condition is true)` : name));
    lines.push(`${style.dim(`not subscribed: ${names.join(", ")}`)}`);
    lines.push(style.dim(`  (${describeSources(explanation.subscriptions)})`));
  }
  return lines;
}
