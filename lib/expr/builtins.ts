/**
 * The non-predicate builtins of expr v1.17 (`len`, `upper`, `split`, `max`, `toJSON`, `duration`, `keys` …), each a
 * function of evaluated arguments: the conversions, JSON and time builtins here, the string builtins in
 * `_string-builtins.ts`, the list builtins in `_list-builtins.ts`. Predicate builtins (`all`, `map`, `reduce` …)
 * live in `_predicates.ts`.
 *
 * Each pays for its work from the run's budget (`_budget.ts`): the characters it scans or builds, the elements it
 * copies, compares or walks; the lists and strings it builds are checked against `maxListLength` and
 * `maxStringLength` before they are built, and its recursive walks against `maxValueDepth`.
 * @module
 */
import { E } from "../fp.ts";
import { parseDuration } from "../values/mod.ts";
import { GoFloat, toFloatValue } from "../values/mod.ts";
import { GoTime, layouts } from "../values/mod.ts";
import { checkList, checkString, measureFor, spendChars } from "./_budget.ts";
import { arity, budgetOf, built, type Builtin, type BuiltinContext, formatted, scanned, str } from "./_builtin-kit.ts";
import { fail } from "./_failure.ts";
import { listBuiltins } from "./_list-builtins.ts";
import { stringBuiltins } from "./_string-builtins.ts";
import { isInt, isMap, isNumber, len, num, typeName } from "./runtime.ts";
import { toJson } from "./to-json.ts";

// --- utils

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
      for (const [k, val] of entries) {
        Object.defineProperty(out, k, { value: floats(val), enumerable: true, writable: true, configurable: true });
      }
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
  for (
    const l of [
      "2006-01-02",
      "15:04:05",
      "2006-01-02 15:04:05",
      layouts["RFC3339"]!,
      layouts["RFC822"]!,
      layouts["RFC850"]!,
      layouts["RFC1123"]!,
    ]
  ) {
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

/** The non-predicate builtins by name (the parser reads a call of one of these names as a builtin). */
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
    const r = name === "ceil"
      ? Math.ceil(v)
      : name === "floor"
      ? Math.floor(v)
      : Math.sign(v) * Math.round(Math.abs(v));
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
      const v = /^[+-]?(inf|infinity)$/.test(t)
        ? (t.startsWith("-") ? -Infinity : Infinity)
        : t === "nan"
        ? NaN
        : Number(x);
      if (x === "" || Number.isNaN(v) && t !== "nan") {
        fail(`strconv.ParseFloat: parsing ${JSON.stringify(x)}: invalid syntax`, c.pos);
      }
      return toFloatValue(v);
    }
    return fail(`invalid operation: float(${typeName(x)})`, c.pos);
  }],
  ["string", (a, c) => (arity("string", a, 1, 1, c.pos), formatted(a[0], "string", c))],
  ["toJSON", (a, c) => {
    arity("toJSON", a, 1, 1, c.pos);
    const m = measureFor(budgetOf(c), a[0], "toJSON", c.pos);
    checkString(budgetOf(c), m.chars + m.nodes - 1 + 2 * m.depths, "toJSON", c.pos);
    return built(toJson(a[0], c.pos), "toJSON", c);
  }],
  ["fromJSON", (a, c) => (arity("fromJSON", a, 1, 1, c.pos), fromJson(str(a[0], c.pos), c))],
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
  ["bitand", bit("bitand", (x, y) => small(big(x) & big(y)))],
  ["bitor", bit("bitor", (x, y) => small(big(x) | big(y)))],
  ["bitxor", bit("bitxor", (x, y) => small(big(x) ^ big(y)))],
  ["bitnand", bit("bitnand", (x, y) => small(big(x) & ~big(y)))],
  [
    "bitshl",
    bit(
      "bitshl",
      (
        x,
        y,
      ) => (y < 0 ? fail(`invalid operation: negative shift count ${y}`) : small(big(x) << BigInt(Math.min(y, 64)))),
    ),
  ],
  [
    "bitshr",
    bit(
      "bitshr",
      (
        x,
        y,
      ) => (y < 0 ? fail(`invalid operation: negative shift count ${y}`) : small(big(x) >> BigInt(Math.min(y, 64)))),
    ),
  ],
  [
    "bitushr",
    bit(
      "bitushr",
      (
        x,
        y,
      ) => (y < 0
        ? fail(`invalid operation: negative shift count ${y}`)
        : small(BigInt.asUintN(64, big(x)) >> BigInt(Math.min(y, 64)))),
    ),
  ],
  ["bitnot", (a, c) => {
    arity("bitnot", a, 1, 1, c.pos);
    return isInt(a[0]) ? small(~big(a[0])) : fail(`invalid argument for bitnot (type ${typeName(a[0])})`, c.pos);
  }],
  ...stringBuiltins,
  ...listBuiltins,
]);
