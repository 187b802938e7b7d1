/**
 * Go conversions shared by the sprig functions: spf13/cast's `ToInt64`/`ToFloat64`, sprig's `strval`/`strslice`/
 * `empty`, `reflect.DeepEqual`, and the defensive argument checks that mirror Go's reflection errors.
 * @module
 */
import { formatValue, goKind, goTypeName, isGoInt, isGoMap } from "../../gofmt/mod.ts";
import { type FuncContext, GoFuncError } from "../go/func.ts";
import { charge, checkDepth, formatWithin } from "../go/budget.ts";
import { GoDuration } from "../../values/mod.ts";
import { GoFloat } from "../../values/mod.ts";
import { GoTime } from "../../values/mod.ts";
import { isInt64, parseGoFloat, parseGoInt } from "../../go/mod.ts";

/** A Go map as the functions see it. */
export type GoMap = Record<string, unknown>;

/** Throws Go's argument-type error (what text/template reports when a value does not fit a parameter). */
export function wrongType(expected: string, v: unknown): never {
  if (v === null || v === undefined) throw new GoFuncError(`invalid value; expected ${expected}`);
  throw new GoFuncError(`wrong type for value; expected ${expected}; got ${goTypeName(v)}`);
}

/** The string argument at `i` (Go `string` parameter). */
export function str(args: readonly unknown[], i: number): string {
  const v = args[i];
  return typeof v === "string" ? v : wrongType("string", v);
}

/** The int argument at `i` (Go `int` parameter). */
export function int(args: readonly unknown[], i: number): number {
  const v = args[i];
  if (typeof v === "bigint") return Number(v);
  return isGoInt(v) ? Number(v) : wrongType("int", v);
}

/** The bool argument at `i` (Go `bool` parameter). */
export function bool(args: readonly unknown[], i: number): boolean {
  const v = args[i];
  return typeof v === "boolean" ? v : wrongType("bool", v);
}

/** The `map[string]interface {}` argument at `i` (nil allowed, as a nil map). */
export function dictArg(args: readonly unknown[], i: number): GoMap | null {
  const v = args[i];
  if (v === null || v === undefined) return null;
  if (isGoMap(v) && goTypeName(v) === "map[string]interface {}") return v as GoMap;
  return wrongType("map[string]interface {}", v);
}

/** The plain number behind a Go numeric value (boxed floats unboxed). */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof GoFloat) return v.value;
  return undefined;
}

/** An int64 result: a JS number when exact, else a bigint (wrapped to 64 bits as Go's arithmetic wraps). */
export function int64Result(v: bigint): number | bigint {
  const w = BigInt.asIntN(64, v);
  return w >= BigInt(Number.MIN_SAFE_INTEGER) && w <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(w) : w;
}

/** A float64 result: integral values boxed so they keep printing as floats. */
export function floatResult(n: number): number | GoFloat {
  return Number.isInteger(n) ? new GoFloat(n) : n;
}

/** spf13/cast `ToInt64`: numbers truncate, bools are 0/1, strings parse as Go integers (`"1.0"` → 1), else 0. */
export function toInt64(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  const n = numberOf(v);
  if (n !== undefined) return Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
  if (typeof v === "string") {
    const trimmed = /^[^.]*\.0*$/.test(v) ? v.slice(0, v.indexOf(".")) : v;
    const parsed = parseGoInt(trimmed);
    return parsed !== undefined && isInt64(parsed) ? parsed : 0n;
  }
  return 0n;
}

/**
 * spf13/cast `ToFloat64`: numbers as they are, bools 0/1, strings by Go's `ParseFloat` (decimal or hex, `inf`,
 * `nan`), else 0. A string out of float64's range is a `ParseFloat` error, so 0 too.
 */
export function toFloat64(v: unknown): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = numberOf(v);
  if (n !== undefined) return n;
  if (typeof v !== "string") return 0;
  return parseGoFloat(v) ?? 0;
}

/**
 * sprig's `strval` (the `toString` function): strings as they are, []byte decoded, errors/Stringers, else `%v`,
 * within the render's string and depth limits.
 */
export function strval(v: unknown, ctx: FuncContext): string {
  if (typeof v === "string") return v;
  return formatWithin(ctx, "converting a value to a string", (l) => formatValue(v, l));
}

/** Whether `v` is a Go slice or array (what sprig's reflection-based list functions accept). */
export function isList(v: unknown): v is readonly unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** The items of a list argument, or sprig's error for another kind (nil panics in Go's `reflect.TypeOf(nil).Kind()`). */
export function listItems(v: unknown, what: (kind: string) => string): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v);
  if (v === null || v === undefined) {
    throw new GoFuncError("runtime error: invalid memory address or nil pointer dereference");
  }
  throw new GoFuncError(what(goKind(v)));
}

/** sprig's `strslice` (`toStrings`): list elements as strings (nil elements dropped), a scalar as one element. */
export function strslice(v: unknown, ctx: FuncContext): string[] {
  if (isList(v)) {
    const out: string[] = [];
    for (const x of Array.from(v)) if (x !== null && x !== undefined) out.push(strval(x, ctx));
    return out;
  }
  if (v === null || v === undefined) return [];
  return [strval(v, ctx)];
}

/** sprig's `empty`: nil, false, 0, "" and empty collections are empty; structs (times) never are. */
export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case "boolean":
      return !v;
    case "number":
      return v === 0;
    case "bigint":
      return v === 0n;
    case "string":
      return v.length === 0;
  }
  if (v instanceof GoFloat) return v.value === 0;
  if (v instanceof GoDuration) return v.ns === 0;
  if (isList(v)) return v.length === 0;
  if (isGoMap(v)) {
    for (const k in v) if (Object.hasOwn(v, k)) return false;
    return true;
  }
  return false;
}

const isScalar = (v: unknown): boolean => typeof v !== "object" || v === null;

/**
 * Go's `reflect.DeepEqual` over our model (types must match: `2` and `2.0` differ), charging the render's budget one
 * step per element compared and failing past `maxValueDepth` (a value a template built may share or contain itself).
 */
export function deepEqual(a: unknown, b: unknown, ctx: FuncContext, depth = 0): boolean {
  // Two scalars of our model are deeply equal exactly when they are identical (NaN excepted, as in Go), or both nil.
  if (isScalar(a) && isScalar(b)) {
    return a === b || ((a === null || a === undefined) && (b === null || b === undefined));
  }
  // The same list or map, as Go's DeepEqual finds from the pointers.
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (goTypeName(a) !== goTypeName(b)) return false;
  const na = numberOf(a);
  if (na !== undefined) return na === numberOf(b);
  if (a instanceof GoTime && b instanceof GoTime) {
    return a.sec === b.sec && a.nsec === b.nsec && a.offset === b.offset && a.zone === b.zone;
  }
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns === b.ns;
  if (isList(a) && isList(b)) {
    if (a.length !== b.length) return false;
    checkDepth(ctx, depth + 1, "deepEqual");
    charge(ctx, a.length + 1, "comparing values");
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i], ctx, depth + 1)) return false;
    return true;
  }
  if (isGoMap(a) && isGoMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    checkDepth(ctx, depth + 1, "deepEqual");
    charge(ctx, ka.length + 1, "comparing values");
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k], ctx, depth + 1));
  }
  return a === b;
}
