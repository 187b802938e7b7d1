/**
 * Ordering of resourceVersions. Kubernetes calls them opaque, but every API server backed by etcd 3 serves etcd's
 * revision, a decimal integer that grows with every write; client-go's watch cache compares them the same way. When
 * either is not decimal, only equality is known.
 * @module
 */

/**
 * Whether `candidate` is the same write as `known` or a later one.
 * @param candidate the resourceVersion seen now (absent: unknown, so not newer)
 * @param known the resourceVersion of a write we made
 * @returns whether `candidate` already includes that write
 * @example
 * ```ts
 * import { isNewerOrSame } from "./resource-version.ts";
 * import { expect } from "expect";
 * expect(isNewerOrSame("1000", "999")).toBe(true);
 * expect(isNewerOrSame("999", "1000")).toBe(false);
 * expect(isNewerOrSame("abc", "abc")).toBe(true);
 * expect(isNewerOrSame("abd", "abc")).toBe(false);
 * ```
 */
export function isNewerOrSame(candidate: string | undefined, known: string): boolean {
  if (candidate === undefined) return false;
  if (candidate === known) return true;
  if (!/^\d+$/.test(candidate) || !/^\d+$/.test(known)) return false;
  return BigInt(candidate) >= BigInt(known);
}
