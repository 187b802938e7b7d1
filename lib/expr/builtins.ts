/**
 * The non-predicate builtins of expr v1.17 (`len`, `upper`, `split`, `max`, `toJSON`, `duration`, `keys` …), each a
 * function of evaluated arguments. Predicate builtins (`all`, `map`, `reduce` …) live in the compiler.
 * @module
 */
import { E } from "../fp.ts";
import { parseDuration } from "../values/duration.ts";
import { GoFloat, toFloatValue } from "../values/float.ts";
import { GoTime, layouts } from "../values/time.ts";
import { fail } from "./_failure.ts";
import { formatValue } from "../gofmt/format-value.ts";
import { decodeBase64, encodeBase64 } from "../go/base64.ts";
import { decodeUtf8, encodeUtf8, utf8Length } from "../go/utf8.ts";
import {
  compare,
  equal,
  fetchMember,
  isInt,
  isMap,
  isNumber,
  len,
  num,
  toIndex,
  toStr,
  typeName,
} from "./runtime.ts";
import { toJson } from "./to-json.ts";

// --- model

/** What a builtin sees besides its arguments: the node offset (for errors) and the run's `now`. */
export interface BuiltinContext {
  readonly pos: number;
  readonly now: number;
}

/** A builtin implementation. */
export type Builtin = (args: readonly unknown[], ctx: BuiltinContext) => unknown;

