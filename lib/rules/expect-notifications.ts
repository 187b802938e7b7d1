/**
 * Matching a step's expected notifications against the sent ones: every expectation must be met by its own
 * notification, and every notification must be expected.
 * @module
 */
import type { Notification } from "../engine/mod.ts";
import { describeMatcher, type Matcher, runMatcher } from "./matcher.ts";
import type { Expectation, FieldMatchers, Position } from "./rule-file.ts";

/** What a rule test checks of one notification: the notification and the request its service would receive. */
export interface Sent {
  readonly notification: Notification;
  /** The request as data (from the provider's `prepare`), or why there is none. */
  readonly request: unknown;
}

/** A step's failure. */
export type Failure =
  | {
    readonly _tag: "Missing";
    readonly at: Position;
    /** The expectation in one line (`on-x → slack:ops, message contains "ready"`). */
    readonly expected: string;
    /** The sent notification nearest to it (same trigger, service and recipient), and how it differs. */
    readonly closest?: { readonly notification: number; readonly differences: readonly string[] };
  }
  | { readonly _tag: "Unexpected"; readonly notification: number }
  | { readonly _tag: "StepError"; readonly message: string };

function isMatcher(m: Matcher | FieldMatchers): m is Matcher {
  return typeof (m as { _tag?: unknown })._tag === "string";
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function matchFields(matchers: FieldMatchers, actual: unknown, path: string, out: string[]): void {
  for (const [field, m] of Object.entries(matchers)) {
    const name = path === "" ? field : `${path}.${field}`;
    const value = fieldOf(actual, field);
    if (!isMatcher(m)) {
      matchFields(m, value, name, out);
      continue;
    }
    const diff = runMatcher(m, value);
    if (diff !== undefined) out.push(`${name}: ${diff}`);
  }
}

/** Flattens rendered content for matching: `message` and each block under its service name. */
function contentOf(n: Notification): Readonly<Record<string, unknown>> {
  return { ...n.content.blocks, message: n.content.message };
}

/** Every way the notification differs from the expectation; empty when it meets it. */
export function differences(e: Expectation, sent: Sent): readonly string[] {
  const n = sent.notification;
  const out: string[] = [];
  if (e.trigger !== undefined && e.trigger !== n.trigger) out.push(`trigger: expected ${e.trigger}, got ${n.trigger}`);
  if (e.service !== undefined && e.service !== n.destination.service) {
    out.push(`service: expected ${e.service}, got ${n.destination.service}`);
  }
  if (e.recipient !== undefined && e.recipient !== n.destination.recipient) {
    out.push(`recipient: expected ${JSON.stringify(e.recipient)}, got ${JSON.stringify(n.destination.recipient)}`);
  }
  if (e.template !== undefined && !n.templates.includes(e.template)) {
    out.push(`template: expected ${e.template}, got ${n.templates.join(", ")}`);
  }
  if (e.content !== undefined) matchFields(e.content, contentOf(n), "", out);
  if (e.request !== undefined) {
    if (typeof sent.request === "string") out.push(`request: ${sent.request}`);
    else matchFields(e.request, sent.request, "request", out);
  }
  return out;
}

function describeFields(matchers: FieldMatchers, path: string): string[] {
  return Object.entries(matchers).flatMap(([k, m]) => {
    const name = path === "" ? k : `${path}.${k}`;
    return isMatcher(m)
      ? [`${name} ${m._tag === "Exact" ? "= " : ""}${describeMatcher(m as Matcher)}`]
      : describeFields(m, name);
  });
}

/** The expectation in one line. */
export function describeExpectation(e: Expectation): string {
  const where = `${e.service ?? "*"}:${e.recipient ?? "*"}`;
  const head = `${e.trigger ?? "any trigger"} → ${where}${e.template !== undefined ? ` (template ${e.template})` : ""}`;
  const details = [
    ...(e.content !== undefined ? describeFields(e.content, "") : []),
    ...(e.request !== undefined ? describeFields(e.request, "request") : []),
  ];
  return details.length === 0 ? head : `${head}, ${details.join(", ")}`;
}

/**
 * Pairs expectations with notifications (a maximum matching, so the order of either does not matter) and lists what
 * is missing and what is unexpected.
 *
 * @param expected the step's expectations
 * @param sent the step's notifications and their requests
 * @returns the failures; empty when the step passes
 */
export function expectNotifications(expected: readonly Expectation[], sent: readonly Sent[]): readonly Failure[] {
  const fits = expected.map((e) => sent.map((s) => differences(e, s).length === 0));
  const owner: (number | undefined)[] = sent.map(() => undefined);
  const assign = (i: number, seen: Set<number>): boolean => {
    for (let j = 0; j < sent.length; j++) {
      if (!fits[i]![j] || seen.has(j)) continue;
      seen.add(j);
      const o = owner[j];
      if (o === undefined || assign(o, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  const met = expected.map((_, i) => assign(i, new Set()));
  const failures: Failure[] = [];
  expected.forEach((e, i) => {
    if (met[i]) return;
    const closest = nearest(e, sent, owner);
    failures.push({
      _tag: "Missing",
      at: e.at,
      expected: describeExpectation(e),
      ...(closest !== undefined ? { closest } : {}),
    });
  });
  owner.forEach((o, j) => {
    if (o === undefined) failures.push({ _tag: "Unexpected", notification: j });
  });
  return failures;
}

function nearest(
  e: Expectation,
  sent: readonly Sent[],
  owner: readonly (number | undefined)[],
): { notification: number; differences: readonly string[] } | undefined {
  let best: { notification: number; differences: readonly string[] } | undefined;
  sent.forEach((s, j) => {
    if (owner[j] !== undefined) return;
    const n = s.notification;
    if (e.trigger !== undefined && e.trigger !== n.trigger) return;
    if (e.service !== undefined && e.service !== n.destination.service) return;
    const d = differences(e, s);
    if (best === undefined || d.length < best.differences.length) best = { notification: j, differences: d };
  });
  return best;
}
