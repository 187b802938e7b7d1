/**
 * The expr language (github.com/expr-lang/expr, v1.17 semantics): compile once, run many times.
 *
 * @example Compile a trigger condition and run it
 * ```ts
 * import { expect } from "expect";
 * import { compileExpr } from "./mod.ts";
 * const c = compileExpr("any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})");
 * if (c._tag === "Left") throw new Error(c.left.message);
 * const cert = { status: { conditions: [{ reason: "Ready", status: "True" }] } };
 * expect(c.right.run({ cert }, { now: 0 })).toEqual({ _tag: "Right", right: true });
 * ```
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { defaultLimits, type Limits } from "../limits.ts";
import { E } from "../fp.ts";
import { checkString, measureFor, newBudget } from "./_budget.ts";
import { EvalFailure, LimitFailure, SyntaxFailure } from "./_failure.ts";
import type { Ctx } from "./_run.ts";
import { compileTree } from "./compile.ts";
import { formatValue } from "../gofmt/format-value.ts";
import { namespace } from "./namespace.ts";
import { parse } from "./parser.ts";

/** Options of one run. `now` is unix milliseconds; `time.Now()` returns it. */
export interface RunOptions {
  readonly now: number;
  /**
   * The budget of the run; `defaultLimits` when left out. A run uses `exprSteps`, `maxListLength`,
   * `maxStringLength` and `maxValueDepth` (see `lib/expr/_budget.ts` for what costs what).
   */
  readonly limits?: Limits;
}

/**
 * A compiled expression. `run` never throws: a failing expression is a `Left` with an `ExprEval` diagnostic, one
 * that passed a limit of the run a `Left` with a `LimitExceeded` diagnostic naming the limit.
 */
export interface CompiledExpr {
  readonly source: string;
  run(vars: Readonly<Record<string, unknown>>, options: RunOptions): Either<Diagnostic, unknown>;
}

/**
 * Host additions: extra functions visible to every expression (Argo CD's `repo` is the example). A dotted name
 * (`"repo.RepoURLToHTTPS"`) is reachable as a member of a namespace (`repo.RepoURLToHTTPS(url)`), a frozen table
 * whose functions are the only members an expression can read from it (a function has no readable members).
 * `helpers` (default true) adds Argo CD's `time` and `strings` namespaces, which win over same-named variables.
 */
export interface CompileOptions {
  readonly functions?: Readonly<Record<string, (...args: readonly unknown[]) => unknown>>;
  readonly helpers?: boolean;
}

function position(source: string, pos: number): { line: number; column: number; snippet: string } {
  const before = source.slice(0, Math.max(0, pos));
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = source.indexOf("\n", lineStart);
  const text = source.slice(lineStart, lineEnd < 0 ? source.length : lineEnd).replace(/\t/g, " ");
  const column = [...source.slice(lineStart, Math.max(lineStart, pos))].length + 1;
  return { line, column, snippet: ` | ${text}\n | ${".".repeat(column - 1)}^` };
}

function namespaces(
  functions: Readonly<Record<string, (...args: readonly unknown[]) => unknown>>,
): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const tables = new Map<string, Record<string, unknown>>();
  for (const [name, f] of Object.entries(functions)) {
    const dot = name.indexOf(".");
    if (dot < 0) {
      out[name] = f;
      tables.delete(name);
      continue;
    }
    const ns = name.slice(0, dot);
    let table = tables.get(ns);
    if (table === undefined) tables.set(ns, table = {});
    Object.defineProperty(table, name.slice(dot + 1), { value: f, enumerable: true, writable: true, configurable: true });
  }
  for (const [ns, table] of tables) out[ns] = namespace(table);
  return Object.freeze(out);
}

/** The diagnostic of a run that threw (kept out of `run`, which V8 then inlines into its callers). */
function runFailure(e: unknown, text: string): Diagnostic {
  if (e instanceof EvalFailure) return diagnostic("ExprEval", e.message, e.pos >= 0 ? position(text, e.pos) : {});
  if (e instanceof LimitFailure) return diagnostic("LimitExceeded", e.message, e.pos >= 0 ? position(text, e.pos) : {});
  // The budget keeps the engine's own limits out of reach; should one be reached anyway, it is a limit too.
  if (e instanceof RangeError) {
    return diagnostic("LimitExceeded", `limit exceeded: a limit of the JavaScript engine was reached (${e.message})`);
  }
  return diagnostic("ExprEval", e instanceof Error ? e.message : String(e));
}

