/**
 * Argo CD's `time` helper namespace for expressions: `time.Now()` (the run's `now`, never the clock), `time.Parse`
 * (RFC 3339), the duration constants `Nanosecond` … `Hour` and the Go layout constants.
 * @module
 */
import { E } from "../../fp.ts";
import { GoDuration, hour, microsecond, millisecond, minute, nanosecond, second } from "../../values/duration.ts";
import { GoTime, layouts, parseRfc3339 } from "../../values/time.ts";
import { fail } from "../_failure.ts";
import { namespace } from "../namespace.ts";
import { typeName } from "../runtime.ts";

/** A string parameter of a Go helper: nil becomes `""` (expr ≥1.17), anything else but a string fails as reflect does. */
export function stringArg(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return fail(`reflect: Call using ${typeName(v)} as type string`);
}

const arity = (args: readonly unknown[], n: number): void => {
  if (args.length !== n) fail(`invalid number of arguments: expected ${n}, got ${args.length}`);
};

/**
 * Builds the `time` namespace (a namespace table) for runs at `now`.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { timeHelpers } from "./time.ts";
 * const t = timeHelpers(Date.UTC(2024, 0, 2)) as { Now: () => { Unix(): number } };
 * expect(t.Now().Unix()).toBe(1704153600);
 * ```
 */
export function timeHelpers(now: number): Readonly<Record<string, unknown>> {
  const ns: Record<string, unknown> = {};
  ns["Now"] = (...args: unknown[]): GoTime => (arity(args, 0), GoTime.fromUnixMilli(now));
  ns["Parse"] = (...args: unknown[]): GoTime => {
    arity(args, 1);
    const r = parseRfc3339(stringArg(args[0]));
    return E.isLeft(r) ? fail(r.left) : r.right;
  };
  ns["Nanosecond"] = new GoDuration(nanosecond);
  ns["Microsecond"] = new GoDuration(microsecond);
  ns["Millisecond"] = new GoDuration(millisecond);
  ns["Second"] = new GoDuration(second);
  ns["Minute"] = new GoDuration(minute);
  ns["Hour"] = new GoDuration(hour);
  for (const [k, v] of Object.entries(layouts)) ns[k] = v;
  return namespace(ns);
}
