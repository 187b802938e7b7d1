/**
 * The predicate builtins of expr v1.17 (`all`, `any`, `none`, `one`, `filter`, `map`, `count`, `sum`, `find`,
 * `findIndex`, `findLast`, `findLastIndex`, `groupBy`, `sortBy`, `reduce`): one step of the run's budget per
 * iteration (and per comparison when sorting), and the lists they build within `maxListLength`.
 * @module
 */
import { GoFloat } from "../values/mod.ts";
import { checkList, checkString, measureFor, spend, utf8Of } from "./_budget.ts";
import { fail } from "./_failure.ts";
import type { Ctx, Fn } from "./_run.ts";
import { add, compare, toBool, typeName } from "./runtime.ts";

const hasOwn = Object.prototype.hasOwnProperty;

function step(ctx: Ctx, pos: number): void {
  if (++ctx.steps > ctx.limits.exprSteps) spend(ctx, 0, pos);
}

/** The collection a predicate walks: an array, or a string's UTF-8 bytes (the VM indexes a string by byte). */
function arrayArg(ctx: Ctx, v: unknown, name: string, pos: number): ArrayLike<unknown> {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return fail("reflect: call of reflect.Value.Len on zero Value", pos);
  if (typeof v === "string") return utf8Of(ctx, v, pos);
  // A map has a length but no index: an empty one iterates zero times, a non-empty one fails on its first element.
  if (typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null)) {
    return Object.keys(v).length === 0 ? [] : fail("reflect: call of reflect.Value.Index on map Value", pos);
  }
  return fail(`builtin ${name} takes only array (got ${typeName(v)})`, pos);
}

