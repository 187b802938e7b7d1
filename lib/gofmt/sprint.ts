/**
 * Go's `fmt.Sprint` and `fmt.Sprintln` over our value model.
 * @module
 */
import { newPrinter, printArg, reserve } from "./_printer.ts";
import type { FormatLimits } from "./format-limits.ts";

/**
 * Formats like Go's `fmt.Sprint`: each operand as `%v`, with a space between two operands when neither is a string.
 *
 * @param args the operands
 * @param limits bounds on the output's length and the operands' depth (none by default)
 * @returns the text
 * @throws FormatLimitError when a bound would be passed
 * @example Spacing rule
 * ```ts
 * import { sprint } from "./sprint.ts";
 * import { expect } from "vitest";
 * expect(sprint(["a", 1, 2, "b", "c", 3])).toBe("a1 2bc3");
 * ```
 */
export function sprint(args: readonly unknown[], limits?: FormatLimits): string {
  const p = newPrinter(limits);
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === "string";
    if (i > 0 && !isString && !prevString) p.buf += " ";
    printArg(p, a, "v");
    prevString = isString;
  });
  reserve(p, 0);
  return p.buf;
}

/**
 * Formats like Go's `fmt.Sprintln`: each operand as `%v`, separated by spaces, ending with a newline.
 *
 * @param args the operands
 * @param limits bounds on the output's length and the operands' depth (none by default)
 * @returns the text
 * @throws FormatLimitError when a bound would be passed
 * @example A line
 * ```ts
 * import { sprintln } from "./sprint.ts";
 * import { expect } from "vitest";
 * expect(sprintln(["a", 1])).toBe("a 1\n");
 * ```
 */
export function sprintln(args: readonly unknown[], limits?: FormatLimits): string {
  const p = newPrinter(limits);
  args.forEach((a, i) => {
    if (i > 0) p.buf += " ";
    printArg(p, a, "v");
  });
  reserve(p, 1);
  return p.buf + "\n";
}
