/**
 * sprig's dict functions (dict.go). They take `map[string]interface {}` exactly (Argo's `context`, a
 * `map[string]string`, is refused by the executor as in Go). `set`, `unset` and `merge` change the map they are
 * given, as Go's maps are references; templates rely on it (`{{$_ := set $d "k" 1}}`). They are marked `mutating`,
 * so a template that names one renders over a private copy of its data (the caller's objects never change).
 *
 * Entries are written with `setEntry` (a `__proto__` key is an entry like any other), maps built are checked against
 * `maxListLength`, and the recursive ones (`merge…`, `deepCopy`) charge every entry they visit and stop at
 * `maxValueDepth`: a template can build a map that contains itself, or shares one map at every level.
 * @module
 */
import { goTypeName, isGoMap, withGoType } from "../../gofmt/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { charge, chargeList, checkDepth } from "../go/budget.ts";
import { setEntry } from "../go/map-entry.ts";
import { any, dictType, fixed, mutating, variadic } from "./_define.ts";
import { dictArg, type GoMap, isEmpty, isList, str, strval } from "./_convert.ts";
import { GoDuration } from "../../values/mod.ts";
import { GoTime } from "../../values/mod.ts";

const zeroValue = "reflect: call of reflect.Value.Type on zero Value";

function nilMap(): never {
  throw new GoFuncError("assignment to entry in nil map");
}

/** mergo's `Merge`/`MergeWithOverwrite` for `map[string]interface {}` values. */
function mergeInto(ctx: FuncContext, dst: GoMap, src: GoMap, overwrite: boolean, depth: number): void {
  checkDepth(ctx, depth, "merge");
  const entries = Object.entries(src);
  charge(ctx, entries.length + 1, "merge");
  for (const [k, s] of entries) {
    const has = Object.hasOwn(dst, k);
    const d = has ? dst[k] : undefined;
    if (s === null || s === undefined) {
      if (overwrite) setEntry(dst, k, null);
      continue;
    }
    if (isGoMap(s) && has && isGoMap(d)) {
      mergeInto(ctx, d as GoMap, s as GoMap, overwrite, depth + 1);
    }
    if (has && !isEmpty(d) && (isGoMap(s) || (isList(s) && !overwrite))) continue;
    if (overwrite || !has || isEmpty(d)) setEntry(dst, k, s);
  }
}

function deepCopy(ctx: FuncContext, v: unknown, depth: number): unknown {
  if (Array.isArray(v)) {
    checkDepth(ctx, depth + 1, "deepCopy");
    chargeList(ctx, v.length, "deepCopy");
    return v.map((x) => deepCopy(ctx, x, depth + 1));
  }
  if (v instanceof Uint8Array) {
    chargeList(ctx, v.length, "deepCopy");
    return Uint8Array.from(v);
  }
  if (v instanceof GoTime || v instanceof GoDuration) return v;
  if (isGoMap(v)) {
    checkDepth(ctx, depth + 1, "deepCopy");
    const entries = Object.entries(v);
    chargeList(ctx, entries.length, "deepCopy");
    const out: GoMap = {};
    for (const [k, x] of entries) setEntry(out, k, deepCopy(ctx, x, depth + 1));
    return out;
  }
  return v;
}

function assertion(v: unknown, want: string): never {
  const got = v === null || v === undefined ? "nil" : goTypeName(v);
  throw new GoFuncError(`interface conversion: interface {} is ${got}, not ${want}`);
}

function dig(ps: readonly unknown[]): unknown {
  if (ps.length < 3) throw new GoFuncError("dig needs at least three arguments");
  let dict = ps[ps.length - 1];
  if (!isGoMap(dict)) assertion(dict, "map[string]interface {}");
  const def = ps[ps.length - 2];
  const keys = ps.slice(0, -2).map((k) => (typeof k === "string" ? k : assertion(k, "string")));
  for (let i = 0; i < keys.length; i++) {
    const m = dict as GoMap;
    const k = keys[i] as string;
    if (!Object.hasOwn(m, k)) return def;
    const step = m[k];
    if (i === keys.length - 1) return step;
    if (!isGoMap(step)) assertion(step, "map[string]interface {}");
    dict = step;
  }
  return def;
}

