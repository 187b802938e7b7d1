/**
 * The one way a template reaches into a value: every field chain, `index`, method lookup and range over a map goes
 * through {@linkcode reach}. It reads the own entries of plain data (plain and null-prototype objects, objects tagged
 * with a Go map type, `Map`s) and the exported methods of the library's Go values (`GoTime`, `GoDuration`,
 * `GoMonth`, `GoWeekday`, `GoFloat`), and nothing else: no inherited property, no property of a function, array,
 * string or other object, so no `constructor`, `__proto__` or `prototype` — whatever the name. A function value is
 * only ever one the data holds (a host helper such as `time.Parse`), never one found on a prototype.
 * @module
 */
import { compareGoStrings, goTypeTag, isGoMap } from "../../gofmt/mod.ts";
import { GoDuration } from "../../values/mod.ts";
import { GoFloat } from "../../values/mod.ts";
import { GoMonth, GoTime, GoWeekday } from "../../values/mod.ts";
import { noValue } from "./_value.ts";

/** What {@linkcode reach} found that is not a value: a method, or a miss (one class, so one check tells). */
export abstract class Member {}

/** A method found on a Go value, bound to it; created only when a template names one. */
export class Method extends Member {
  constructor(readonly fn: (...args: unknown[]) => unknown, readonly receiver: object) {
    super();
  }
  /** Calls the method on its receiver. */
  call(args: readonly unknown[]): unknown {
    return this.fn.apply(this.receiver, args as unknown[]);
  }
}

class Miss extends Member {}

/** What {@linkcode reach} returns for a name the value has no field or method of. */
export const noField: Member = new Miss();
/** What {@linkcode reach} returns for a lower-case field of a Go value (Go's unexported fields). */
export const unexportedField: Member = new Miss();

const objectProto: unknown = Object.prototype;
/** The tag read directly (a re-exported binding can compile to a getter call per access). */
const typeTag: typeof goTypeTag = goTypeTag;

/** The prototypes whose exported methods a template may call: the library's Go values, and nothing else. */
const goValuePrototypes: ReadonlySet<unknown> = new Set([
  GoTime.prototype,
  GoDuration.prototype,
  GoMonth.prototype,
  GoWeekday.prototype,
  GoFloat.prototype,
]);

/** Whether a name is exported in Go's sense (starts with an upper-case letter). */
function isExported(name: string): boolean {
  const code = name.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(name);
}

/**
 * Reaches `key` on `receiver`, the only access a template has to a value.
 *
 * @param receiver any value
 * @param key a field, key or method name (a `Map` may have keys of other types)
 * @returns for a map, the entry's value, or `noValue` when it has no such own entry; for a Go value, a
 *   {@linkcode Method} for an exported method, `unexportedField` for a lower-case own field, else `noField`; for
 *   anything else (functions, lists, strings, numbers, other objects), `noField`. A {@linkcode Member} is never a
 *   value of the data.
 */
export function reach(receiver: unknown, key: unknown): unknown {
  // The common case first, small enough to be inlined: a key of a plain `map[string]interface {}`.
  if (
    typeof receiver === "object" && receiver !== null && Object.getPrototypeOf(receiver) === objectProto &&
    typeof key === "string" && (receiver as { [typeTag]?: unknown })[typeTag] === undefined
  ) {
    const v = Object.hasOwn(receiver, key) ? (receiver as Readonly<Record<string, unknown>>)[key] : undefined;
    return v === undefined ? noValue : v;
  }
  return reachOther(receiver, key);
}

/** {@linkcode reach} for anything but a plain map. */
function reachOther(receiver: unknown, key: unknown): unknown {
  if (typeof receiver !== "object" || receiver === null) return noField;
  if (receiver instanceof Map) return receiver.has(key) ? (receiver.get(key) ?? noValue) : noValue;
  if (isGoMap(receiver)) {
    if (typeof key !== "string" || !Object.hasOwn(receiver, key)) return noValue;
    const v = receiver[key];
    return v === undefined ? noValue : v;
  }
  const proto: unknown = Object.getPrototypeOf(receiver);
  if (!goValuePrototypes.has(proto) || typeof key !== "string") return noField;
  if (!isExported(key)) return Object.hasOwn(receiver, key) ? unexportedField : noField;
  const d = Object.getOwnPropertyDescriptor(proto, key);
  return d !== undefined && typeof d.value === "function"
    ? new Method(d.value as (...args: unknown[]) => unknown, receiver)
    : noField;
}

/**
 * The entries of a map in Go's order (strings by their bytes, numbers numerically), each read through
 * {@linkcode reach}.
 * @param m a map (`isMap`)
 * @returns the `[key, value]` pairs
 */
export function sortedEntries(m: object): Array<readonly [unknown, unknown]> {
  const keys: unknown[] = m instanceof Map ? [...m.keys()] : Object.keys(m);
  keys.sort(compareKeys);
  return keys.map((k) => [k, reach(m, k)] as const);
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareGoStrings(String(a), String(b));
}
