/**
 * The list builtins of expr v1.17 (`max`, `median`, `first`, `get`, `keys`, `fromPairs`, `uniq`, `concat`, `flatten`,
 * `sort` …). Each pays one step per element it copies, builds, compares or walks; the lists it builds are checked
 * against `maxListLength` and its recursive walks against `maxValueDepth`.
 * @module
 */
import { checkDepth, spend } from "./_budget.ts";
import { EvalFailure, fail } from "./_failure.ts";
import { fetchMember } from "./fetch-member.ts";
import { arity, type Builtin, type BuiltinContext, budgetOf, buildList, formatted, listOf, str } from "./_builtin-kit.ts";
import { GoFloat, toFloatValue } from "../values/float.ts";
import { compare, equal, isInt, isMap, isNumber, num, typeName } from "./runtime.ts";

function flattenNumbers(name: string, args: readonly unknown[], c: BuiltinContext, out: unknown[] = [], depth = 0): unknown[] {
  const b = budgetOf(c);
  checkDepth(b, depth, name, c.pos);
  spend(b, args.length, c.pos);
  for (const a of args) {
    if (Array.isArray(a)) flattenNumbers(name, a, c, out, depth + 1);
    else if (isNumber(a)) out.push(a);
    else fail(`invalid argument for ${name} (type ${typeName(a)})`, c.pos);
  }
  return out;
}

function minMax(name: string, args: readonly unknown[], c: BuiltinContext): unknown {
  const pos = c.pos;
  const all = flattenNumbers(name, args, c);
  let best: unknown = null;
  for (const v of all) {
    if (best === null || (name === "max" ? compare(best, v, "<", pos) < 0 : compare(best, v, ">", pos) > 0)) best = v;
  }
  return best;
}

/** Sorts a copy, paying one step per comparison. */
function sortValues<T>(arr: readonly T[], order: (a: T, b: T) => number, what: string, c: BuiltinContext): T[] {
  buildList(arr.length, what, c);
  const b = budgetOf(c);
  return [...arr].sort((x, y) => (spend(b, 1, c.pos), order(x, y)));
}

function flattenDeep(v: readonly unknown[], out: unknown[], depth: number, c: BuiltinContext): unknown[] {
  const b = budgetOf(c);
  checkDepth(b, depth, "flatten", c.pos);
  spend(b, v.length, c.pos);
  for (const x of v) {
    if (Array.isArray(x)) flattenDeep(x, out, depth + 1, c);
    else out.push(x);
  }
  return out;
}

/**
 * expr's `uniq`: the first of every run of `==`-equal elements, in order. Linear for scalars (nil, bools, numbers
 * across int and float, strings are looked up in sets); other values are compared with `==` one by one, paid per
 * comparison.
 */
function uniq(xs: readonly unknown[], c: BuiltinContext): unknown[] {
  const b = budgetOf(c);
  const out: unknown[] = [];
  const numbers = new Set<number>(), strings = new Set<string>(), seen = new Set<unknown>();
  const others: unknown[] = [];
  for (const x of xs) {
    spend(b, 1, c.pos);
    if (x === null || x === undefined || typeof x === "boolean") {
      const key = x ?? null;
      if (seen.has(key)) continue;
      seen.add(key);
    } else if (typeof x === "string") {
      if (strings.has(x)) continue;
      strings.add(x);
    } else if (isNumber(x)) {
      const n = num(x);
      if (numbers.has(n)) continue;
      if (!Number.isNaN(n)) numbers.add(n);
    } else {
      spend(b, others.length, c.pos);
      if (others.some((y) => equal(x, y, b))) continue;
      others.push(x);
    }
    out.push(x);
  }
  return out;
}

/** `first`, `last`, `get`: a member, or nil when reading it fails (a limit passed still fails). */
function memberOrNil(from: unknown, key: unknown, c: BuiltinContext): unknown {
  try {
    return fetchMember(from, key, c.pos, budgetOf(c));
  } catch (e) {
    if (e instanceof EvalFailure) return null;
    throw e;
  }
}