/** Compiles the predicate builtin `name` over the compiled collection, predicate and optional third argument. */
export function predicateBuiltin(name: string, coll: Fn, pred: Fn | undefined, extra: Fn | undefined, pos: number): Fn {
  const p: Fn = pred ?? ((ctx) => ctx.el);
  const test = (ctx: Ctx, v: unknown, i: number): boolean => {
    step(ctx, pos);
    ctx.el = v;
    ctx.idx = i;
    return toBool(p(ctx), pos);
  };
  const value = (ctx: Ctx, v: unknown, i: number): unknown => {
    step(ctx, pos);
    ctx.el = v;
    ctx.idx = i;
    return p(ctx);
  };
  /** The index of the first (or, from the end, the last) element whose test is `want`; -1 when there is none. */
  const seek = (ctx: Ctx, a: ArrayLike<unknown>, want: boolean, fromEnd = false): number => {
    if (fromEnd) {
      for (let i = a.length - 1; i >= 0; i--) if (test(ctx, a[i], i) === want) return i;
      return -1;
    }
    for (let i = 0; i < a.length; i++) if (test(ctx, a[i], i) === want) return i;
    return -1;
  };
  const scoped = (body: (ctx: Ctx, a: ArrayLike<unknown>) => unknown): Fn => (ctx) => {
    const c = coll(ctx);
    const a = arrayArg(ctx, c, name, pos);
    const saved = [ctx.el, ctx.idx, ctx.acc, ctx.elIsByte] as const;
    ctx.elIsByte = typeof c === "string";
    const r = body(ctx, a);
    [ctx.el, ctx.idx, ctx.acc, ctx.elIsByte] = saved;
    return r;
  };
  switch (name) {
    case "all":
      return scoped((ctx, a) => seek(ctx, a, false) < 0);
    case "any":
      return scoped((ctx, a) => seek(ctx, a, true) >= 0);
    case "none":
      return scoped((ctx, a) => seek(ctx, a, true) < 0);
    case "one":
      return scoped((ctx, a) => {
        let n = 0;
        for (let i = 0; i < a.length; i++) if (test(ctx, a[i], i) && ++n > 1) return false;
        return n === 1;
      });
    case "filter":
      return scoped((ctx, a) => {
        const out: unknown[] = [];
        for (let i = 0; i < a.length; i++) if (test(ctx, a[i], i)) out.push(a[i]);
        checkList(ctx, out.length, "filter", pos);
        return out;
      });
    case "map":
      return scoped((ctx, a) => {
        checkList(ctx, a.length, "map", pos);
        const out = new Array<unknown>(a.length);
        for (let i = 0; i < a.length; i++) out[i] = value(ctx, a[i], i);
        return out;
      });
    case "count":
      return scoped((ctx, a) => {
        let n = 0;
        for (let i = 0; i < a.length; i++) if (test(ctx, a[i], i)) n++;
        return n;
      });
    case "sum":
      return scoped((ctx, a) => {
        let acc: unknown = 0;
        for (let i = 0; i < a.length; i++) {
          if (pred === undefined) step(ctx, pos);
          acc = add(acc, pred === undefined ? a[i] : value(ctx, a[i], i), pos, ctx);
        }
        return acc;
      });
    case "find":
    case "findLast":
      return scoped((ctx, a) => {
        const i = seek(ctx, a, true, name === "findLast");
        return i < 0 ? null : a[i];
      });
    case "findIndex":
    case "findLastIndex":
      return scoped((ctx, a) => {
        const i = seek(ctx, a, true, name === "findLastIndex");
        return i < 0 ? null : i;
      });
    case "groupBy":
      return scoped((ctx, a) => groupBy(ctx, a, value, pos));
    case "sortBy":
      return scoped((ctx, a) => {
        const order = extra === undefined ? "asc" : extra(ctx);
        if (order !== "asc" && order !== "desc") fail(`unknown order ${String(order)}, use asc or desc`, pos);
        checkList(ctx, a.length, "sortBy", pos);
        const keyed: { v: unknown; k: unknown }[] = [];
        for (let i = 0; i < a.length; i++) keyed.push({ v: a[i], k: value(ctx, a[i], i) });
        const sign = order === "desc" ? -1 : 1;
        keyed.sort((x, y) => (step(ctx, pos), compare(x.k, y.k, "<", pos) * sign));
        return keyed.map((x) => x.v);
      });
    case "reduce":
      return scoped((ctx, a) => {
        let start = 0;
        if (extra !== undefined) ctx.acc = extra(ctx);
        else if (a.length === 0) fail("reduce of empty array with no initial value", pos);
        else ctx.acc = a[0], start = 1;
        for (let i = start; i < a.length; i++) ctx.acc = value(ctx, a[i], i);
        return ctx.acc;
      });
    default:
      return () => fail(`unknown builtin ${name}`, pos);
  }
}

function groupBy(
  ctx: Ctx,
  a: ArrayLike<unknown>,
  value: (ctx: Ctx, v: unknown, i: number) => unknown,
  pos: number,
): unknown {
  const out: Record<string, unknown[]> = {};
  let groups = 0;
  for (let i = 0; i < a.length; i++) {
    const k = value(ctx, a[i], i);
    const key = typeof k === "string" ? k : k === null ? "<nil>" : groupKey(ctx, k, pos);
    if (!hasOwn.call(out, key)) {
      checkList(ctx, ++groups, "groupBy", pos);
      Object.defineProperty(out, key, { value: [], enumerable: true, writable: true, configurable: true });
    }
    const group = out[key]!;
    group.push(a[i]);
    if (group.length > ctx.limits.maxListLength) checkList(ctx, group.length, "groupBy", pos);
  }
  return out;
}

/** The map key of a non-string group: the value as JavaScript prints it (a list measured first: it prints nested). */
function groupKey(ctx: Ctx, k: unknown, pos: number): string {
  if (k instanceof GoFloat) return String(k.value);
  if (Array.isArray(k)) {
    const m = measureFor(ctx, k, "groupBy", pos);
    checkString(ctx, m.chars + m.nodes - 1, "groupBy", pos);
  }
  try {
    return String(k);
  } catch {
    return fail(`cannot group by ${typeName(k)}`, pos);
  }
}
