/**
 * The internal exceptions of the expr interpreter. They never leave `lib/expr`: `compileExpr` turns a
 * `SyntaxFailure` into an `ExprCompile` diagnostic, and `run` turns a `LimitFailure` into `LimitExceeded` and an
 * `EvalFailure` (or any other throw) into `ExprEval`.
 * @module
 */
import type { Limits } from "../limits.ts";
import { limitMessage } from "../limits.ts";

/** A lexing, parsing or checking error at a 0-based source offset. */
export class SyntaxFailure {
  constructor(readonly message: string, readonly pos: number) {}
}

/** A run-time error, with the offset of the node that failed when known (-1 otherwise). */
export class EvalFailure {
  constructor(readonly message: string, readonly pos: number = -1) {}
}

/** A run that passed one of its {@linkcode Limits}; `message` names the limit (see `limitMessage`). */
export class LimitFailure {
  readonly message: string;
  constructor(readonly limit: keyof Limits, readonly value: number, readonly what: string, readonly pos: number = -1) {
    this.message = limitMessage(limit, value, what);
  }

  /** The same failure at `pos`, when it has no position of its own (thrown by a helper function). */
  at(pos: number): LimitFailure {
    return this.pos >= 0 ? this : new LimitFailure(this.limit, this.value, this.what, pos);
  }
}

/** Throws an {@linkcode EvalFailure}; typed `never` so callers can use it in expressions. */
export function fail(message: string, pos = -1): never {
  throw new EvalFailure(message, pos);
}