/** The locals of a program without `let`: never written, so one frozen array serves every run. */
const noLocals: unknown[] = Object.freeze([]) as unknown as unknown[];

/**
 * Compiles an expression; a syntax error is a `Left` with an `ExprCompile` diagnostic (line, column, snippet).
 * The empty source compiles as `false`, as the Go engine compiles a condition (`text.Coalesce(when, "false")`);
 * that replaces only the EMPTY string, so a blank source (`"  "`) is compiled as given and is a syntax error
 * (`unexpected token EOF`), as `expr.Compile` reports it.
 */
export function compileExpr(source: string, options: CompileOptions = {}): Either<Diagnostic, CompiledExpr> {
  const text = source === "" ? "false" : source;
  let compiled: ReturnType<typeof compileTree>;
  try {
    compiled = compileTree(parse(text), {
      functions: namespaces(options.functions ?? {}),
      helpers: options.helpers ?? true,
    });
  } catch (e) {
    const message = e instanceof SyntaxFailure ? e.message : `internal compiler error: ${String(e)}`;
    const at = e instanceof SyntaxFailure ? position(text, e.pos) : undefined;
    return E.left(diagnostic("ExprCompile", message, at ?? {}));
  }
  const { fn, slots } = compiled;
  return E.right({
    source,
    run(vars: Readonly<Record<string, unknown>>, runOptions: RunOptions): Either<Diagnostic, unknown> {
      const ctx: Ctx = {
        vars: vars !== null && typeof vars === "object" ? vars : {},
        now: runOptions.now,
        limits: runOptions.limits ?? defaultLimits,
        steps: 0,
        utf8: undefined,
        el: null,
        idx: 0,
        acc: null,
        locals: slots === 0 ? noLocals : new Array<unknown>(slots),
        timeNs: undefined,
      };
      try {
        const v = fn(ctx);
        return E.right(v === undefined ? null : v);
      } catch (e) {
        return E.left(runFailure(e, text));
      }
    },
  });
}

/**
 * Formats a value the way Go's `fmt.Sprintf("%v", v)` prints it (what `oncePer` becomes): nil → `<nil>`, maps as
 * `map[k:v]` with sorted keys, slices as `[a b]`, float64 like Go (`1.234567e+06`).
 */
export function formatOncePer(value: unknown): string {
  return formatValue(value);
}

/**
 * {@linkcode formatOncePer} within limits: the value is measured first (without recursion), so one nested deeper
 * than `maxValueDepth`, one too large to walk within `exprSteps` or one that would print longer than
 * `maxStringLength` is a `LimitExceeded` diagnostic instead of a stack overflow or a huge state key.
 *
 * @param value the value of an `oncePer` expression
 * @param limits the limits of the evaluation
 * @returns the text, or a `LimitExceeded` diagnostic
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { defaultLimits } from "../limits.ts";
 * import { formatOncePerWithin } from "./mod.ts";
 * expect(formatOncePerWithin([1, "a"], defaultLimits)).toEqual({ _tag: "Right", right: "[1 a]" });
 * let deep: unknown = 1;
 * for (let i = 0; i < 1000; i++) deep = [deep];
 * expect(formatOncePerWithin(deep, defaultLimits)._tag).toBe("Left");
 * ```
 */
export function formatOncePerWithin(value: unknown, limits: Limits): Either<Diagnostic, string> {
  const budget = newBudget(limits);
  const what = "the oncePer value";
  try {
    if (value !== null && typeof value === "object") {
      const m = measureFor(budget, value, what, -1);
      checkString(budget, m.chars + m.nodes - 1, what, -1);
    }
    const text = formatValue(value);
    checkString(budget, text.length, what, -1);
    return E.right(text);
  } catch (e) {
    if (e instanceof LimitFailure) return E.left(diagnostic("LimitExceeded", e.message));
    throw e;
  }
}
