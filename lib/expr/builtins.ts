/**
 * The non-predicate builtins of expr v1.17 (`len`, `upper`, `split`, `max`, `toJSON`, `duration`, `keys` …), each a
 * function of evaluated arguments. Predicate builtins (`all`, `map`, `reduce` …) live in `_predicates.ts`.
 *
 * Each pays for its work from the run's budget (`_budget.ts`): the characters it scans or builds, the elements it
 * copies, compares or walks; the lists and strings it builds are checked against `maxListLength` and
 * `maxStringLength` before they are built, and its recursive walks against `maxValueDepth`.
 * @module
 */
import { E } from "../fp.ts";
import { parseDuration } from "../values/duration.ts";
import { GoFloat, toFloatValue } from "../values/float.ts";
import { GoTime, layouts } from "../values/time.ts";
import { type Budget, checkDepth, checkList, checkString, measureFor, newBudget, spend, spendChars } from "./_budget.ts";
import { EvalFailure, fail, LimitFailure } from "./_failure.ts";
import { formatValue } from "../gofmt/format-value.ts";
import { decodeBase64, encodeBase64 } from "../go/base64.ts";
import { decodeUtf8, encodeUtf8, utf8Length } from "../go/utf8.ts";
import { fetchMember } from "./fetch-member.ts";
import { compare, equal, isInt, isMap, isNumber, len, num, toIndex, toStr, typeName } from "./runtime.ts";
import { toJson } from "./to-json.ts";

// --- model

/** What a builtin sees besides its arguments: the node offset (for errors), the run's `now` and its budget. */
export interface BuiltinContext {
  readonly pos: number;
  readonly now: number;
  /** The run's budget; a fresh default one when left out (a builtin called outside a run). */
  readonly budget?: Budget;
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

/** The budget a builtin pays from. */
const budgetOf = (c: BuiltinContext): Budget => c.budget ?? newBudget();

/** A string argument, paying for scanning it. */
function scanned(v: unknown, c: BuiltinContext): string {
  const s = str(v, c.pos);
  spendChars(budgetOf(c), s.length, c.pos);
  return s;
}

/** A string a builtin built, within `maxStringLength` and paid for. */
function built(s: string, what: string, c: BuiltinContext): string {
  const b = budgetOf(c);
  checkString(b, s.length, what, c.pos);
  spendChars(b, s.length, c.pos);
  return s;
}

/** A list a builtin built, within `maxListLength` and paid for. */
function listOf<T>(xs: T[], what: string, c: BuiltinContext): T[] {
  buildList(xs.length, what, c);
  return xs;
}

/** Pays for building a list of `n` elements, within `maxListLength`. */
function buildList(n: number, what: string, c: BuiltinContext): void {
  const b = budgetOf(c);
  checkList(b, n, what, c.pos);
  spend(b, n, c.pos);
}

/** Formats a value as Go's `%v`, after measuring it: within `maxValueDepth`, paid per value, within `maxStringLength`. */
function formatted(v: unknown, what: string, c: BuiltinContext): string {
  const b = budgetOf(c);
  const m = measureFor(b, v, what, c.pos);
  checkString(b, m.chars + m.nodes - 1, what, c.pos);
  return built(formatValue(v), what, c);
}

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

/** Go's `strings.Replace(s, old, new, limit)`; the result's length is checked before it is built. */
function replace(s: string, o: string, n: string, limit: number, c: BuiltinContext): string {
  if (o === "") {
    const chars = [...s];
    const count = limit < 0 ? chars.length + 1 : Math.min(limit, chars.length + 1);
    checkString(budgetOf(c), s.length + count * n.length, "replace", c.pos);
    let out = "", k = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (limit < 0 || k < limit) out += n, k++;
      if (i < chars.length) out += chars[i];
    }
    return built(out, "replace", c);
  }
  const parts = s.split(o);
  const count = limit < 0 ? parts.length - 1 : Math.min(limit, parts.length - 1);
  checkString(budgetOf(c), s.length + count * (n.length - o.length), "replace", c.pos);
  if (limit < 0 || limit >= parts.length - 1) return built(parts.join(n), "replace", c);
  return built(parts.slice(0, limit + 1).join(n) + o + parts.slice(limit + 1).join(o), "replace", c);
}