const arity = (name: string, args: readonly unknown[], min: number, max: number, pos: number): void => {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} or ${max}`;
    fail(`invalid number of arguments for ${name} (expected ${expected}, got ${args.length})`, pos);
  }
};

const str = (v: unknown, pos: number): string => toStr(v, pos);

function goSplit(s: string, sep: string, n: number, after: boolean): string[] {
  if (n === 0) return [];
  if (sep === "") {
    const chars = [...s];
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join("")];
  }
  const out: string[] = [];
  let rest = s;
  while (n < 0 || out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i + (after ? sep.length : 0)));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

const spaceRe = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

function trimSet(s: string, cutset: string): string {
  const set = new Set([...cutset]);
  const chars = [...s];
  let a = 0, b = chars.length;
  while (a < b && set.has(chars[a]!)) a++;
  while (b > a && set.has(chars[b - 1]!)) b--;
  return chars.slice(a, b).join("");
}

function byteIndex(s: string, i: number): number {
  return i < 0 ? -1 : utf8Length(s.slice(0, i));
}

function flattenNumbers(name: string, args: readonly unknown[], pos: number, out: unknown[] = [], depth = 0): unknown[] {
  if (depth > 10_000) fail("recursion depth exceeded", pos);
  for (const a of args) {
    if (Array.isArray(a)) flattenNumbers(name, a, pos, out, depth + 1);
    else if (isNumber(a)) out.push(a);
    else fail(`invalid argument for ${name} (type ${typeName(a)})`, pos);
  }
  return out;
}

function minMax(name: string, args: readonly unknown[], pos: number): unknown {
  const all = flattenNumbers(name, args, pos);
  let best: unknown = null;
  for (const v of all) {
    if (best === null || (name === "max" ? compare(best, v, "<", pos) < 0 : compare(best, v, ">", pos) > 0)) best = v;
  }
  return best;
}

function sortValues(arr: readonly unknown[], desc: boolean, pos: number): unknown[] {
  const out = [...arr];
  out.sort((a, b) => compare(a, b, "<", pos) * (desc ? -1 : 1));
  return out;
}

function flattenDeep(v: readonly unknown[], out: unknown[], depth: number, pos: number): unknown[] {
  if (depth > 10_000) fail("recursion depth exceeded", pos);
  for (const x of v) {
    if (Array.isArray(x)) flattenDeep(x, out, depth + 1, pos);
    else out.push(x);
  }
  return out;
}

function fromBase64(s: string, pos: number): string {
  const r = decodeBase64(s);
  return r._tag === "Right" ? decodeUtf8(r.right) : fail(r.left, pos);
}

function fromJson(s: string, pos: number): unknown {
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch (e) {
    return fail(e instanceof Error ? e.message : "invalid JSON", pos);
  }
  const floats = (x: unknown): unknown => {
    if (typeof x === "number") return toFloatValue(x);
    if (Array.isArray(x)) return x.map(floats);
    if (x !== null && typeof x === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(x)) Object.defineProperty(out, k, { value: floats(val), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return x;
  };
  return floats(v);
}

function parseDate(args: readonly unknown[], pos: number): GoTime {
  const date = str(args[0], pos);
  if (args.length >= 2) {
    const layout = str(args[1], pos);
    if (args.length === 3 && str(args[2], pos) !== "UTC") fail(`unknown time zone ${String(args[2])}`, pos);
    const r = GoTime.parse(layout, date);
    return E.isLeft(r) ? fail(r.left, pos) : r.right;
  }
  for (const l of ["2006-01-02", "15:04:05", "2006-01-02 15:04:05", layouts["RFC3339"]!, layouts["RFC822"]!, layouts["RFC850"]!, layouts["RFC1123"]!]) {
    const r = GoTime.parse(l, date);
    if (E.isRight(r)) return r.right;
  }
  return fail(`invalid date ${date}`, pos);
}

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float";
    case "string":
      return "string";
    case "function":
      return "func";
    case "bigint":
      return "int";
  }
  if (v instanceof GoFloat) return "float";
  if (Array.isArray(v) || v instanceof Uint8Array) return "array";
  if (isMap(v)) return "map";
  const t = typeName(v);
  return t.startsWith("time.") ? t : "struct";
}

const bit = (name: string, f: (x: number, y: number) => number): Builtin => (args, c) => {
  arity(name, args, 2, 2, c.pos);
  const [x, y] = args;
  if (!isInt(x) || !isInt(y)) return fail(`invalid argument for ${name}`, c.pos);
  return f(x, y);
};
const big = (x: number): bigint => BigInt.asIntN(64, BigInt(x));
const small = (x: bigint): number => Number(BigInt.asIntN(64, x));

// --- builtins

/** The non-predicate builtins by name. */
export const builtins: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ["len", (a, c) => (arity("len", a, 1, 1, c.pos), len(a[0], c.pos))],
  ["type", (a, c) => (arity("type", a, 1, 1, c.pos), typeOf(a[0]))],
  ["abs", (a, c) => {
    arity("abs", a, 1, 1, c.pos);
    const x = a[0];
    if (typeof x === "number") return Math.abs(x);
    if (x instanceof GoFloat) return new GoFloat(Math.abs(x.value));
    return fail(`invalid argument for abs (type ${typeName(x)})`, c.pos);
  }],
  ...(["ceil", "floor", "round"] as const).map((name): [string, Builtin] => [name, (a, c) => {
    arity(name, a, 1, 1, c.pos);
    const x = a[0];
    if (!isNumber(x)) return fail(`invalid argument for ${name} (type ${typeName(x)})`, c.pos);
    const v = num(x);
    const r = name === "ceil" ? Math.ceil(v) : name === "floor" ? Math.floor(v) : Math.sign(v) * Math.round(Math.abs(v));
    return toFloatValue(r + 0);
  }]),
  ["int", (a, c) => {
    arity("int", a, 1, 1, c.pos);
    const x = a[0];
    if (isNumber(x)) return Math.trunc(num(x)) + 0;
    if (typeof x === "string") {
      if (!/^[+-]?\d+$/.test(x)) fail(`strconv.Atoi: parsing ${JSON.stringify(x)}: invalid syntax`, c.pos);
      return Number(x);
    }
    return fail(`invalid operation: int(${typeName(x)})`, c.pos);
  }],
  ["float", (a, c) => {
    arity("float", a, 1, 1, c.pos);
    const x = a[0];
    if (isNumber(x)) return toFloatValue(num(x));
    if (typeof x === "string") {
      const t = x.trim() === x ? x.toLowerCase() : "";
      const v = /^[+-]?(inf|infinity)$/.test(t) ? (t.startsWith("-") ? -Infinity : Infinity) : t === "nan" ? NaN : Number(x);
      if (x === "" || Number.isNaN(v) && t !== "nan") fail(`strconv.ParseFloat: parsing ${JSON.stringify(x)}: invalid syntax`, c.pos);
      return toFloatValue(v);
    }
    return fail(`invalid operation: float(${typeName(x)})`, c.pos);
  }],
  ["string", (a, c) => (arity("string", a, 1, 1, c.pos), formatValue(a[0]))],
  ["trim", (a, c) => {
    arity("trim", a, 1, 2, c.pos);
    return a.length === 1 ? str(a[0], c.pos).replace(spaceRe, "") : trimSet(str(a[0], c.pos), str(a[1], c.pos));
  }],
  ["trimPrefix", (a, c) => {
    arity("trimPrefix", a, 1, 2, c.pos);
    const s = str(a[0], c.pos), p = a.length === 2 ? str(a[1], c.pos) : " ";
    return s.startsWith(p) ? s.slice(p.length) : s;
  }],
  ["trimSuffix", (a, c) => {
    arity("trimSuffix", a, 1, 2, c.pos);
    const s = str(a[0], c.pos), p = a.length === 2 ? str(a[1], c.pos) : " ";
    return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  }],
  ["upper", (a, c) => (arity("upper", a, 1, 1, c.pos), str(a[0], c.pos).toUpperCase())],
  ["lower", (a, c) => (arity("lower", a, 1, 1, c.pos), str(a[0], c.pos).toLowerCase())],
  ["split", (a, c) => {
    arity("split", a, 2, 3, c.pos);
    return goSplit(str(a[0], c.pos), str(a[1], c.pos), a.length === 3 ? toIndex(a[2], c.pos) : -1, false);
  }],
  ["splitAfter", (a, c) => {
    arity("splitAfter", a, 2, 3, c.pos);
    return goSplit(str(a[0], c.pos), str(a[1], c.pos), a.length === 3 ? toIndex(a[2], c.pos) : -1, true);
  }],
  ["replace", (a, c) => {
    arity("replace", a, 3, 4, c.pos);
    const s = str(a[0], c.pos), o = str(a[1], c.pos), n = str(a[2], c.pos);
    const limit = a.length === 4 ? toIndex(a[3], c.pos) : -1;
    if (o === "") {
      const chars = [...s];
      let out = "", k = 0;
      for (let i = 0; i <= chars.length; i++) {
        if (limit < 0 || k < limit) out += n, k++;
        if (i < chars.length) out += chars[i];
      }
      return out;
    }
    const parts = s.split(o);
    if (limit < 0 || limit >= parts.length - 1) return parts.join(n);
    return parts.slice(0, limit + 1).join(n) + o + parts.slice(limit + 1).join(o);
  }],
  ["repeat", (a, c) => {
    arity("repeat", a, 2, 2, c.pos);
    const s = str(a[0], c.pos), n = toIndex(a[1], c.pos);
    if (n < 0) fail(`invalid argument for repeat (expected positive integer, got ${n})`, c.pos);
    if (n > 1e6 || s.length * n > 1e7) fail("memory budget exceeded", c.pos);
    return s.repeat(n);
  }],
  ["join", (a, c) => {
    arity("join", a, 1, 2, c.pos);
    const glue = a.length === 2 ? str(a[1], c.pos) : "";
    if (!Array.isArray(a[0])) return fail(`invalid argument for join (type ${typeName(a[0])})`, c.pos);
    return a[0].map((x) => str(x, c.pos)).join(glue);
  }],
  ["indexOf", (a, c) => {
    arity("indexOf", a, 2, 2, c.pos);
    const s = str(a[0], c.pos);
    return byteIndex(s, s.indexOf(str(a[1], c.pos)));
  }],
  ["lastIndexOf", (a, c) => {
    arity("lastIndexOf", a, 2, 2, c.pos);
    const s = str(a[0], c.pos);
    return byteIndex(s, s.lastIndexOf(str(a[1], c.pos)));
  }],
  ["hasPrefix", (a, c) => (arity("hasPrefix", a, 2, 2, c.pos), str(a[0], c.pos).startsWith(str(a[1], c.pos)))],
  ["hasSuffix", (a, c) => (arity("hasSuffix", a, 2, 2, c.pos), str(a[0], c.pos).endsWith(str(a[1], c.pos)))],
  ["max", (a, c) => minMax("max", a, c.pos)],
  ["min", (a, c) => minMax("min", a, c.pos)],
  ["mean", (a, c) => {
    const all = flattenNumbers("mean", a, c.pos).map((x) => num(x as number));
    return toFloatValue(all.length === 0 ? 0 : all.reduce((s, x) => s + x, 0) / all.length);
  }],
  ["median", (a, c) => {
    const all = flattenNumbers("median", a, c.pos).map((x) => num(x as number)).sort((x, y) => x - y);
    const n = all.length;
    if (n === 0) return new GoFloat(0);
    return toFloatValue(n % 2 === 1 ? all[(n - 1) / 2]! : (all[n / 2 - 1]! + all[n / 2]!) / 2);
  }],
  ["toJSON", (a, c) => (arity("toJSON", a, 1, 1, c.pos), toJson(a[0], c.pos))],
  ["fromJSON", (a, c) => (arity("fromJSON", a, 1, 1, c.pos), fromJson(str(a[0], c.pos), c.pos))],
  ["toBase64", (a, c) => (arity("toBase64", a, 1, 1, c.pos), encodeBase64(encodeUtf8(str(a[0], c.pos))))],
  ["fromBase64", (a, c) => (arity("fromBase64", a, 1, 1, c.pos), fromBase64(str(a[0], c.pos), c.pos))],
  ["now", (a, c) => {
    if (a.length !== 0) fail(`invalid number of arguments (expected 0, got ${a.length})`, c.pos);
    return GoTime.fromUnixMilli(c.now);
  }],
  ["duration", (a, c) => {
    arity("duration", a, 1, 1, c.pos);
    const r = parseDuration(str(a[0], c.pos));
    return E.isLeft(r) ? fail(r.left, c.pos) : r.right;
  }],
  ["date", (a, c) => (arity("date", a, 1, 3, c.pos), parseDate(a, c.pos))],
  ["timezone", (a, c) => {
    arity("timezone", a, 1, 1, c.pos);
    const name = str(a[0], c.pos);
    return name === "UTC" || name === "" ? name : fail(`unknown time zone ${name}`, c.pos);
  }],
  ["first", (a, c) => {
    arity("first", a, 1, 1, c.pos);
    try {
      return fetchMember(a[0], 0, c.pos);
    } catch {
      return null;
    }
  }],
  ["last", (a, c) => {
    arity("last", a, 1, 1, c.pos);
    try {
      return fetchMember(a[0], -1, c.pos);
    } catch {
      return null;
    }
  }],
  ["get", (a, c) => {
    if (a.length < 2) fail(`invalid number of arguments (expected 2, got ${a.length})`, c.pos);
    if (a[0] === null || a[0] === undefined) return null;
    try {
      return fetchMember(a[0], a[1], c.pos);
    } catch {
      return null;
    }
  }],
  ["take", (a, c) => {
    arity("take", a, 2, 2, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot take from ${typeName(a[0])}`, c.pos);
    if (!isInt(a[1])) return fail(`cannot take ${typeName(a[1])} elements`, c.pos);
    return a[0].slice(0, Math.max(0, a[1]));
  }],
  ["keys", (a, c) => {
    arity("keys", a, 1, 1, c.pos);
    return isMap(a[0]) ? Object.keys(a[0]) : fail(`cannot get keys from ${typeName(a[0])}`, c.pos);
  }],
  ["values", (a, c) => {
    arity("values", a, 1, 1, c.pos);
    const m = a[0];
    return isMap(m) ? Object.keys(m).map((k) => m[k] ?? null) : fail(`cannot get values from ${typeName(m)}`, c.pos);
  }],
  ["toPairs", (a, c) => {
    arity("toPairs", a, 1, 1, c.pos);
    const m = a[0];
    return isMap(m) ? Object.keys(m).map((k) => [k, m[k] ?? null]) : fail(`cannot transform ${typeName(m)} to pairs`, c.pos);
  }],
  ["fromPairs", (a, c) => {
    arity("fromPairs", a, 1, 1, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot transform ${typeName(a[0])} from pairs`, c.pos);
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const p of a[0]) {
      if (!Array.isArray(p) || p.length !== 2) return fail(`invalid pair ${formatValue(p)}`, c.pos);
      const k: unknown = p[0];
      out[typeof k === "string" ? k : formatValue(k)] = p[1];
    }
    return out;
  }],
  ["reverse", (a, c) => {
    arity("reverse", a, 1, 1, c.pos);
    return Array.isArray(a[0]) ? [...a[0]].reverse() : fail(`cannot reverse ${typeName(a[0])}`, c.pos);
  }],
  ["uniq", (a, c) => {
    arity("uniq", a, 1, 1, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot uniq ${typeName(a[0])}`, c.pos);
    const out: unknown[] = [];
    for (const x of a[0]) if (!out.some((y) => equal(x, y))) out.push(x);
    return out;
  }],
  ["concat", (a, c) => {
    if (a.length === 0) fail("invalid number of arguments (expected at least 1, got 0)", c.pos);
    const out: unknown[] = [];
    for (const x of a) {
      if (!Array.isArray(x)) return fail(`cannot concat ${typeName(x)}`, c.pos);
      out.push(...x);
    }
    return out;
  }],
  ["flatten", (a, c) => {
    arity("flatten", a, 1, 1, c.pos);
    return Array.isArray(a[0]) ? flattenDeep(a[0], [], 0, c.pos) : fail(`cannot flatten ${typeName(a[0])}`, c.pos);
  }],
  ["sort", (a, c) => {
    arity("sort", a, 1, 2, c.pos);
    if (!Array.isArray(a[0])) return fail(`cannot sort ${typeName(a[0])}`, c.pos);
    const order = a.length === 2 ? str(a[1], c.pos) : "asc";
    if (order !== "asc" && order !== "desc") fail(`unknown order ${order}, use asc or desc`, c.pos);
    return sortValues(a[0], order === "desc", c.pos);
  }],
  ["bitand", bit("bitand", (x, y) => small(big(x) & big(y)))],
  ["bitor", bit("bitor", (x, y) => small(big(x) | big(y)))],
  ["bitxor", bit("bitxor", (x, y) => small(big(x) ^ big(y)))],
  ["bitnand", bit("bitnand", (x, y) => small(big(x) & ~big(y)))],
  ["bitshl", bit("bitshl", (x, y) => (y < 0 ? fail(`invalid operation: negative shift count ${y}`) : small(big(x) << BigInt(Math.min(y, 64)))))],
  ["bitshr", bit("bitshr", (x, y) => (y < 0 ? fail(`invalid operation: negative shift count ${y}`) : small(big(x) >> BigInt(Math.min(y, 64)))))],
  ["bitushr", bit("bitushr", (x, y) => (y < 0 ? fail(`invalid operation: negative shift count ${y}`) : small(BigInt.asUintN(64, big(x)) >> BigInt(Math.min(y, 64)))))],
  ["bitnot", (a, c) => {
    arity("bitnot", a, 1, 1, c.pos);
    return isInt(a[0]) ? small(~big(a[0])) : fail(`invalid argument for bitnot (type ${typeName(a[0])})`, c.pos);
  }],
]);
