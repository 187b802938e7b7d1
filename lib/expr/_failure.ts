/**
 * The two internal exceptions of the expr interpreter. They never leave `lib/expr`: `compileExpr` turns a
 * `SyntaxFailure` into an `ExprCompile` diagnostic and `run` turns an `EvalFailure` (or any other throw) into `ExprEval`.
 * @module
 */

/** A lexing, parsing or checking error at a 0-based source offset. */
export class SyntaxFailure {
  constructor(readonly message: string, readonly pos: number) {}
}

/** A run-time error, with the offset of the node that failed when known (-1 otherwise). */
export class EvalFailure {
  constructor(readonly message: string, readonly pos: number = -1) {}
}

/** Throws an {@linkcode EvalFailure}; typed `never` so callers can use it in expressions. */
export function fail(message: string, pos = -1): never {
  throw new EvalFailure(message, pos);
}
