/**
 * sprig's list functions (list.go). They accept any Go slice through reflection; the plain forms panic on a
 * non-list (`error calling first: Cannot find first on type string`), their `must…` twins return the same error.
 * @module
 */
import { goTypeName, withGoType } from "../../gofmt/mod.ts";
import { GoFuncError, type GoFunc } from "../go/func.ts";
import { any, fixed, variadic } from "./_define.ts";
import { deepEqual, int, isEmpty, isList, listItems, toInt64 } from "./_convert.ts";

function inList(haystack: readonly unknown[], needle: unknown): boolean {
  return haystack.some((h) => deepEqual(needle, h));
}

function chunk(size: number, items: readonly unknown[]): unknown[][] {
  const l = items.length;
  const cs = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new GoFuncError("runtime error: makeslice: len out of range");
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

function slice(list: unknown, indices: readonly unknown[]): unknown {
  const items = listItems(list, (k) => `list should be type of slice or array but ${k}`);
  const l = items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length < 2 ? l : Number(toInt64(indices[1]));
  if (start < 0 || end > l || start > end) throw new GoFuncError("reflect.Value.Slice: slice index out of bounds");
  const out = items.slice(start, end);
  const t = goTypeName(list);
  return t === "[]interface {}" ? out : withGoType(out, t);
}

/** Builds a plain and a `must…` function from one implementation that throws sprig's error. */
function pair(name: string, params: readonly string[], rest: string | undefined, impl: (a: readonly unknown[]) => unknown): Record<string, GoFunc> {
  const f = rest === undefined ? fixed(params, impl) : variadic(params, rest, impl);
  return { [name]: f, [`must${name[0]?.toUpperCase()}${name.slice(1)}`]: f };
}

const push = (a: readonly unknown[]): unknown => [...listItems(a[0], (k) => `Cannot push on type ${k}`), a[1]];

/** The list family of sprig's function map. */
export const listFunctions: Readonly<Record<string, GoFunc>> = {
  list: variadic([], any, (a) => [...a]),
  tuple: variadic([], any, (a) => [...a]),
  append: fixed([any, any], push),
  push: fixed([any, any], push),
  mustAppend: fixed([any, any], push),
  mustPush: fixed([any, any], push),
  ...pair("prepend", [any, any], undefined, (a) => [a[1], ...listItems(a[0], (k) => `Cannot prepend on type ${k}`)]),
  ...pair("chunk", ["int", any], undefined, (a) => chunk(int(a, 0), listItems(a[1], (k) => `Cannot chunk type ${k}`))),
  ...pair("last", [any], undefined, (a) => {
    const l = listItems(a[0], (k) => `Cannot find last on type ${k}`);
    return l.length === 0 ? null : l[l.length - 1];
  }),
  ...pair("first", [any], undefined, (a) => {
    const l = listItems(a[0], (k) => `Cannot find first on type ${k}`);
    return l.length === 0 ? null : l[0];
  }),
  ...pair("rest", [any], undefined, (a) => listItems(a[0], (k) => `Cannot find rest on type ${k}`).slice(1)),
  ...pair("initial", [any], undefined, (a) => listItems(a[0], (k) => `Cannot find initial on type ${k}`).slice(0, -1)),
  ...pair("reverse", [any], undefined, (a) => [...listItems(a[0], (k) => `Cannot find reverse on type ${k}`)].reverse()),
  ...pair("compact", [any], undefined, (a) => listItems(a[0], (k) => `Cannot compact on type ${k}`).filter((x) => !isEmpty(x))),
  ...pair("uniq", [any], undefined, (a) => {
    const out: unknown[] = [];
    for (const x of listItems(a[0], (k) => `Cannot find uniq on type ${k}`)) if (!inList(out, x)) out.push(x);
    return out;
  }),
  ...pair("without", [any], any, (a) => {
    const omit = a.slice(1);
    return listItems(a[0], (k) => `Cannot find without on type ${k}`).filter((x) => !inList(omit, x));
  }),
  ...pair("has", [any, any], undefined, (a) => {
    if (a[1] === null || a[1] === undefined) return false;
    return inList(listItems(a[1], (k) => `Cannot find has on type ${k}`), a[0]);
  }),
  ...pair("slice", [any], any, (a) => slice(a[0], a.slice(1))),
  concat: variadic([], any, (a) => {
    const out: unknown[] = [];
    for (const l of a) {
      if (!isList(l) && l !== null && l !== undefined) {
        out.push(...listItems(l, (k) => `Cannot concat type ${k} as list`));
      } else out.push(...listItems(l, (k) => k));
    }
    return out;
  }),
};
