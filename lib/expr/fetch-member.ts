/**
 * Member access: the one function through which every member read, index, method lookup and call target of an
 * expression goes ({@linkcode fetchMember}), and the one read of a variable ({@linkcode readVar}). The compiled fast
 * walk of constant chains (`member-path.ts`) is an optimisation of `fetchMember`, exact on the value model (its module
 * doc states the invariant; tests check the equivalence).
 *
 * What an expression can reach, by construction:
 * - maps (plain objects: prototype `Object.prototype` or `null`): their own properties, never an inherited one, so
 *   never `constructor`, `__proto__`, `toString` …; a function-valued property reads as nil unless the map is a
 *   namespace table the language defines (`namespace.ts`);
 * - arrays, strings (by UTF-8 byte) and `Uint8Array`: integer indexes only;
 * - `GoTime`, `GoDuration`, `GoMonth`, `GoWeekday`: their exported Go methods (the capitalised ones), each bound to
 *   its value by a closure of ours;
 * - anything else (functions, `GoFloat`, numbers, booleans, host class instances): nothing — reading a member fails.
 *
 * The value model is JSON-like data, what JSON and YAML parsers build, plus the Go value classes; objects with
 * accessor properties or proxies can only come from the host, which is trusted not to pass them.
 * @module
 */
import { GoDuration } from "../values/mod.ts";
import { GoFloat, toFloatValue } from "../values/mod.ts";
import { GoMonth, GoTime, GoWeekday } from "../values/mod.ts";
import { encodeUtf8 } from "../go/mod.ts";
import { type Budget, utf8Of } from "./_budget.ts";
import { fail } from "./_failure.ts";
import { isNamespace } from "./namespace.ts";
import { isMap, toIndex, typeName } from "./runtime.ts";

const hasOwn = Object.prototype.hasOwnProperty;

// --- maps and variables

/** The own property `key` of a map, or `undefined`; a function only when the map is a namespace table. */
function ownValue(m: object, key: string): unknown {
  if (!hasOwn.call(m, key)) return undefined;
  const v: unknown = (m as Record<string, unknown>)[key];
  return typeof v === "function" && !isNamespace(m) ? undefined : v;
}

/**
 * The value of the variable `name`: an own property of the variables object, `undefined` when there is none (or when
 * it is a function: host functions reach expressions as `functions`, never as variables).
 */
export function readVar(vars: object, name: string): unknown {
  // Not through ownValue: a read site of its own keeps V8's cache for the variables' few shapes (6% of a trigger).
  if (!hasOwn.call(vars, name)) return undefined;
  const v: unknown = (vars as Record<string, unknown>)[name];
  return typeof v === "function" ? undefined : v;
}

// --- Go values

/** The exported (capitalised) methods of a Go value class: the only names an expression may call. */
function goMethods(prototype: object): ReadonlySet<string> {
  return new Set(Object.getOwnPropertyNames(prototype).filter((name) => /^[A-Z]/.test(name)));
}
const goTimeMethods = goMethods(GoTime.prototype);
const goDurationMethods = goMethods(GoDuration.prototype);

/** The exported methods of a Go value class, or undefined for any other object. */
function methodsOf(v: object): ReadonlySet<string> | undefined {
  if (v instanceof GoTime) return goTimeMethods;
  if (v instanceof GoDuration) return goDurationMethods;
  if (v instanceof GoMonth || v instanceof GoWeekday) return stringerMethods;
  return undefined;
}
const stringerMethods: ReadonlySet<string> = new Set(["String"]);
/** Duration methods whose Go result is float64 (boxed when integral so `%v` and `type()` see a float). */
const floatMethods: ReadonlySet<string> = new Set(["Hours", "Minutes", "Seconds"]);

type Param = "time.Time" | "time.Duration" | "int" | "string";

/** The parameters of the Go methods that take any (all others take none), for reflect's call checks. */
const methodParams: Readonly<Record<string, readonly Param[]>> = {
  Add: ["time.Duration"],
  AddDate: ["int", "int", "int"],
  Sub: ["time.Time"],
  Before: ["time.Time"],
  After: ["time.Time"],
  Equal: ["time.Time"],
  Compare: ["time.Time"],
  Format: ["string"],
  Truncate: ["time.Duration"],
  Round: ["time.Duration"],
};

function paramOk(p: Param, v: unknown): boolean {
  switch (p) {
    case "time.Time":
      return v instanceof GoTime;
    case "time.Duration":
      return v instanceof GoDuration;
    case "int":
      return typeof v === "number" && Number.isInteger(v);
    case "string":
      return typeof v === "string";
  }
}

