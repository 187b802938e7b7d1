/**
 * JSON as Go's `encoding/json` writes a service's request body: `<`, `>`, `&`, U+2028 and U+2029 escaped; structs
 * in field order (the order the caller builds the object in); maps (`map[string]any`, what Go decodes user JSON
 * into) with their keys sorted by bytes.
 * @module
 */
import { compareGoStrings } from "../lib/gofmt/compare-go-strings.ts";

const htmlEscapes: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * Serialises like `json.Marshal`: compact, HTML characters escaped, object keys in their order.
 * @param value the value (built in struct field order; user maps sorted with {@linkcode sortKeys})
 * @returns the JSON text
 * @example
 * ```ts
 * import { goMarshal } from "./go-json.ts";
 * import { expect } from "expect";
 * expect(goMarshal({ text: "a <b> & c" })).toBe('{"text":"a \\u003cb\\u003e \\u0026 c"}');
 * ```
 */
export function goMarshal(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(/[<>&\u2028\u2029]/g, (c) => htmlEscapes[c] ?? c);
}

/**
 * Orders the keys of every object in `value` by bytes, as Go writes a `map[string]any`.
 * @param value a JSON value
 * @returns the same value with sorted objects
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort(compareGoStrings)) {
    Object.defineProperty(out, k, {
      value: sortKeys((value as Record<string, unknown>)[k]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
