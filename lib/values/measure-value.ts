/**
 * How big a value is as a printer or encoder will walk it, measured without recursion and with a bound on the work:
 * the guard to ask before printing (`%v`), encoding (JSON) or copying user data, so a value nested thousands of levels
 * deep, or built to print exponentially large (a list holding the same list twice, again and again), fails with a
 * `LimitExceeded` diagnostic instead of exhausting the stack, the memory or the time.
 * @module
 */

/** What {@linkcode measureValue} found. */
export interface ValueMeasure {
  /** Values walked (scalars, lists, maps), each counted every time it is reached, as a printer reaches it. */
  readonly nodes: number;
  /** Characters of the strings and map keys walked. */
  readonly chars: number;
  /** The sum of the depths of the values walked: what the indentation of indented JSON costs, in indent units. */
  readonly depths: number;
  /** The deepest nesting met (a scalar is depth 0, `[1]` and `{a: 1}` depth 1). */
  readonly depth: number;
  /** Whether the walk stopped early: past `maxDepth` (then `depth > maxDepth`) or past `maxNodes` (`nodes > maxNodes`). */
  readonly stopped: boolean;
}

/** Bounds of {@linkcode measureValue}. */
export interface MeasureBounds {
  /** Stop once a value nests deeper than this. */
  readonly maxDepth: number;
  /** Stop once more values than this have been walked. */
  readonly maxNodes: number;
}

function childrenOf(v: object): readonly unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return [...v.values()];
  const p: unknown = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null ? Object.values(v) : undefined;
}

/**
 * Measures `value`: arrays, `Map`s and plain objects are walked; any other value counts as one node (a
 * `Uint8Array` also counts its length in characters). Stops as soon as a bound is passed (a list's elements are
 * counted before they are walked), so it costs about `maxNodes` steps however large or deep the value is.
 *
 * @param value any value (JSON-like data, typically)
 * @param bounds where to stop
 * @returns the measure
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { measureValue } from "./measure-value.ts";
 * const m = measureValue({ a: ["xy", 1] }, { maxDepth: 10, maxNodes: 100 });
 * expect(m).toEqual({ nodes: 4, chars: 3, depths: 5, depth: 2, stopped: false });
 * const twice = (x: unknown) => [x, x];
 * expect(measureValue(twice(twice(twice(twice(1)))), { maxDepth: 10, maxNodes: 20 }).stopped).toBe(true);
 * ```
 */
export function measureValue(value: unknown, bounds: MeasureBounds): ValueMeasure {
  const { maxDepth, maxNodes } = bounds;
  const stack: unknown[] = [value];
  const levels: number[] = [0];
  let nodes = 1, chars = 0, depths = 0, depth = 0;
  const stop = (): ValueMeasure => ({ nodes, chars, depths, depth, stopped: true });
  if (nodes > maxNodes) return stop();
  while (stack.length > 0) {
    const v = stack.pop();
    const d = levels.pop()!;
    depths += d;
    if (typeof v === "string") chars += v.length;
    if (v === null || typeof v !== "object") continue;
    if (v instanceof Uint8Array) {
      chars += v.length;
      continue;
    }
    const children = childrenOf(v);
    if (children === undefined) continue;
    if (d + 1 > depth && (depth = d + 1) > maxDepth) return stop();
    if ((nodes += children.length) > maxNodes) return stop();
    if (!Array.isArray(v) && !(v instanceof Map)) for (const k of Object.keys(v)) chars += k.length;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]);
      levels.push(d + 1);
    }
  }
  return { nodes, chars, depths, depth, stopped: false };
}
