/**
 * Property keys made once and looked up many times.
 * @module
 */

/**
 * Returns the same string as an internalized property key. A string built at run time (sliced from a source,
 * concatenated) is not internalized: every lookup with it hashes and compares its characters, where an internalized
 * key is found by identity. Worth it for keys made once and looked up on every decision.
 *
 * @param key The string.
 * @returns An equal string, internalized.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { internalize } from "./internalize.ts";
 *
 * expect(internalize(["on", "deployed"].join("-"))).toBe("on-deployed");
 * ```
 */
export function internalize(key: string): string {
  return Object.keys({ [key]: 0 })[0] ?? key;
}
