/**
 * The run-time operations of expr over our value model: Go type names, equality and ordering, arithmetic with ints,
 * floats, times and durations, `in`, slicing and `len` (member access is `fetch-member.ts`). Operations whose work
 * grows with their operands pay for it from the run's {@linkcode Budget}.
 *
 * Value model: `null`/`undefined` = nil; integral `number` = int, other `number` or {@linkcode GoFloat} = float64;
 * `string`; `boolean`; arrays = `[]interface {}`; plain objects = `map[string]interface {}`; `Uint8Array` = `[]byte`;
 * {@linkcode GoTime}, {@linkcode GoDuration}, {@linkcode GoMonth}, {@linkcode GoWeekday}; functions.
 * @module
 */
import { GoDuration } from "../values/mod.ts";
import { GoFloat, toFloatValue } from "../values/mod.ts";
import { GoMonth, GoTime, GoWeekday } from "../values/mod.ts";
import { decodeUtf8 } from "../go/mod.ts";
import { type Budget, checkDepth, checkString, newBudget, spend, spendChars, utf8Of } from "./_budget.ts";
import { fail } from "./_failure.ts";

// --- model

const hasOwn = Object.prototype.hasOwnProperty;

/** Whether `v` is a plain object (a Go map in our model): prototype `Object.prototype` or `null`. */
export function isMap(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const p: unknown = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** Whether `v` is a Go number (int or float64). */
export function isNumber(v: unknown): v is number | GoFloat {
  return typeof v === "number" || v instanceof GoFloat;
}

/** Whether `v` is a Go int. */
export function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

/** The JS number of a Go number. */
export function num(v: number | GoFloat): number {
  return typeof v === "number" ? v : v.value;
}

/** Go's `%T` of a value, for error messages and `type()`. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(v) ? "int" : "float64";
    case "string":
      return "string";
    case "function":
      return "func(...interface {}) interface {}";
    case "bigint":
      return "int64";
  }
  if (v instanceof GoFloat) return "float64";
  if (Array.isArray(v)) return "[]interface {}";
  if (v instanceof Uint8Array) return "[]uint8";
  if (v instanceof GoTime) return "time.Time";
  if (v instanceof GoDuration) return "time.Duration";
  if (v instanceof GoMonth) return "time.Month";
  if (v instanceof GoWeekday) return "time.Weekday";
  if (isMap(v)) return "map[string]interface {}";
  return "struct {}";
}

// --- equality and ordering

/** Go's `reflect.DeepEqual` over our model (numbers must also agree on int vs float), `depth` levels down. */
function deepEqual(a: unknown, b: unknown, budget: Budget, depth: number): boolean {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) {
    return num(a) === num(b) &&
      (a instanceof GoFloat || !Number.isInteger(a)) === (b instanceof GoFloat || !Number.isInteger(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    enter(budget, depth, a.length);
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i], budget, depth + 1)) return false;
    return true;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false;
    spendChars(budget, a.length, -1);
    return a.every((x, i) => x === b[i]);
  }
  if (a instanceof GoTime && b instanceof GoTime) return a.sec === b.sec && a.nsec === b.nsec && a.offset === b.offset;
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns === b.ns;
  if ((a instanceof GoMonth && b instanceof GoMonth) || (a instanceof GoWeekday && b instanceof GoWeekday)) {
    return a.n === b.n;
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    enter(budget, depth, ka.length);
    for (const k of ka) if (!hasOwn.call(b, k) || !deepEqual(a[k], b[k], budget, depth + 1)) return false;
    return true;
  }
  return false;
}

/** Pays for comparing `n` elements one level below `depth`, within `maxValueDepth`. */
function enter(budget: Budget, depth: number, n: number): void {
  checkDepth(budget, depth + 1, "a compared value", -1);
  spend(budget, n, -1);
}

/**
 * expr's `==`: numbers across int/float, times by instant, arrays element-wise, nil equals nil, else DeepEqual.
 * Scalars compare for free; arrays and maps pay one step per element compared from `budget` (a fresh default one
 * when left out) and fail past its `maxValueDepth`.
 */
export function equal(a: unknown, b: unknown, budget?: Budget): boolean {
  return equalAt(a, b, budget, 0);
}

function equalAt(a: unknown, b: unknown, budget: Budget | undefined, depth: number): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === "number" || a instanceof GoFloat) return isNumber(b) && num(a as number) === num(b);
  if (a === null || a === undefined) return b === null || b === undefined;
  if (ta === "string" || ta === "boolean") return false;
  if (a instanceof GoTime) return b instanceof GoTime && a.Equal(b);
  const paid = budget ?? newBudget();
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    enter(paid, depth, a.length);
    for (let i = 0; i < a.length; i++) if (!equalAt(a[i], b[i], paid, depth + 1)) return false;
    return true;
  }
  return deepEqual(a, b, paid, depth);
}

