/**
 * Writing a key of a Go map held as a JS object. An assignment `m[k] = v` with `k` = `"__proto__"` would change the
 * object's prototype instead of adding an entry (and turn a map into something else); the key is as ordinary as any
 * other in Go, so maps built or changed for a template (sprig's `dict`, `set`, `merge`…, the private copy of the data)
 * write their entries with {@linkcode setEntry}.
 * @module
 */

/**
 * Sets the own entry `key` of `map` to `value`, whatever the key.
 *
 * @param map a plain (or null-prototype) object standing for a Go map
 * @param key the key
 * @param value the value
 * @example A `__proto__` key is an entry like any other
 * ```ts
 * import { setEntry } from "./map-entry.ts";
 * import { expect } from "vitest";
 * const m: Record<string, unknown> = {};
 * setEntry(m, "__proto__", { x: 1 });
 * expect(Object.keys(m)).toEqual(["__proto__"]);
 * expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
 * ```
 */
export function setEntry(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  } else map[key] = value;
}
