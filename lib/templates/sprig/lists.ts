/**
 * sprig's list functions (list.go). They accept any Go slice through reflection; the plain forms panic on a
 * non-list (`error calling first: Cannot find first on type string`), their `must…` twins return the same error.
 *
 * Every list built is checked against `maxListLength` before it is built, and its elements are charged to the
 * render's budget (so `append` in a loop costs what it copies). `uniq` and `without` are linear: scalars are found
 * by a key that is equal exactly when `reflect.DeepEqual` is true, and only lists and maps are compared pairwise.
 * @module
 */
import { goTypeName, withGoType } from "../../gofmt/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { charge, chargeList } from "../go/budget.ts";
import { GoDuration } from "../../values/mod.ts";
import { GoFloat } from "../../values/mod.ts";
import { GoTime } from "../../values/mod.ts";
import { any, fixed, variadic } from "./_define.ts";
import { deepEqual, int, isEmpty, isList, listItems, toInt64 } from "./_convert.ts";

/**
 * A key two values share exactly when `deepEqual` holds between them, for the values that have one: nil, booleans,
 * strings, numbers (but NaN, which equals nothing), GoFloat, GoDuration and GoTime. Lists, maps, functions and other
 * objects have none.
 */
function scalarKey(v: unknown): string | undefined {
  switch (typeof v) {
    case "string":
      return "s:" + v;
    case "boolean":
      return v ? "b:t" : "b:f";
    case "bigint":
      return "i:" + String(v);
    case "number":
      return Number.isNaN(v) ? undefined : `n:${goTypeName(v)}:${v === 0 ? 0 : v}`;
    case "undefined":
      return "nil";
    case "object":
      if (v === null) return "nil";
      if (v instanceof GoFloat) {
        return Number.isNaN(v.value) ? undefined : `n:${goTypeName(v)}:${v.value === 0 ? 0 : v.value}`;
      }
      if (v instanceof GoDuration) return `d:${goTypeName(v)}:${v.ns}`;
      if (v instanceof GoTime) return `t:${goTypeName(v)}:${v.sec}:${v.nsec}:${v.offset}:${v.zone}`;
  }
  return undefined;
}

/** A set of values under `reflect.DeepEqual`: scalars hashed by {@linkcode scalarKey}, the rest compared pairwise. */
class DeepSet {
  readonly #keys = new Set<string>();
  readonly #others: unknown[] = [];
  constructor(readonly ctx: FuncContext) {}

  has(v: unknown): boolean {
    const k = scalarKey(v);
    if (k !== undefined) return this.#keys.has(k);
    return this.#others.some((o) => deepEqual(v, o, this.ctx));
  }