/** Compares two orderable values; `op` names the operator for the error. */
export function compare(a: unknown, b: unknown, op: string, pos: number): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (isNumber(a) && isNumber(b)) {
    const x = num(a), y = num(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof GoTime && b instanceof GoTime) return a.Compare(b);
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0;
  return fail(`invalid operation: ${typeName(a)} ${op} ${typeName(b)}`, pos);
}

// --- arithmetic

const badOp = (a: unknown, op: string, b: unknown, pos: number): never =>
  fail(`invalid operation: ${typeName(a)} ${op} ${typeName(b)}`, pos);

/** A numeric result: int when both operands were ints, float64 otherwise. */
function numeric(r: number, a: unknown, b: unknown): number | GoFloat {
  // Go ints have no negative zero: `-5 * 0` is 0, and stays 0 when a float operation follows.
  if (typeof a === "number" && typeof b === "number" && Number.isInteger(a) && Number.isInteger(b)) {
    return r === 0 ? 0 : r;
  }
  return toFloatValue(r);
}

/**
 * A Duration result: `approx` when it is exact (within 2^53), else `exact()` wrapped to int64 as Go's Duration
 * arithmetic wraps (`time.Hour * 10000000` overflows to a negative Duration, as in Go).
 */
function durationOf(approx: number, exact: () => bigint): GoDuration {
  return Math.abs(approx) <= Number.MAX_SAFE_INTEGER ? new GoDuration(approx) : GoDuration.fromBigInt(exact());
}

/** expr's `+`; a string longer than the budget's `maxStringLength` fails. */
export function add(a: unknown, b: unknown, pos: number, budget?: Budget): unknown {
  if (typeof a === "number" && typeof b === "number") return numeric(a + b, a, b);
  if (typeof a === "string" && typeof b === "string") {
    checkString(budget ?? newBudget(), a.length + b.length, "+", pos);
    return a + b;
  }
  if (isNumber(a) && isNumber(b)) return toFloatValue(num(a) + num(b));
  if (a instanceof GoTime && b instanceof GoDuration) return a.Add(b);
  if (a instanceof GoDuration && b instanceof GoTime) return b.Add(a);
  if (a instanceof GoDuration && b instanceof GoDuration) {
    return durationOf(a.ns + b.ns, () => a.toBigInt() + b.toBigInt());
  }
  return badOp(a, "+", b, pos);
}

/** expr's `-`. */
export function sub(a: unknown, b: unknown, pos: number): unknown {
  if (typeof a === "number" && typeof b === "number") return numeric(a - b, a, b);
  if (isNumber(a) && isNumber(b)) return toFloatValue(num(a) - num(b));
  if (a instanceof GoTime && b instanceof GoTime) return a.Sub(b);
  if (a instanceof GoTime && b instanceof GoDuration) return a.Add(durationOf(-b.ns, () => -b.toBigInt()));
  if (a instanceof GoDuration && b instanceof GoDuration) {
    return durationOf(a.ns - b.ns, () => a.toBigInt() - b.toBigInt());
  }
  return badOp(a, "-", b, pos);
}

/** expr's `*`. */
export function mul(a: unknown, b: unknown, pos: number): unknown {
  if (typeof a === "number" && typeof b === "number") return numeric(a * b, a, b);
  if (isNumber(a) && isNumber(b)) return toFloatValue(num(a) * num(b));
  if (a instanceof GoDuration) {
    if (isInt(b)) return durationOf(a.ns * b, () => a.toBigInt() * BigInt(b));
    if (b instanceof GoDuration) return durationOf(a.ns * b.ns, () => a.toBigInt() * b.toBigInt());
    if (isNumber(b)) return toFloatValue(a.ns * num(b));
  }
  if (b instanceof GoDuration) {
    if (isInt(a)) return durationOf(a * b.ns, () => BigInt(a) * b.toBigInt());
    if (isNumber(a)) return toFloatValue(num(a) * b.ns);
  }
  return badOp(a, "*", b, pos);
}

/** expr's `/`: always float64. */
export function div(a: unknown, b: unknown, pos: number): unknown {
  if (isNumber(a) && isNumber(b)) return toFloatValue(num(a) / num(b));
  return badOp(a, "/", b, pos);
}

/** expr's `%`: ints only. */
export function mod(a: unknown, b: unknown, pos: number): unknown {
  if (isInt(a) && isInt(b)) {
    if (b === 0) fail("runtime error: integer divide by zero", pos);
    return (a % b) + 0;
  }
  return badOp(a, "%", b, pos);
}

/** expr's `**` and `^`: float64 power. */
export function pow(a: unknown, b: unknown, pos: number): unknown {
  if (isNumber(a) && isNumber(b)) return toFloatValue(Math.pow(num(a), num(b)));
  return badOp(a, "**", b, pos);
}