/** The list builtins by name. */
export const listBuiltins: readonly (readonly [string, Builtin])[] = [
  ["max", (a, c) => minMax("max", a, c)],
  ["min", (a, c) => minMax("min", a, c)],
  ["mean", (a, c) => {
    const all = flattenNumbers("mean", a, c).map((x) => num(x as number));
    return toFloatValue(all.length === 0 ? 0 : all.reduce((s, x) => s + x, 0) / all.length);
  }],
  ["median", (a, c) => {
    const all = sortValues(flattenNumbers("median", a, c).map((x) => num(x as number)), (x, y) => x - y, "median", c);
    const n = all.length;
    if (n === 0) return new GoFloat(0);
    return toFloatValue(n % 2 === 1 ? all[(n - 1) / 2]! : (all[n / 2 - 1]! + all[n / 2]!) / 2);
  }],
  ["first", (a, c) => (arity("first", a, 1, 1, c.pos), memberOrNil(a[0], 0, c))],
  ["last", (a, c) => (arity("last", a, 1, 1, c.pos), memberOrNil(a[0], -1, c))],
  ["get", (a, c) => {
    if (a.length < 2) fail(`invalid number of arguments (expected 2, got ${a.length})`, c.pos);
    if (a[0] === null || a[0] === undefined) return null;
    return memberOrNil(a[0], a[1], c);
  }],
  ["take", (a, c) => {
    arity("take", a, 2, 2, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot take from ${typeName(a[0])}`, c.pos);
    if (!isInt(a[1])) return fail(`cannot take ${typeName(a[1])} elements`, c.pos);
    const out = a[0].slice(0, Math.max(0, a[1]));
    buildList(out.length, "take", c);
    return out;
  }],
  ["keys", (a, c) => {
    arity("keys", a, 1, 1, c.pos);
    return isMap(a[0]) ? listOf(Object.keys(a[0]), "keys", c) : fail(`cannot get keys from ${typeName(a[0])}`, c.pos);
  }],
  ["values", (a, c) => {
    arity("values", a, 1, 1, c.pos);
    const m = a[0];
    return isMap(m) ? listOf(Object.keys(m), "values", c).map((k) => m[k] ?? null) : fail(`cannot get values from ${typeName(m)}`, c.pos);
  }],
  ["toPairs", (a, c) => {
    arity("toPairs", a, 1, 1, c.pos);
    const m = a[0];
    return isMap(m) ? listOf(Object.keys(m), "toPairs", c).map((k) => [k, m[k] ?? null]) : fail(`cannot transform ${typeName(m)} to pairs`, c.pos);
  }],
  ["fromPairs", (a, c) => {
    arity("fromPairs", a, 1, 1, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot transform ${typeName(a[0])} from pairs`, c.pos);
    buildList(a[0].length, "fromPairs", c);
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const p of a[0]) {
      if (!Array.isArray(p) || p.length !== 2) return fail(`invalid pair ${formatted(p, "fromPairs", c)}`, c.pos);
      const k: unknown = p[0];
      out[typeof k === "string" ? k : formatted(k, "fromPairs", c)] = p[1];
    }
    return out;
  }],
  ["reverse", (a, c) => {
    arity("reverse", a, 1, 1, c.pos);
    return Array.isArray(a[0]) ? listOf([...a[0]], "reverse", c).reverse() : fail(`cannot reverse ${typeName(a[0])}`, c.pos);
  }],
  ["uniq", (a, c) => {
    arity("uniq", a, 1, 1, c.pos);
    return Array.isArray(a[0]) ? uniq(a[0], c) : fail(`cannot uniq ${typeName(a[0])}`, c.pos);
  }],
  ["concat", (a, c) => {
    if (a.length === 0) fail("invalid number of arguments (expected at least 1, got 0)", c.pos);
    let n = 0;
    for (const x of a) {
      if (!Array.isArray(x)) return fail(`cannot concat ${typeName(x)}`, c.pos);
      n += x.length;
    }
    buildList(n, "concat", c);
    return (a as readonly unknown[][]).flat(1);
  }],
  ["flatten", (a, c) => {
    arity("flatten", a, 1, 1, c.pos);
    return Array.isArray(a[0]) ? listOf(flattenDeep(a[0], [], 1, c), "flatten", c) : fail(`cannot flatten ${typeName(a[0])}`, c.pos);
  }],
  ["sort", (a, c) => {
    arity("sort", a, 1, 2, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot sort ${typeName(a[0])}`, c.pos);
    const order = a.length === 2 ? str(a[1], c.pos) : "asc";
    if (order !== "asc" && order !== "desc") fail(`unknown order ${order}, use asc or desc`, c.pos);
    const sign = order === "desc" ? -1 : 1;
    return sortValues(a[0], (x, y) => compare(x, y, "<", c.pos) * sign, "sort", c);
  }],
];
