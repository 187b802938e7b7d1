/**
 * Bounds on one formatting call: Go's `fmt` has none, but a template may print a value built to be huge (a list that
 * shares one sub-list at every level prints exponentially long) or nested deeper than the call stack allows.
 * @module
 */

/**
 * The longest text and the deepest value one call may print (named as in `Limits`, which therefore is one).
 */
export interface FormatLimits {
  /** Longest output, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Deepest nesting of lists and maps printed (1 inside the outermost one). */
  readonly maxValueDepth: number;
}

/** No bounds: Go's own behaviour. */
export const unboundedFormat: FormatLimits = Object.freeze({ maxStringLength: Infinity, maxValueDepth: Infinity });

/**
 * Thrown by `formatValue`, `sprint`, `sprintln` and `sprintf` when the output would pass `maxStringLength` or the
 * value nests deeper than `maxValueDepth`; nothing longer than the bound is built first.
 */
export class FormatLimitError extends Error {
  /**
   * @param kind which bound: the output's length, or the value's depth
   * @param value the bound
   */
  constructor(readonly kind: "length" | "depth", readonly value: number) {
    super(
      kind === "length" ? `formatted text longer than ${value} characters` : `value nested deeper than ${value} levels`,
    );
    this.name = "FormatLimitError";
  }
}
