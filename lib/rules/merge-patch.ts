/**
 * JSON merge patch (RFC 7386): how a rule test's step changes the previous step's resource.
 * @module
 */

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Applies a JSON merge patch: maps merge key by key, `null` removes a key, anything else (lists included) replaces.
 * Neither argument is modified.
 *
 * @param target the value to patch
 * @param patch the merge patch
 * @returns the patched value
 * @example Changing one field and removing another
 * ```ts
 * import { mergePatch } from "./merge-patch.ts";
 * import { expect } from "expect";
 * expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 4, d: null } })).toEqual({ a: 1, b: { c: 4 } });
 * ```
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
