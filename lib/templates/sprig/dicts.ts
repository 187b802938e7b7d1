/**
 * sprig's dict functions (dict.go). They take `map[string]interface {}` exactly (Argo's `context`, a
 * `map[string]string`, is refused by the executor as in Go). `set`, `unset` and `merge` change the map they are
 * given, as Go's maps are references; templates rely on it (`{{$_ := set $d "k" 1}}`). They are marked `mutating`,
 * so a template that names one renders over a private copy of its data (the caller's objects never change).
 * @module
 */
import { goTypeName, isGoMap, withGoType } from "../../gofmt/mod.ts";
import { GoFuncError, type GoFunc } from "../go/func.ts";
import { any, dictType, fixed, mutating, variadic } from "./_define.ts";
import { dictArg, type GoMap, isEmpty, isList, str, strval } from "./_convert.ts";
import { GoDuration } from "../../values/duration.ts";
import { GoTime } from "../../values/time.ts";

const zeroValue = "reflect: call of reflect.Value.Type on zero Value";

function nilMap(): never {
  throw new GoFuncError("assignment to entry in nil map");
}

/** mergo's `Merge`/`MergeWithOverwrite` for `map[string]interface {}` values. */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [k, s] of Object.entries(src)) {
    const has = Object.hasOwn(dst, k);
    const d = dst[k];
    if (s === null || s === undefined) {
      if (overwrite) dst[k] = null;
      continue;
    }
    if (isGoMap(s) && has && isGoMap(d)) {
      mergeInto(d as GoMap, s as GoMap, overwrite);
    }
    if (has && !isEmpty(d) && (isGoMap(s) || (isList(s) && !overwrite))) continue;
    if (overwrite || !has || isEmpty(d)) dst[k] = s;
  }
}

function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof Uint8Array) return Uint8Array.from(v);
  if (v instanceof GoTime || v instanceof GoDuration) return v;
  if (isGoMap(v)) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
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
  dict: variadic([], any, (a) => {
    const d: GoMap = {};
    for (let i = 0; i < a.length; i += 2) d[strval(a[i])] = i + 1 < a.length ? a[i + 1] : "";
    return d;
  }),
  get: fixed([dictType, "string"], (a) => {
    const d = dictArg(a, 0);
    const k = str(a, 1);
    return d !== null && Object.hasOwn(d, k) ? d[k] : "";
  }),
  set: mutating(fixed([dictType, "string", any], (a) => {
    const d = dictArg(a, 0) ?? nilMap();
    d[str(a, 1)] = a[2];
    return d;
  })),
  unset: mutating(fixed([dictType, "string"], (a) => {
    const d = dictArg(a, 0);
    if (d !== null) delete d[str(a, 1)];
    // Go returns the nil map it was given, which prints as `map[]`.
    return d ?? {};
  })),
  hasKey: fixed([dictType, "string"], (a) => Object.hasOwn(dictArg(a, 0) ?? {}, str(a, 1))),
  pluck: variadic(["string"], dictType, (a) => {
    const k = str(a, 0);
    return maps(a, 1).filter((m) => Object.hasOwn(m, k)).map((m) => m[k]);
  }),
  keys: variadic([], dictType, (a) => withGoType(maps(a, 0).flatMap((m) => Object.keys(m)), "[]string")),
  values: fixed([dictType], (a) => Object.values(dictArg(a, 0) ?? {})),
  pick: variadic([dictType], "string", (a) => {
    const d = dictArg(a, 0) ?? {};
    const out: GoMap = {};
    for (let i = 1; i < a.length; i++) {
      const k = str(a, i);
      if (Object.hasOwn(d, k)) out[k] = d[k];
    }
    return out;
  }),
  omit: variadic([dictType], "string", (a) => {
    const omit = new Set(a.slice(1).map((_, i) => str(a, i + 1)));
    const out: GoMap = {};
    for (const [k, v] of Object.entries(dictArg(a, 0) ?? {})) if (!omit.has(k)) out[k] = v;
    return out;
  }),
  merge: mutating(variadic([dictType], dictType, (a) => mergeAll(a, false))),
  mustMerge: mutating(variadic([dictType], dictType, (a) => mergeAll(a, false))),
  mergeOverwrite: mutating(variadic([dictType], dictType, (a) => mergeAll(a, true))),
  mustMergeOverwrite: mutating(variadic([dictType], dictType, (a) => mergeAll(a, true))),
  deepCopy: fixed([any], (a) => {
    if (a[0] === null || a[0] === undefined) throw new GoFuncError(zeroValue);
    return deepCopy(a[0]);
  }),
  mustDeepCopy: fixed([any], (a) => {
    if (a[0] === null || a[0] === undefined) throw new GoFuncError(zeroValue);
    return deepCopy(a[0]);
  }),
  dig: variadic([], any, dig),
};

function mergeAll(a: readonly unknown[], overwrite: boolean): unknown {
  const dst = dictArg(a, 0) ?? {};
  for (const src of maps(a, 1)) mergeInto(dst, src, overwrite);
  return dst;
}
