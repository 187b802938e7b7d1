/**
 * The Argo CD preset: the `time` and `strings` helper namespaces Argo CD gives every trigger condition and template
 * (its `exprHelpers`). Not built into the languages: a host adds them as variables, made for each decision from its
 * `now` (`time.Now()` is `now`, never the clock) and limits. The package entry applies this preset by default, so
 * Argo CD and Argo Rollouts configurations run unchanged.
 *
 * @example The helpers of one decision
 * ```ts
 * import { expect } from "expect";
 * import { defaultLimits } from "../limits.ts";
 * import { argoCdHelpers } from "./mod.ts";
 *
 * const { time, strings } = argoCdHelpers(Date.parse("2024-01-02T03:04:05Z"), defaultLimits) as Record<string, Record<string, Function>>;
 * expect(String(time!["Now"]!())).toBe("2024-01-02 03:04:05 +0000 UTC");
 * expect(strings!["ToUpper"]!("ops")).toBe("OPS");
 * ```
 * @module
 */
import { defaultLimits, type Limits } from "../limits.ts";
import { makeStringsHelpers, stringsHelpers } from "./strings.ts";
import { timeHelpers } from "./time.ts";

export { makeStringsHelpers, replaceAll, stringsHelpers } from "./strings.ts";
export { timeHelpers } from "./time.ts";

/**
 * Argo CD's `time` and `strings` namespaces for one decision.
 *
 * @param now The decision's time, unix milliseconds: what `time.Now()` returns.
 * @param limits The limits the `strings` functions build within.
 * @returns `{ time, strings }`.
 */
export function argoCdHelpers(now: number, limits: Limits): Readonly<Record<string, unknown>> {
  return { time: timeHelpers(now), strings: limits === defaultLimits ? stringsHelpers : makeStringsHelpers(limits) };
}
