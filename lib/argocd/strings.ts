/**
 * Argo CD's `strings` helper namespace for expressions: `ReplaceAll`, `ToUpper`, `ToLower` with Go semantics
 * (nil arguments become `""`, as expr ≥1.17 passes zero values).
 * @module
 */
import { LimitFailure, namespace } from "../expr/mod.ts";
import { goCount, goReplace } from "../go/mod.ts";
import { defaultLimits, type Limits } from "../limits.ts";
import { arity, stringArg } from "./_args.ts";

/**
 * Go's `strings.ReplaceAll`: an empty `old` inserts `repl` before every rune and at the end. The result's length is
 * worked out before it is built: one longer than `maxLength` fails with a `LimitFailure` naming `maxStringLength`.
 */
export function replaceAll(
  s: string,
  old: string,
  repl: string,
  maxLength: number = defaultLimits.maxStringLength,
): string {
  const length = s.length + goCount(s, old) * (repl.length - old.length);
  if (length > maxLength) {
    throw new LimitFailure("maxStringLength", maxLength, `strings.ReplaceAll would build ${length} characters`);
  }
  return goReplace(s, old, repl, -1);
}

/** Fails when a string built by a helper is longer than `maxLength`, and returns it otherwise. */
function capped(s: string, maxLength: number, what: string): string {
  if (s.length > maxLength) {
    throw new LimitFailure("maxStringLength", maxLength, `${what} would build ${s.length} characters`);
  }
  return s;
}

/**
 * The `strings` namespace for runs with the given limits (`maxStringLength` bounds what its functions build).
 *
 * @param limits the limits of the runs that use it
 * @returns a namespace table
 */
export function makeStringsHelpers(limits: Limits): Readonly<Record<string, unknown>> {
  const max = limits.maxStringLength;
  return namespace({
    ReplaceAll: (
      ...a: unknown[]
    ): string => (arity(a, 3), replaceAll(stringArg(a[0]), stringArg(a[1]), stringArg(a[2]), max)),
    ToUpper: (...a: unknown[]): string => (arity(a, 1), capped(stringArg(a[0]).toUpperCase(), max, "strings.ToUpper")),
    ToLower: (...a: unknown[]): string => (arity(a, 1), capped(stringArg(a[0]).toLowerCase(), max, "strings.ToLower")),
  });
}

/**
 * The `strings` namespace with the default limits.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { stringsHelpers } from "./strings.ts";
 * const s = stringsHelpers as { ToUpper: (x: string) => string };
 * expect(s.ToUpper("abc")).toBe("ABC");
 * ```
 */
export const stringsHelpers: Readonly<Record<string, unknown>> = makeStringsHelpers(defaultLimits);
