/**
 * An {@linkcode Explanation} as text a person reads in one screen.
 * @module
 */
import { formatDiagnostic } from "../diagnostics.ts";
import type { Explanation, ExplanationEntry, Outcome, SubscriptionSources } from "./explanation.ts";
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

/** Describes the subscription sources in one line. */
export function describeSources(s: SubscriptionSources): string {
  if (s.given) return "subscriptions were given by the host";
  const annotations = s.annotations.length === 0 ? "no subscription annotations" : `annotations ${s.annotations.join(", ")}`;
  const defaults = `${s.defaultSubscriptions.matching} of ${s.defaultSubscriptions.total} default subscriptions select the resource`;
  const triggers = s.defaultTriggers.length === 0 ? "no defaultTriggers" : `defaultTriggers ${s.defaultTriggers.join(", ")}`;
  return `${annotations}; ${defaults}; ${triggers}`;
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
      return `template ${outcome.template !== undefined ? `${outcome.template} ` : ""}failed: ${formatDiagnostic(outcome.error)}`;
    case "ServiceNotConfigured":
      return `the service "${outcome.service}" is not configured`;
    case "DestinationAltered":
      return outcome.to === undefined ? "a hook dropped the destination" : `a hook changed the destination to ${outcome.to.service}:${outcome.to.recipient}`;
    case "NotSent":
      return `not sent: ${outcome.reason}`;
  }
}

/**
 * Formats an explanation: per trigger, each condition with its destinations' outcomes; triggers the resource does not
 * subscribe to on one line.
 * @param explanation the explanation
 * @param options the style, and the triggers to show (all by default)
 * @returns lines of text
 */
export function formatExplanation(
  explanation: Explanation,
  options: { readonly style?: TextStyle; readonly triggers?: readonly string[] } = {},
): readonly string[] {
  const style = options.style ?? plainStyle;
  const shown = explanation.entries.filter((e) => options.triggers === undefined || options.triggers.includes(e.trigger));
  const lines: string[] = [];
  let trigger: string | undefined;
  let condition: number | undefined;
  const unsubscribed: string[] = [];
  for (const e of shown) {
    if (e.outcome._tag === "NotSubscribed") {
      unsubscribed.push(e.trigger);
      continue;
    }
    if (e.trigger !== trigger) {
      trigger = e.trigger;
      condition = undefined;
      if (e.condition === undefined) {
        lines.push(`${style.bold(e.trigger)}: ${describeOutcome(e.outcome, e)}`);
        continue;
      }
      lines.push(style.bold(e.trigger));
    }
    if (e.condition !== undefined && e.condition.index !== condition) {
      condition = e.condition.index;
      const once = e.condition.oncePer !== undefined
        ? `, oncePer ${e.condition.oncePer}${e.condition.oncePerValue !== undefined ? ` = ${show(e.condition.oncePerValue, 80)}` : ""}`
        : "";
      lines.push(`  [${e.condition.index}] when ${e.condition.when === "" ? "(none: false)" : e.condition.when}${once}`);
    }
    const to = e.destination !== undefined ? `${e.destination.service}:${e.destination.recipient}` : "";
    const text = describeOutcome(e.outcome, e);
    const painted = e.outcome._tag === "Sent" ? style.green(text) : style.yellow(text);
    lines.push(`    ${to}: ${painted}`);
  }
  if (unsubscribed.length > 0) {
    lines.push(`${style.dim(`not subscribed: ${unsubscribed.join(", ")}`)}`);
    lines.push(style.dim(`  (${describeSources(explanation.subscriptions)})`));
  }
  return lines;
}