/** Unary `-`. */
export function negate(a: unknown, pos: number): unknown {
  if (typeof a === "number") return Number.isInteger(a) ? 0 - a : -a;
  if (a instanceof GoFloat) return new GoFloat(-a.value);
  return fail(`invalid operation: - ${typeName(a)}`, pos);
}

// --- access

/** Converts an index to int as Go's `runtime.ToInt` does (floats truncate; anything else fails). */
export function toIndex(i: unknown, pos: number): number {
  if (typeof i === "number") return Math.trunc(i);
  if (i instanceof GoFloat) return Math.trunc(i.value);
  return fail(`invalid operation: int(${typeName(i)})`, pos);
}

function clampSlice(len: number, from: unknown, to: unknown, pos: number): [number, number] {
  let a = from === undefined ? 0 : toIndex(from, pos);
  let b = to === undefined ? len : toIndex(to, pos);
  if (a < 0) a += len;
  if (a < 0) a = 0;
  if (b < 0) b += len;
  if (b < 0) b = 0;
  if (b > len) b = len;
  if (a > b) a = b;
  return [a, b];
}

/**
 * expr's `a[i:j]` on arrays and strings (strings by bytes); bounds are clamped, never an error. Pays for the elements
 * copied, and for encoding a string (once per run for the same string).
 */
export function slice(v: unknown, from: unknown, to: unknown, pos: number, budget: Budget = newBudget()): unknown {
  if (Array.isArray(v)) {
    const [a, b] = clampSlice(v.length, from, to, pos);
    spend(budget, b - a, pos);
    return v.slice(a, b);
  }
  if (typeof v === "string") {
    const bytes = utf8Of(budget, v, pos);
    const [a, b] = clampSlice(bytes.length, from, to, pos);
    spendChars(budget, b - a, pos);
    return bytes.length === v.length ? v.slice(a, b) : decodeUtf8(bytes.subarray(a, b));
  }
  if (v instanceof Uint8Array) {
    const [a, b] = clampSlice(v.length, from, to, pos);
    spendChars(budget, b - a, pos);
    return v.slice(a, b);
  }
  return fail(`cannot slice ${from === undefined ? "<nil>" : String(from)}`, pos);
}

/** expr's `in`: array membership by `==` (one step per element compared), map key existence, nil → false. */
export function inCollection(needle: unknown, coll: unknown, pos: number, budget: Budget = newBudget()): boolean {
  if (coll === null || coll === undefined) return false;
  if (Array.isArray(coll)) {
    for (let i = 0; i < coll.length; i++) {
      if (equal(coll[i], needle, budget)) {
        spend(budget, i + 1, pos);
        return true;
      }
    }
    spend(budget, coll.length, pos);
    return false;
  }
  if (isMap(coll)) {
    if (needle === null || needle === undefined) return hasOwn.call(coll, "");
    if (typeof needle !== "string") {
      return fail(`reflect.Value.MapIndex: value of type ${typeName(needle)} is not assignable to type string`, pos);
    }
    return hasOwn.call(coll, needle);
  }
  return fail(`operator "in" not defined on ${typeName(coll)}`, pos);
}

/**
 * `v in [...]` over a list of string literals, which expr's optimizer makes a map lookup: nil looks up `""`, any
 * other non-string fails as Go's `MapIndex` does.
 */
export function inStrings(v: unknown, set: ReadonlySet<string>, pos: number): boolean {
  if (typeof v === "string") return set.has(v);
  if (v === null || v === undefined) return set.has("");
  return fail(`reflect.Value.MapIndex: value of type ${typeName(v)} is not assignable to type string`, pos);
}

/** expr's `len`: arrays, maps, strings (runes); counting a string's runes or a map's keys pays for them. */
export function len(v: unknown, pos: number, budget: Budget = newBudget()): number {
  if (typeof v === "string") {
    spendChars(budget, v.length, pos);
    let n = 0;
    for (const _ of v) n++;
    return n;
  }
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length;
  if (isMap(v)) {
    const n = Object.keys(v).length;
    spend(budget, n, pos);
    return n;
  }
  return fail(`invalid argument for len (type ${typeName(v)})`, pos);
}

/** The value as a bool, or the Go interface-conversion error expr reports for `and`/`or`/`not`/`?:`. */
export function toBool(v: unknown, pos: number): boolean {
  if (v === true || v === false) return v;
  return fail(`interface conversion: interface {} is ${typeName(v)}, not bool`, pos);
}

/** The value as a string, or the Go interface-conversion error. */
export function toStr(v: unknown, pos: number): string {
  if (typeof v === "string") return v;
  return fail(`interface conversion: interface {} is ${typeName(v)}, not string`, pos);
}
