/**
 * The coarse kind of an expr result, so goldens compare "int"/"float"/"map"/… between the Go reference (its Go type
 * name) and our values. Shared by the expr golden tests and the scripts that produce the goldens.
 */
import { GoFloat } from "../../lib/values/float.ts";
import { GoDuration } from "../../lib/values/duration.ts";
import { GoMonth, GoTime, GoWeekday } from "../../lib/values/time.ts";

/** The kind of a Go type name as the oracle reports it (`int64` → `int`, `[]interface {}` → `array`). */
export function goKind(goType: string): string {
  if (goType === "<nil>" || goType === "") return "nil";
  if (/^u?int\d*$/.test(goType)) return "int";
  if (goType.startsWith("float")) return "float";
  if (goType.startsWith("[]")) return "array";
  if (goType.startsWith("map[")) return "map";
  return goType;
}

/** The kind of one of our expr values, in the same vocabulary as {@linkcode goKind}. */
export function ourKind(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "bigint") return "int";
  if (v instanceof GoFloat) return "float";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (Array.isArray(v)) return "array";
  if (v instanceof GoTime) return "time.Time";
  if (v instanceof GoDuration) return "time.Duration";
  if (v instanceof GoMonth) return "time.Month";
  if (v instanceof GoWeekday) return "time.Weekday";
  return "map";
}
