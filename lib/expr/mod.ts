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
import type { Ctx, Direct } from "./_run.ts";
import { compileTree } from "./compile.ts";
import { formatValue } from "../gofmt/mod.ts";
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
 * Argo CD's `time` and `strings` are not built in: they are variables a host adds (the Argo CD preset,
 * `lib/argocd`, which the package entry applies).
 */
export interface CompileOptions {
  readonly functions?: Readonly<Record<string, (...args: readonly unknown[]) => unknown>>;
  /**
   * Expressions compiled ahead of time (the `precompiled` export of a module `generateExprModule` wrote), by their
   * source text. An expression found here still compiles (so it is checked as always), then runs the module's code
   * instead of its closures, unless a variable it reads is a host function of `functions`.
   */
  readonly precompiled?: PrecompiledExprs;
}

/**
 * One expression of a generated module: the variables it reads and its code, given the variables. The shapes a module
 * covers spend no budget steps (as their closures spend none), so the code needs no other state of the run.
 */
export interface PrecompiledExpr {
  readonly variables: readonly string[];
  readonly run: (vars: Readonly<Record<string, unknown>>) => unknown;
}

/** The expressions of a generated module, by source text. */
export type PrecompiledExprs = Readonly<Record<string, PrecompiledExpr>>;

export type { ExprRuntime } from "./expr-runtime.ts";
export { exprRuntime } from "./expr-runtime.ts";
export type { GeneratedExprModule } from "./generate-module.ts";
export { generateExprModule } from "./generate-module.ts";

export { memberRoots } from "./member-roots.ts";
export { isNamespace, namespace } from "./namespace.ts";
export { typeName } from "./runtime.ts";
/**
 * What a host function throws to fail: an `EvalFailure` is reported with its message at the call (`ExprEval`), a
 * `LimitFailure` as `LimitExceeded` naming the limit. Anything else thrown is reported with its message too.
 */
export { EvalFailure, LimitFailure } from "./_failure.ts";

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
    Object.defineProperty(table, name.slice(dot + 1), {
      value: f,
      enumerable: true,
      writable: true,
      configurable: true,
    });
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

/** The precompiled code of `source`, when there is one and every variable it reads is a variable (no host function). */
function precompiledFor(
  source: string,
  precompiled: PrecompiledExprs | undefined,
  functions: Readonly<Record<string, unknown>>,
): PrecompiledExpr["run"] | undefined {
  if (precompiled === undefined || !Object.hasOwn(precompiled, source)) return undefined;
  const entry = precompiled[source]!;
  if (typeof entry.run !== "function" || entry.variables.some((v) => Object.hasOwn(functions, v))) return undefined;
  return entry.run;
}

/** A compiled expression that runs the code of a generated module (see {@linkcode PrecompiledExpr}). */
function precompiledRun(source: string, text: string, run: PrecompiledExpr["run"]): CompiledExpr {
  return {
    source,
    run(vars: Readonly<Record<string, unknown>>): Either<Diagnostic, unknown> {
      try {
        const v = run(vars !== null && typeof vars === "object" ? vars : {});
        return v === true ? rightTrue : v === false ? rightFalse : E.right(v === undefined ? null : v);
      } catch (e) {
        return E.left(runFailure(e, text));
      }
    },
  };
}

/**
 * A compiled expression whose tree is specialised throughout (see `Direct` in `_run.ts`): it runs on the variables
 * and the slots of its shared prefixes, with no `Ctx`, since none of its operations spends budget steps.
 */
function directRun(source: string, text: string, direct: Direct, slots: number): CompiledExpr {
  return {
    source,
    run(vars: Readonly<Record<string, unknown>>): Either<Diagnostic, unknown> {
      try {
        const v = direct(
          vars !== null && typeof vars === "object" ? vars : {},
          slots === 0 ? noLocals : new Array(slots),
        );
        return v === true ? rightTrue : v === false ? rightFalse : E.right(v === undefined ? null : v);
      } catch (e) {
        return E.left(runFailure(e, text));
      }
    },
  };
}

const rightTrue: Either<never, boolean> = Object.freeze(E.right(true));
const rightFalse: Either<never, boolean> = Object.freeze(E.right(false));

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
  const functions = namespaces(options.functions ?? {});
  try {
    compiled = compileTree(parse(text), { functions });
  } catch (e) {
    const message = e instanceof SyntaxFailure ? e.message : `internal compiler error: ${String(e)}`;
    const at = e instanceof SyntaxFailure ? position(text, e.pos) : undefined;
    return E.left(diagnostic("ExprCompile", message, at ?? {}));
  }
  const ahead = precompiledFor(source, options.precompiled, functions);
  if (ahead !== undefined) return E.right(precompiledRun(source, text, ahead));
  const { fn, slots, direct } = compiled;
  if (direct !== undefined) return E.right(directRun(source, text, direct, slots));
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
