/**
 * What every builtin of `builtins.ts` shares: its context, and the helpers that make it pay for its work from the
 * run's budget (the characters it scans or builds, the elements it builds) and keep what it builds within the limits.
 * @module
 */
import { type Budget, checkList, checkString, measureFor, newBudget, spend, spendChars } from "./_budget.ts";
import { fail } from "./_failure.ts";
import { formatValue } from "../gofmt/format-value.ts";
import { toStr } from "./runtime.ts";

/** What a builtin sees besides its arguments: the node offset (for errors), the run's `now` and its budget. */
export interface BuiltinContext {
  readonly pos: number;
  readonly now: number;
  /** The run's budget; a fresh default one when left out (a builtin called outside a run). */
  readonly budget?: Budget;
}

/** A builtin implementation. */
export type Builtin = (args: readonly unknown[], ctx: BuiltinContext) => unknown;

export const arity = (name: string, args: readonly unknown[], min: number, max: number, pos: number): void => {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} or ${max}`;
    fail(`invalid number of arguments for ${name} (expected ${expected}, got ${args.length})`, pos);
  }
};

export const str = (v: unknown, pos: number): string => toStr(v, pos);

/** The budget a builtin pays from. */
export const budgetOf = (c: BuiltinContext): Budget => c.budget ?? newBudget();

/** A string argument, paying for scanning it. */
export function scanned(v: unknown, c: BuiltinContext): string {
  const s = str(v, c.pos);
  spendChars(budgetOf(c), s.length, c.pos);
  return s;
}

/** A string a builtin built, within `maxStringLength` and paid for. */
export function built(s: string, what: string, c: BuiltinContext): string {
  const b = budgetOf(c);
  checkString(b, s.length, what, c.pos);
  spendChars(b, s.length, c.pos);
  return s;
}

/** A list a builtin built, within `maxListLength` and paid for. */
export function listOf<T>(xs: T[], what: string, c: BuiltinContext): T[] {
  buildList(xs.length, what, c);
  return xs;
}

/** Pays for building a list of `n` elements, within `maxListLength`. */
export function buildList(n: number, what: string, c: BuiltinContext): void {
  const b = budgetOf(c);
  checkList(b, n, what, c.pos);
  spend(b, n, c.pos);
}

/** Formats a value as Go's `%v`, after measuring it: within `maxValueDepth`, paid per value, within `maxStringLength`. */
export function formatted(v: unknown, what: string, c: BuiltinContext): string {
  const b = budgetOf(c);
  const m = measureFor(b, v, what, c.pos);
  checkString(b, m.chars + m.nodes - 1, what, c.pos);
  return built(formatValue(v), what, c);
}
