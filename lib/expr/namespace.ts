/**
 * Namespace tables: the frozen maps of functions (and constants) that the language itself defines — Argo CD's `time`
 * and `strings` helpers and the host's dotted functions (`repo.RepoURLToHTTPS`). They are the only maps whose
 * function members an expression may read: a function found anywhere else (in the resource, in host variables) reads
 * as nil (see `fetch-member.ts`), so no value can lead an expression to code the language does not define.
 * @module
 */

/** Marks a namespace table; a symbol, so no expression, JSON document or YAML map can name or forge it. */
const mark: unique symbol = Symbol("expr namespace");

/**
 * Makes a namespace table: a frozen, null-prototype map holding `members` as own data properties.
 *
 * @param members the functions and constants, by name
 * @returns the table, frozen
 * @throws TypeError when `members` has a `constructor` that is `Object` (no host has reason to)
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { isNamespace, namespace } from "./namespace.ts";
 * const ns = namespace({ Double: (x: number) => 2 * x });
 * expect(isNamespace(ns)).toBe(true);
 * expect(Object.isFrozen(ns)).toBe(true);
 * expect(Object.getPrototypeOf(ns)).toBe(null);
 * ```
 */
export function namespace(members: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  // The fast member walk takes an object whose `constructor` is `Object` for a plain map (see member-path.ts).
  if (Object.hasOwn(members, "constructor") && members["constructor"] === Object) {
    throw new TypeError("Cannot make a namespace whose constructor member is Object");
  }
  const out = Object.create(null) as Record<string, unknown>;
  // Plain assignment makes own data properties, even of "__proto__": a null-prototype object has no setter for it.
  for (const [name, value] of Object.entries(members)) out[name] = value;
  Object.defineProperty(out, mark, { value: true });
  return Object.freeze(out);
}

/** Whether `v` is a table made by {@linkcode namespace}. */
export function isNamespace(v: object): boolean {
  return (v as { [mark]?: unknown })[mark] === true;
}
