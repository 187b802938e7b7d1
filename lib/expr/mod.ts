/**
 * The expr language (github.com/expr-lang/expr, v1.17 semantics): compile once, run many times.
 * CONTRACT (owned by the expr work, issue #3): the signatures below are what the rest of the project calls.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";

/** Options of one run. `now` is unix milliseconds; `time.Now()` returns it. */
export interface RunOptions {
  readonly now: number;
}

/** A compiled expression. `run` never throws: a failing expression is a `Left` with an `ExprEval` diagnostic. */
export interface CompiledExpr {
  readonly source: string;
  run(vars: Readonly<Record<string, unknown>>, options: RunOptions): Either<Diagnostic, unknown>;
}

/** Host additions: extra functions and variables visible to every expression (Argo CD's `repo` is the example). */
export interface CompileOptions {
  readonly functions?: Readonly<Record<string, (...args: readonly unknown[]) => unknown>>;
}

/** Compiles an expression; a syntax error is a `Left` with an `ExprCompile` diagnostic (line, column, snippet). */
export function compileExpr(source: string, options: CompileOptions = {}): Either<Diagnostic, CompiledExpr> {
  void options;
  void source;
  return E.left({ _tag: "ExprCompile", severity: "error", message: "the expr compiler is not built yet" });
}

/** Formats a value the way Go's `fmt.Sprintf("%v", v)` prints it (what `oncePer` becomes). */
export function formatOncePer(value: unknown): string {
  return String(value);
}
