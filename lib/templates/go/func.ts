/**
 * The function interface of the Go text/template engine: what builtins, sprig and host functions look like.
 * Shared by `lib/templates/go/` (the executor) and `lib/templates/sprig/` (the sprig map).
 * @module
 */
import type { Budget } from "./budget.ts";

/**
 * What a template function may read besides its arguments: the render's clock, in unix milliseconds, and the render's
 * budget, which functions that build lists and strings or walk values check and charge (see `budget.ts`; a function
 * called outside a render, without one, works within the default limits).
 */
export interface FuncContext {
  readonly now: number;
  readonly budget?: Budget;
}

/**
 * A Go parameter type, spelled as Go prints it in error messages. The executor checks and converts arguments for
 * these: `"interface {}"` (anything; a missing value becomes `null`), `"string"`, `"bool"`, the integer types
 * (`"int"`, `"int64"`, `"int32"`, `"uint"`, …; a JS integer), `"float64"`, `"[]interface {}"` (an array or `null`),
 * `"[]string"`, `"map[string]interface {}"` (a plain object or `null`). Any other spelling is passed through
 * unchecked (a missing value becomes `null`).
 */
export type GoType = string;

/**
 * The Go signature of a function, when it matters for Go-compatible errors (`wrong number of args for trunc: want 2
 * got 1`, `invalid value; expected string`, `wrong type for value; expected int; got float64`). Without one, a
 * function takes any number of `interface {}` arguments.
 */
export interface GoSignature {
  /** The fixed parameters. */
  readonly params: readonly GoType[];
  /** The element type of a trailing variadic parameter (`...interface {}` is `"interface {}"`), if any. */
  readonly variadic?: GoType;
}

/**
 * A template function. `args` are the evaluated arguments (plain JS values, `Uint8Array` for []byte, GoTime objects;
 * a missing value is passed as `null`, never `undefined`). Throws {@linkcode GoFuncError} on failure; the executor
 * turns it into Go's `error calling X: <message>`. An optional `signature` makes the executor check arity and
 * argument types as Go's reflection would.
 */
export type GoFunc = ((ctx: FuncContext, args: readonly unknown[]) => unknown) & {
  readonly signature?: GoSignature;
  /**
   * Set on functions that change a map or list they are given (sprig's `set`, `unset`, `merge`…), as Go's maps are
   * references. A template that names one renders over a private copy of its data, so the caller's objects never
   * change while the template still sees its own changes.
   */
  readonly mutates?: boolean;
};

/**
 * The failure of a template function, as Go's function would return it in its `error` result. The message is the Go
 * error text without the `error calling X:` prefix, which the executor adds.
 */
export class GoFuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoFuncError";
  }
}

/**
 * Attaches a Go signature to a function implementation.
 * @param signature the Go parameter types
 * @param fn the implementation
 * @returns the function, carrying `signature`
 * @example Declaring `trunc(int, string)`
 * ```ts
 * import { goFunc } from "./func.ts";
 * const trunc = goFunc({ params: ["int", "string"] }, (_ctx, [n, s]) => String(s).slice(0, Number(n)));
 * ```
 */
export function goFunc(
  signature: GoSignature,
  fn: (ctx: FuncContext, args: readonly unknown[]) => unknown,
): GoFunc {
  const f = (ctx: FuncContext, args: readonly unknown[]): unknown => fn(ctx, args);
  return Object.assign(f, { signature });
}
