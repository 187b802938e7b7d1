/**
 * How deep a value nests, measured without recursion: the one guard every recursive walk of user data (printing,
 * comparing, copying, encoding) can ask first, so a resource or a built value nested thousands of levels deep fails
 * with a `LimitExceeded` diagnostic instead of exhausting the call stack.
 * @module
 */

/**
 * Whether `value` nests deeper than `max` levels of arrays and objects (a scalar is depth 0, `[1]` and `{a: 1}` depth
 * 1). Stops as soon as the answer is known, so a shallow value costs one pass and a deep one no more than `max` levels
 * of it; shared sub-values are walked each time they are reached, within that bound.
 *
 * @param value any value (JSON-like data, typically)
 * @param max the deepest nesting allowed
 * @returns `true` when some path through the value is longer than `max`
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { nestsDeeperThan } from "./depth.ts";
 * expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
 * expect(nestsDeeperThan({ a: [{ b: 1 }] }, 2)).toBe(true);
 * ```
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== "object") return false;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    const d = depths.pop()!;
    if (d > max) return true;
    const children = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : isPlainObject(v) ? Object.values(v) : [];
    for (const c of children) {
      if (c !== null && typeof c === "object") {
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return false;
}

function isPlainObject(v: object): boolean {
  const p: unknown = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}
