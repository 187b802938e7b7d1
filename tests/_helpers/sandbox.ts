/**
 * Helpers for the sandbox tests (issue #7): an expression run that also reports the steps it spent, a snapshot of the
 * objects no expression may change, and a check that a value holds no JavaScript built-in function.
 */
import type { Ctx } from "../../lib/expr/_run.ts";
import { EvalFailure, LimitFailure } from "../../lib/expr/_failure.ts";
import { compileTree } from "../../lib/expr/compile.ts";
import { parse } from "../../lib/expr/parser.ts";
import { defaultLimits, type Limits } from "../../lib/limits.ts";
import { argoCdHelpers } from "../../lib/argocd/mod.ts";

/** What a counted run ended with: a value, or the failure (`limit` set for a passed limit), and the steps spent. */
export interface CountedRun {
  readonly value?: unknown;
  readonly failure?: { readonly limit?: keyof Limits; readonly message: string };
  readonly steps: number;
}

/**
 * Runs `src` as a trigger condition runs (same compiler, same run state, Argo CD's `time` and `strings` helpers over
 * the variables) and reports the steps the run spent: the measure of work the budget tests bound. `functions` are
 * host functions (top-level names only).
 */
export function countedRun(
  src: string,
  vars: Readonly<Record<string, unknown>>,
  options: { readonly limits?: Limits; readonly functions?: Readonly<Record<string, unknown>> } = {},
): CountedRun {
  const { fn, slots } = compileTree(parse(src), { functions: options.functions ?? {} });
  const limits = options.limits ?? defaultLimits;
  const ctx = runState({ ...vars, ...argoCdHelpers(0, limits) }, slots, limits);
  try {
    return { value: fn(ctx), steps: ctx.steps };
  } catch (e) {
    if (e instanceof LimitFailure) return { failure: { limit: e.limit, message: e.message }, steps: ctx.steps };
    if (e instanceof EvalFailure) return { failure: { message: e.message }, steps: ctx.steps };
    throw e;
  }
}

/** The state of one run of a compiled tree over `vars`, with `slots` locals, as `compileExpr`'s run makes it. */
export function runState(vars: Readonly<Record<string, unknown>>, slots: number, limits: Limits = defaultLimits): Ctx {
  return { vars, now: 0, limits, steps: 0, utf8: undefined, el: null, idx: 0, acc: null, locals: new Array(slots) };
}

/** The own properties (keys and descriptors) of the objects no expression may change. */
export function globalsSnapshot(): unknown[] {
  const targets: readonly object[] = [
    Object.prototype,
    Function.prototype,
    Array.prototype,
    String.prototype,
    globalThis,
  ];
  return targets.map((t) =>
    Reflect.ownKeys(t).map((k) => {
      const d = Object.getOwnPropertyDescriptor(t, k)!;
      return [String(k), d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
    })
  );
}

/** Whether `f` is a JavaScript built-in (native) function rather than one written in this code base or by the host. */
export function isNativeFunction(f: unknown): boolean {
  return typeof f === "function" && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
}

/** The native functions found in `v` (walked up to `max` values), for a run's result. */
export function nativeFunctionsIn(v: unknown, max = 10_000): unknown[] {
  const found: unknown[] = [];
  const stack: unknown[] = [v];
  for (let n = 0; stack.length > 0 && n < max; n++) {
    const x = stack.pop();
    if (isNativeFunction(x)) found.push(x);
    if (Array.isArray(x)) stack.push(...x.slice(0, max));
    else if (x !== null && typeof x === "object" && !(x instanceof Uint8Array)) {
      stack.push(...Object.values(x).slice(0, max));
    }
  }
  return found;
}
