/**
 * The Go type of a value of our model: what `%T`, sprig's `typeOf`/`kindOf` and Go's argument checks see.
 *
 * The model: `null`/`undefined` = nil; `boolean` = bool; an integral `number` below 2^63 = int, any other number =
 * float64; `bigint` = int64; `string` = string; `Uint8Array` = []byte; arrays = `[]interface {}`; plain objects =
 * `map[string]interface {}`; `GoFloat` (lib/values/float.ts) = an integral float64; `GoTime`, `GoDuration`, `GoMonth`,
 * `GoWeekday` = the `time` types. A value may carry a more precise Go type under {@linkcode goTypeTag} (own or inherited,
 * e.g. `[]string` for sprig's `splitList`, `map[string]string` for Argo's `context`, `time.Time` on a class).
 * @module
 */

import { GoDuration } from "../values/duration.ts";
import { GoFloat } from "../values/float.ts";
import { GoMonth, GoTime, GoWeekday } from "../values/time.ts";

/** The property (own or on a prototype) naming a value's Go type, e.g. `"[]string"` or `"time.Time"`. */
export const goTypeTag: unique symbol = Symbol.for("notifications-engine.goType");

/** The reflect kinds our model produces, as Go's `reflect.Kind.String()` spells them. */
export type GoKind =
  | "invalid"
  | "bool"
  | "int"
  | "int64"
  | "float64"
  | "string"
  | "slice"
  | "map"
  | "struct"
  | "ptr"
  | "func";

/**
 * Returns `value` with its Go type recorded (a non-enumerable {@linkcode goTypeTag} property).
 *
 * @typeParam T the object type
 * @param value an array or object created by the caller
 * @param type the Go type, e.g. `"[]string"`
 * @returns the same object
 * @example Tagging a list
 * ```ts
 * import { goTypeName, withGoType } from "./go-type.ts";
 * import { expect } from "vitest";
 * expect(goTypeName(withGoType(["a"], "[]string"))).toBe("[]string");
 * ```
 */
export function withGoType<T extends object>(value: T, type: string): T {
  Object.defineProperty(value, goTypeTag, { value: type, enumerable: false, configurable: true });
  return value;
}

/**
 * Whether a value is a Go integer in our model (an integral number below 2^63 in magnitude, or a bigint).
 *
 * @param v the value
 * @returns true for Go int / int64
 * @example Ints and floats
 * ```ts
 * import { isGoInt } from "./go-type.ts";
 * import { expect } from "vitest";
 * expect(isGoInt(3)).toBe(true);
 * expect(isGoInt(3.5)).toBe(false);
 * ```
 */
export function isGoInt(v: unknown): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 63);
}

/**
 * Whether a value is a Go map in our model (a plain object, or one tagged with a `map[…]` type).
 *
 * @param v the value
 * @returns true for maps
 * @example Maps
 * ```ts
 * import { isGoMap } from "./go-type.ts";
 * import { expect } from "vitest";
 * expect(isGoMap({ a: 1 })).toBe(true);
 * expect(isGoMap([1])).toBe(false);
 * ```
 */
export function isGoMap(v: unknown): v is Readonly<Record<string, unknown>> {
  if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Uint8Array) return false;
  if (v instanceof GoFloat) return false;
  const tag = (v as { [goTypeTag]?: unknown })[goTypeTag];
  if (typeof tag === "string") return tag.startsWith("map[");
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Go's `reflect.TypeOf(v).String()` (what `%T` prints) for a value of our model.
 *
 * @param v the value
 * @returns e.g. `int`, `float64`, `[]interface {}`, `map[string]interface {}`, `<nil>`
 * @example Type names
 * ```ts
 * import { goTypeName } from "./go-type.ts";
 * import { expect } from "vitest";
 * expect(goTypeName(1.5)).toBe("float64");
 * expect(goTypeName({})).toBe("map[string]interface {}");
 * ```
 */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "object" || typeof v === "function") {
    const tag = (v as { [goTypeTag]?: unknown })[goTypeTag];
    if (typeof tag === "string") return tag;
  }
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int64";
    case "number":
      return isGoInt(v) ? "int" : "float64";
    case "string":
      return "string";
    case "function":
      return "func()";
  }
  if (v instanceof Uint8Array) return "[]uint8";
  if (v instanceof GoFloat) return "float64";
  if (v instanceof GoTime) return "time.Time";
  if (v instanceof GoDuration) return "time.Duration";
  if (v instanceof GoMonth) return "time.Month";
  if (v instanceof GoWeekday) return "time.Weekday";
  if (Array.isArray(v)) return "[]interface {}";
  if (isGoMap(v)) return "map[string]interface {}";
  return "struct {}";
}

/**
 * Go's `reflect.ValueOf(v).Kind().String()` (sprig's `kindOf`) for a value of our model.
 *
 * @param v the value
 * @returns e.g. `invalid`, `int`, `slice`, `map`, `struct`
 * @example Kinds
 * ```ts
 * import { goKind } from "./go-type.ts";
 * import { expect } from "vitest";
 * expect(goKind([1])).toBe("slice");
 * expect(goKind(null)).toBe("invalid");
 * ```
 */
export function goKind(v: unknown): GoKind {
  const t = goTypeName(v);
  if (t === "<nil>") return "invalid";
  if (t.startsWith("[]")) return "slice";
  if (t.startsWith("map[")) return "map";
  if (t.startsWith("*")) return "ptr";
  if (t.startsWith("func")) return "func";
  if (t === "time.Duration") return "int64";
  if (t === "time.Month" || t === "time.Weekday") return "int";
  switch (t) {
    case "bool":
    case "int":
    case "int64":
    case "float64":
    case "string":
      return t;
  }
  return "struct";
}
