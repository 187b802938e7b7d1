/**
 * The result of decoding one ConfigMap key: a value (absent when any error was found) and every diagnostic.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { withKey } from "../diagnostics.ts";
import type { Position } from "./_yaml-position.ts";

/** A value with its warnings, or no value and the errors (and warnings) that explain why. */
export interface Decoded<A> {
  readonly value: A | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether any diagnostic is an error. */
export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Keeps `value` only when none of `diagnostics` is an error; sets `key` on the diagnostics that lack one. */
export function decoded<A>(key: string, value: A | undefined, diagnostics: readonly Diagnostic[]): Decoded<A> {
  const keyed = diagnostics.map((d) => (d.key === undefined ? withKey(d, key) : d));
  return { value: hasError(keyed) ? undefined : value, diagnostics: keyed };
}

/** A failed decoding. */
export function failed<A>(key: string, diagnostics: readonly Diagnostic[]): Decoded<A> {
  return decoded<A>(key, undefined, diagnostics);
}

/** A name used in one key that must be defined by another (a template a trigger sends), with where it is written. */
export interface Ref {
  readonly name: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/**
 * A {@linkcode Ref} whose position is looked up when first read: most names are defined, and their positions (which
 * need a line index of the value) are then never wanted.
 *
 * @param name The name used.
 * @param at Where it is written.
 * @returns The reference; `line` and `column` call `at` once, on first read.
 */
export function refAt(name: string, at: () => Position | undefined): Ref {
  let found: { readonly at: Position | undefined } | undefined;
  const position = (): Position | undefined => (found ??= { at: at() }).at;
  return {
    name,
    get line() {
      return position()?.line;
    },
    get column() {
      return position()?.column;
    },
  };
}
