/**
 * Argo CD's `strings` helper namespace for expressions: `ReplaceAll`, `ToUpper`, `ToLower` with Go semantics
 * (nil arguments become `""`, as expr ≥1.17 passes zero values).
 * @module
 */
import { fail } from "../_failure.ts";
import { stringArg } from "./time.ts";

const arity = (args: readonly unknown[], n: number): void => {
  if (args.length !== n) fail(`invalid number of arguments: expected ${n}, got ${args.length}`);
};

/** Go's `strings.ReplaceAll`: an empty `old` inserts `repl` before every rune and at the end. */
export function replaceAll(s: string, old: string, repl: string): string {
  if (old === "") return [...s].map((c) => repl + c).join("") + repl;
  return s.split(old).join(repl);
}

/**
 * The `strings` namespace.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { stringsHelpers } from "./strings.ts";
 * const s = stringsHelpers as { ToUpper: (x: string) => string };
 * expect(s.ToUpper("abc")).toBe("ABC");
 * ```
 */
export const stringsHelpers: Readonly<Record<string, unknown>> = Object.freeze(Object.assign(
  Object.create(null) as Record<string, unknown>,
  {
    ReplaceAll: (...a: unknown[]): string => (arity(a, 3), replaceAll(stringArg(a[0]), stringArg(a[1]), stringArg(a[2]))),
    ToUpper: (...a: unknown[]): string => (arity(a, 1), stringArg(a[0]).toUpperCase()),
    ToLower: (...a: unknown[]): string => (arity(a, 1), stringArg(a[0]).toLowerCase()),
  },
));