function zeroOf(p: Param): unknown {
  switch (p) {
    case "time.Time":
      return new GoTime(-62135596800);
    case "time.Duration":
      return new GoDuration(0);
    case "int":
      return 0;
    case "string":
      return "";
  }
}

/**
 * Checks a Go method call's arguments as reflect's `Call` does (found by the fuzzer: `d.String(x)` and
 * `t.Sub(time.Now)` ran), and turns nil into the parameter's zero value as expr's VM does.
 */
function callArgs(key: string, args: readonly unknown[]): unknown[] {
  const params = methodParams[key] ?? [];
  if (args.length > params.length) fail("reflect: Call with too many input arguments");
  if (args.length < params.length) fail("reflect: Call with too few input arguments");
  return params.map((p, i) => {
    const v = args[i];
    if (v === null || v === undefined) return zeroOf(p);
    return paramOk(p, v) ? v : fail(`reflect: Call using ${typeName(v)} as type ${p}`);
  });
}

/** The method `key` of a Go value, bound by a closure of ours. */
function boundMethod(from: object, key: string): (...args: unknown[]) => unknown {
  const m = (from as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!;
  if (from instanceof GoDuration && floatMethods.has(key)) {
    return (...args: unknown[]) => toFloatValue(m.apply(from, callArgs(key, args)) as number);
  }
  return (...args: unknown[]) => m.apply(from, callArgs(key, args));
}

// --- access

/** A key as the error messages print it (never by calling the key's own conversions). */
function keyText(key: unknown): string {
  if (key === null || key === undefined) return "<nil>";
  if (typeof key === "object") return key instanceof GoFloat ? String(key.value) : typeName(key);
  return typeof key === "function" ? typeName(key) : String(key);
}

function byteAt(bytes: ArrayLike<number>, key: unknown, pos: number): number {
  let i = toIndex(key, pos);
  const l = bytes.length;
  if (i < 0) i += l;
  if (i < 0 || i >= l) fail(`index out of range: ${i} (array length is ${l})`, pos);
  return bytes[i]!;
}

/**
 * expr's `Fetch`: `from.key` / `from[key]`, the only way an expression reads into a value (see the module doc for
 * what it reaches). Maps give the own property or nil; arrays and strings take int indexes (negative from the end);
 * Go values give their bound exported methods; anything else fails.
 *
 * @param from the value read from
 * @param key the member name or index
 * @param pos the source offset for errors
 * @param budget the run's budget, whose cache makes repeated byte indexes of one string cost one encoding
 * @returns the member, nil (`null`) for a missing map key
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { fetchMember } from "./fetch-member.ts";
 * expect(fetchMember({ a: 1 }, "a", 0)).toBe(1);
 * expect(fetchMember({ a: 1 }, "constructor", 0)).toBe(null);
 * expect(fetchMember("héllo", 1, 0)).toBe(0xc3);
 * ```
 */
export function fetchMember(from: unknown, key: unknown, pos: number, budget?: Budget): unknown {
  if (from === null || from === undefined) return fail(`cannot fetch ${keyText(key)} from <nil>`, pos);
  if (typeof from === "object") {
    if (Array.isArray(from)) {
      let i = toIndex(key, pos);
      const l = from.length;
      if (i < 0) i += l;
      if (i < 0 || i >= l) fail(`index out of range: ${i} (array length is ${l})`, pos);
      const v: unknown = from[i];
      return v === undefined ? null : v;
    }
    if (isMap(from)) {
      if (typeof key !== "string") {
        if (key === null || key === undefined) return ownValue(from, "") ?? null;
        return fail(`reflect.Value.MapIndex: value of type ${typeName(key)} is not assignable to type string`, pos);
      }
      return ownValue(from, key) ?? null;
    }
    if (from instanceof Uint8Array) return byteAt(from, key, pos);
    const methods = methodsOf(from);
    if (methods !== undefined && typeof key === "string" && methods.has(key)) return boundMethod(from, key);
    return fail(`cannot fetch ${keyText(key)} from ${typeName(from)}`, pos);
  }
  if (typeof from === "string") {
    return byteAt(budget === undefined ? encodeUtf8(from) : utf8Of(budget, from, pos), key, pos);
  }
  return fail(`cannot fetch ${keyText(key)} from ${typeName(from)}`, pos);
}
