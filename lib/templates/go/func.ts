/**
 * The function interface of the Go text/template engine: what builtins, sprig and host functions look like.
 * Shared by `lib/templates/go/` (the executor) and `lib/templates/sprig/` (the sprig map).
 * @module
 */

/** What a template function may read besides its arguments: the render's clock, in unix milliseconds. */
export interface FuncContext {
  readonly now: number;
}

/**
 * A template function. `args` are the evaluated arguments (plain JS values, `Uint8Array` for []byte, GoTime objects,
 * `undefined` never appears: a missing value is passed as `null`). Throws {@linkcode GoFuncError} on failure; the
 * executor turns it into Go's `error calling X: <message>`.
 */
export type GoFunc = (ctx: FuncContext, args: readonly unknown[]) => unknown;

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