  /** Adds `v`; false when it was already there. */
  add(v: unknown): boolean {
    const k = scalarKey(v);
    if (k !== undefined) {
      if (this.#keys.has(k)) return false;
      this.#keys.add(k);
      return true;
    }
    if (this.#others.some((o) => deepEqual(v, o, this.ctx))) return false;
    this.#others.push(v);
    return true;
  }
}

/** A new list of `length` elements: checked and charged before it is built. */
function built<T>(ctx: FuncContext, what: string, length: number, build: () => T[]): T[] {
  chargeList(ctx, length, what);
  return build();
}

function chunk(ctx: FuncContext, size: number, items: readonly unknown[]): unknown[][] {
  const l = items.length;
  const cs = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new GoFuncError("runtime error: makeslice: len out of range");
  chargeList(ctx, cs, "chunk");
  chargeList(ctx, l, "chunk");
  const out: unknown[][] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    if (clen < 0) throw new GoFuncError("runtime error: makeslice: len out of range");
    const row: unknown[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * size + j;
      if (ix >= l || ix < 0) throw new GoFuncError(`reflect: slice index out of range`);
      row.push(items[ix]);
    }
    out.push(row);
  }
  return withGoType(out, "[][]interface {}");
}

function slice(ctx: FuncContext, list: unknown, indices: readonly unknown[]): unknown {
  const items = listItems(list, (k) => `list should be type of slice or array but ${k}`);
  const l = items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length < 2 ? l : Number(toInt64(indices[1]));
  if (start < 0 || end > l || start > end) throw new GoFuncError("reflect.Value.Slice: slice index out of bounds");
  const out = built(ctx, "slice", end - start, () => items.slice(start, end));
  const t = goTypeName(list);
  return t === "[]interface {}" ? out : withGoType(out, t);
}

/** Builds a plain and a `must…` function from one implementation that throws sprig's error. */
function pair(
  name: string,
  params: readonly string[],
  rest: string | undefined,
  impl: (a: readonly unknown[], ctx: FuncContext) => unknown,
): Record<string, GoFunc> {
  const f = rest === undefined ? fixed(params, impl) : variadic(params, rest, impl);
  return { [name]: f, [`must${name[0]?.toUpperCase()}${name.slice(1)}`]: f };
}

const push = (a: readonly unknown[], ctx: FuncContext): unknown => {
  const items = listItems(a[0], (k) => `Cannot push on type ${k}`);
  return built(ctx, "append", items.length + 1, () => [...items, a[1]]);
};

function uniq(ctx: FuncContext, items: readonly unknown[]): unknown[] {
  charge(ctx, items.length, "uniq");
  const seen = new DeepSet(ctx);
  return items.filter((x) => seen.add(x));
}

function without(ctx: FuncContext, items: readonly unknown[], omit: readonly unknown[]): unknown[] {
  charge(ctx, items.length + omit.length, "without");
  const set = new DeepSet(ctx);
  for (const x of omit) set.add(x);
  return items.filter((x) => !set.has(x));
}

function has(ctx: FuncContext, needle: unknown, items: readonly unknown[]): boolean {
  charge(ctx, items.length, "has");
  const k = scalarKey(needle);
  if (k === undefined) return items.some((h) => deepEqual(needle, h, ctx));
  for (const h of items) if (scalarKey(h) === k) return true;
  return false;
}

function concat(ctx: FuncContext, lists: readonly unknown[]): unknown[] {
  const parts = lists.map((l) =>
    !isList(l) && l !== null && l !== undefined
      ? listItems(l, (k) => `Cannot concat type ${k} as list`)
      : listItems(l, (k) => k)
  );
  return built(ctx, "concat", parts.reduce((n, p) => n + p.length, 0), () => parts.flat(1));
}

/** The list family of sprig's function map. */
export const listFunctions: Readonly<Record<string, GoFunc>> = {
  list: variadic([], any, (a, ctx) => built(ctx, "list", a.length, () => [...a])),
  tuple: variadic([], any, (a, ctx) => built(ctx, "tuple", a.length, () => [...a])),
  append: fixed([any, any], push),
  push: fixed([any, any], push),
  mustAppend: fixed([any, any], push),
  mustPush: fixed([any, any], push),
  ...pair("prepend", [any, any], undefined, (a, ctx) => {
    const items = listItems(a[0], (k) => `Cannot prepend on type ${k}`);
    return built(ctx, "prepend", items.length + 1, () => [a[1], ...items]);
  }),
  ...pair(
    "chunk",
    ["int", any],
    undefined,
    (a, ctx) => chunk(ctx, int(a, 0), listItems(a[1], (k) => `Cannot chunk type ${k}`)),
  ),
  ...pair("last", [any], undefined, (a) => {
    const l = listItems(a[0], (k) => `Cannot find last on type ${k}`);
    return l.length === 0 ? null : l[l.length - 1];
  }),
  ...pair("first", [any], undefined, (a) => {
    const l = listItems(a[0], (k) => `Cannot find first on type ${k}`);
    return l.length === 0 ? null : l[0];
  }),
  ...pair("rest", [any], undefined, (a, ctx) => {
    const items = listItems(a[0], (k) => `Cannot find rest on type ${k}`);
    return built(ctx, "rest", Math.max(items.length - 1, 0), () => items.slice(1));
  }),
  ...pair("initial", [any], undefined, (a, ctx) => {
    const items = listItems(a[0], (k) => `Cannot find initial on type ${k}`);
    return built(ctx, "initial", Math.max(items.length - 1, 0), () => items.slice(0, -1));
  }),
  ...pair("reverse", [any], undefined, (a, ctx) => {
    const items = listItems(a[0], (k) => `Cannot find reverse on type ${k}`);
    return built(ctx, "reverse", items.length, () => [...items].reverse());
  }),
  ...pair("compact", [any], undefined, (a, ctx) => {
    const items = listItems(a[0], (k) => `Cannot compact on type ${k}`);
    return built(ctx, "compact", items.length, () => items.filter((x) => !isEmpty(x)));
  }),
  ...pair("uniq", [any], undefined, (a, ctx) => uniq(ctx, listItems(a[0], (k) => `Cannot find uniq on type ${k}`))),
  ...pair(
    "without",
    [any],
    any,
    (a, ctx) => without(ctx, listItems(a[0], (k) => `Cannot find without on type ${k}`), a.slice(1)),
  ),
  ...pair("has", [any, any], undefined, (a, ctx) => {
    if (a[1] === null || a[1] === undefined) return false;
    return has(ctx, a[0], listItems(a[1], (k) => `Cannot find has on type ${k}`));
  }),
  ...pair("slice", [any], any, (a, ctx) => slice(ctx, a[0], a.slice(1))),
  concat: variadic([], any, (a, ctx) => concat(ctx, a)),
};
