/**
 * Go values the languages share: durations, float64s that print as Go prints them, times and their layouts, and the
 * bounded measure of a value before a walk. Part of the bottom layer with `lib/go` and `lib/gofmt`.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { formatDuration, minute } from "./mod.ts";
 *
 * expect(formatDuration(90 * minute)).toBe("1h30m0s");
 * ```
 * @module
 */
export {
  formatDuration,
  GoDuration,
  hour,
  maxDurationNs,
  microsecond,
  millisecond,
  minDurationNs,
  minute,
  nanosecond,
  parseDuration,
  quoteGo,
  second,
} from "./duration.ts";
export { GoFloat, isFloat, toFloatValue } from "./float.ts";
export { formatLayout, longDayNames, longMonthNames, type ParsedTime, parseLayout } from "./layout.ts";
export { type MeasureBounds, measureValue, type ValueMeasure } from "./measure-value.ts";
export { GoMonth, GoTime, GoWeekday, layouts, parseRfc3339 } from "./time.ts";