/** expr's `join`: the result's length is checked before it is built. */
function join(xs: unknown, glue: string, c: BuiltinContext): string {
  if (!Array.isArray(xs)) return fail(`invalid argument for join (type ${typeName(xs)})`, c.pos);
  const parts = xs.map((x) => str(x, c.pos));
  spend(budgetOf(c), parts.length, c.pos);
  const length = parts.reduce((n, p) => n + p.length, 0) + Math.max(0, parts.length - 1) * glue.length;
  checkString(budgetOf(c), length, "join", c.pos);
  return built(parts.join(glue), "join", c);
}

/** expr's `repeat`: the result's length is checked before it is built. */
function repeat(s: string, n: number, c: BuiltinContext): string {
  if (n < 0) fail(`invalid argument for repeat (expected positive integer, got ${n})`, c.pos);
  const max = budgetOf(c).limits.maxStringLength;
  const length = s.length * n;
  if (length > max) {
    throw new LimitFailure("maxStringLength", max, `memory budget exceeded: repeat would build ${length} characters`, c.pos);
  }
  return built(s.repeat(n), "repeat", c);
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

function fromBase64(s: string, pos: number): string {
  const r = decodeBase64(s);
  return r._tag === "Right" ? decodeUtf8(r.right) : fail(r.left, pos);
}

/** expr's `fromJSON`: numbers become float64; the document is measured (depth, size) before it is converted. */
function fromJson(s: string, c: BuiltinContext): unknown {
  const pos = c.pos;
  spendChars(budgetOf(c), s.length, pos);
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch (e) {
    return fail(e instanceof Error ? e.message : "invalid JSON", pos);
  }
  measureFor(budgetOf(c), v, "fromJSON", pos);
  const floats = (x: unknown): unknown => {
    if (typeof x === "number") return toFloatValue(x);
    if (Array.isArray(x)) {
      checkList(budgetOf(c), x.length, "fromJSON", pos);
      return x.map(floats);
    }
    if (x !== null && typeof x === "object") {
      const out: Record<string, unknown> = {};
      const entries = Object.entries(x);
      checkList(budgetOf(c), entries.length, "fromJSON", pos);
      for (const [k, val] of entries) Object.defineProperty(out, k, { value: floats(val), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return x;
  };
  return floats(v);
}

function parseDate(args: readonly unknown[], c: BuiltinContext): GoTime {
  const pos = c.pos;
  const date = scanned(args[0], c);
  if (args.length >= 2) {
    const layout = scanned(args[1], c);
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
  ["len", (a, c) => (arity("len", a, 1, 1, c.pos), len(a[0], c.pos, budgetOf(c)))],
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
      spendChars(budgetOf(c), x.length, c.pos);
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
      spendChars(budgetOf(c), x.length, c.pos);
      const t = x.trim() === x ? x.toLowerCase() : "";
      const v = /^[+-]?(inf|infinity)$/.test(t) ? (t.startsWith("-") ? -Infinity : Infinity) : t === "nan" ? NaN : Number(x);
      if (x === "" || Number.isNaN(v) && t !== "nan") fail(`strconv.ParseFloat: parsing ${JSON.stringify(x)}: invalid syntax`, c.pos);
      return toFloatValue(v);
    }
    return fail(`invalid operation: float(${typeName(x)})`, c.pos);
  }],
  ["string", (a, c) => (arity("string", a, 1, 1, c.pos), formatted(a[0], "string", c))],
  ["trim", (a, c) => {
    arity("trim", a, 1, 2, c.pos);
    return a.length === 1 ? scanned(a[0], c).replace(spaceRe, "") : trimSet(scanned(a[0], c), scanned(a[1], c));
  }],
  ["trimPrefix", (a, c) => {
    arity("trimPrefix", a, 1, 2, c.pos);
    const s = str(a[0], c.pos), p = a.length === 2 ? scanned(a[1], c) : " ";
    return s.startsWith(p) ? s.slice(p.length) : s;
  }],
  ["trimSuffix", (a, c) => {
    arity("trimSuffix", a, 1, 2, c.pos);
    const s = str(a[0], c.pos), p = a.length === 2 ? scanned(a[1], c) : " ";
    return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  }],
  ["upper", (a, c) => (arity("upper", a, 1, 1, c.pos), built(scanned(a[0], c).toUpperCase(), "upper", c))],
  ["lower", (a, c) => (arity("lower", a, 1, 1, c.pos), built(scanned(a[0], c).toLowerCase(), "lower", c))],
  ...(["split", "splitAfter"] as const).map((name): [string, Builtin] => [name, (a, c) => {
    arity(name, a, 2, 3, c.pos);
    const parts = goSplit(scanned(a[0], c), str(a[1], c.pos), a.length === 3 ? toIndex(a[2], c.pos) : -1, name === "splitAfter");
    buildList(parts.length, name, c);
    return parts;
  }]),
  ["replace", (a, c) => {
    arity("replace", a, 3, 4, c.pos);
    const s = scanned(a[0], c), o = str(a[1], c.pos), n = str(a[2], c.pos);
    return replace(s, o, n, a.length === 4 ? toIndex(a[3], c.pos) : -1, c);
  }],
  ["repeat", (a, c) => (arity("repeat", a, 2, 2, c.pos), repeat(str(a[0], c.pos), toIndex(a[1], c.pos), c))],
  ["join", (a, c) => (arity("join", a, 1, 2, c.pos), join(a[0], a.length === 2 ? str(a[1], c.pos) : "", c))],
  ["indexOf", (a, c) => {
    arity("indexOf", a, 2, 2, c.pos);
    const s = scanned(a[0], c);
    return byteIndex(s, s.indexOf(str(a[1], c.pos)));
  }],
  ["lastIndexOf", (a, c) => {
    arity("lastIndexOf", a, 2, 2, c.pos);
    const s = scanned(a[0], c);
    return byteIndex(s, s.lastIndexOf(str(a[1], c.pos)));
  }],
  ["hasPrefix", (a, c) => (arity("hasPrefix", a, 2, 2, c.pos), str(a[0], c.pos).startsWith(scanned(a[1], c)))],
  ["hasSuffix", (a, c) => (arity("hasSuffix", a, 2, 2, c.pos), str(a[0], c.pos).endsWith(scanned(a[1], c)))],
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
  ["toJSON", (a, c) => {
    arity("toJSON", a, 1, 1, c.pos);
    const m = measureFor(budgetOf(c), a[0], "toJSON", c.pos);
    checkString(budgetOf(c), m.chars + m.nodes - 1 + 2 * m.depths, "toJSON", c.pos);
    return built(toJson(a[0], c.pos), "toJSON", c);
  }],
  ["fromJSON", (a, c) => (arity("fromJSON", a, 1, 1, c.pos), fromJson(str(a[0], c.pos), c))],
  ["toBase64", (a, c) => (arity("toBase64", a, 1, 1, c.pos), built(encodeBase64(encodeUtf8(scanned(a[0], c))), "toBase64", c))],
  ["fromBase64", (a, c) => (arity("fromBase64", a, 1, 1, c.pos), fromBase64(scanned(a[0], c), c.pos))],
  ["now", (a, c) => {
    if (a.length !== 0) fail(`invalid number of arguments (expected 0, got ${a.length})`, c.pos);
    return GoTime.fromUnixMilli(c.now);
  }],
  ["duration", (a, c) => {
    arity("duration", a, 1, 1, c.pos);
    const r = parseDuration(scanned(a[0], c));
    return E.isLeft(r) ? fail(r.left, c.pos) : r.right;
  }],
  ["date", (a, c) => (arity("date", a, 1, 3, c.pos), parseDate(a, c))],
  ["timezone", (a, c) => {
    arity("timezone", a, 1, 1, c.pos);
    const name = str(a[0], c.pos);
    return name === "UTC" || name === "" ? name : fail(`unknown time zone ${name}`, c.pos);
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