const maps = (a: readonly unknown[], from: number): GoMap[] => a.slice(from).map((_, i) => dictArg(a, from + i) ?? {});

/** The dict family of sprig's function map. */
export const dictFunctions: Readonly<Record<string, GoFunc>> = {
  dict: variadic([], any, (a, ctx) => {
    chargeList(ctx, Math.ceil(a.length / 2), "dict");
    const d: GoMap = {};
    for (let i = 0; i < a.length; i += 2) setEntry(d, strval(a[i], ctx), i + 1 < a.length ? a[i + 1] : "");
    return d;
  }),
  get: fixed([dictType, "string"], (a) => {
    const d = dictArg(a, 0);
    const k = str(a, 1);
    return d !== null && Object.hasOwn(d, k) ? d[k] : "";
  }),
  set: mutating(fixed([dictType, "string", any], (a) => {
    const d = dictArg(a, 0) ?? nilMap();
    setEntry(d, str(a, 1), a[2]);
    return d;
  })),
  unset: mutating(fixed([dictType, "string"], (a) => {
    const d = dictArg(a, 0);
    if (d !== null) delete d[str(a, 1)];
    // Go returns the nil map it was given, which prints as `map[]`.
    return d ?? {};
  })),
  hasKey: fixed([dictType, "string"], (a) => Object.hasOwn(dictArg(a, 0) ?? {}, str(a, 1))),
  pluck: variadic(["string"], dictType, (a, ctx) => {
    const k = str(a, 0);
    const ms = maps(a, 1).filter((m) => Object.hasOwn(m, k));
    chargeList(ctx, ms.length, "pluck");
    return ms.map((m) => m[k]);
  }),
  keys: variadic([], dictType, (a, ctx) => {
    const ks = maps(a, 0).map((m) => Object.keys(m));
    chargeList(ctx, ks.reduce((n, k) => n + k.length, 0), "keys");
    return withGoType(ks.flat(1), "[]string");
  }),
  values: fixed([dictType], (a, ctx) => {
    const vs = Object.values(dictArg(a, 0) ?? {});
    chargeList(ctx, vs.length, "values");
    return vs;
  }),
  pick: variadic([dictType], "string", (a) => {
    const d = dictArg(a, 0) ?? {};
    const out: GoMap = {};
    for (let i = 1; i < a.length; i++) {
      const k = str(a, i);
      if (Object.hasOwn(d, k)) setEntry(out, k, d[k]);
    }
    return out;
  }),
  omit: variadic([dictType], "string", (a, ctx) => {
    const omit = new Set(a.slice(1).map((_, i) => str(a, i + 1)));
    const entries = Object.entries(dictArg(a, 0) ?? {});
    chargeList(ctx, entries.length, "omit");
    const out: GoMap = {};
    for (const [k, v] of entries) if (!omit.has(k)) setEntry(out, k, v);
    return out;
  }),
  merge: mutating(variadic([dictType], dictType, (a, ctx) => mergeAll(ctx, a, false))),
  mustMerge: mutating(variadic([dictType], dictType, (a, ctx) => mergeAll(ctx, a, false))),
  mergeOverwrite: mutating(variadic([dictType], dictType, (a, ctx) => mergeAll(ctx, a, true))),
  mustMergeOverwrite: mutating(variadic([dictType], dictType, (a, ctx) => mergeAll(ctx, a, true))),
  deepCopy: fixed([any], (a, ctx) => {
    if (a[0] === null || a[0] === undefined) throw new GoFuncError(zeroValue);
    return deepCopy(ctx, a[0], 0);
  }),
  mustDeepCopy: fixed([any], (a, ctx) => {
    if (a[0] === null || a[0] === undefined) throw new GoFuncError(zeroValue);
    return deepCopy(ctx, a[0], 0);
  }),
  dig: variadic([], any, dig),
};

function mergeAll(ctx: FuncContext, a: readonly unknown[], overwrite: boolean): unknown {
  const dst = dictArg(a, 0) ?? {};
  for (const src of maps(a, 1)) mergeInto(ctx, dst, src, overwrite, 1);
  return dst;
}
