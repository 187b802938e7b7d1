/**
 * The budget of one expression run, counted inside the language (never with a timer): every operation whose work
 * grows with its data pays steps for it, and every list, string or walk it builds is checked against its limit before
 * it is built. Passing a limit throws a {@linkcode LimitFailure}, which the run turns into a `LimitExceeded`
 * diagnostic naming the limit.
 *
 * What costs what (all against `exprSteps`):
 * - one step per predicate iteration, range element, element of an array or map literal, element a builtin copies,
 *   builds, compares (`==` on arrays and maps, `in` on arrays, `uniq`, sorting) or walks (`toJSON`, `string`, …);
 * - one step per call, plus one per {@linkcode charsPerStep} characters of its string arguments;
 * - one step per {@linkcode charsPerStep} characters a builtin scans or builds (`len`, `indexOf`, `repeat`, `join`…).
 * @module
 */
import { defaultLimits, type Limits } from "../limits.ts";
import { encodeUtf8 } from "../go/utf8.ts";
import { measureValue, type ValueMeasure } from "../values/measure-value.ts";
import { LimitFailure } from "./_failure.ts";

/** The work account of one run. */
export interface Budget {
  readonly limits: Limits;
  /** Steps spent so far, against `limits.exprSteps`. */
  steps: number;
  /** The last string indexed by byte and its UTF-8 bytes, so `s[i]` in a loop encodes `s` once. */
  utf8: { readonly text: string; readonly bytes: Uint8Array } | undefined;
}

/** Characters of a string scanned or built for the price of one step (a native copy or scan of 16 characters costs
 * about what one interpreted predicate iteration does). */
export const charsPerStep = 16;

/** A fresh budget (for builtins called outside a run, and for compile-time folding). */
export function newBudget(limits: Limits = defaultLimits): Budget {
  return { limits, steps: 0, utf8: undefined };
}

/** Spends `n` steps; throws a `LimitFailure` naming `exprSteps` when the run has spent more than it may. */
export function spend(b: Budget, n: number, pos: number): void {
  if ((b.steps += n) > b.limits.exprSteps) {
    throw new LimitFailure("exprSteps", b.limits.exprSteps, "the expression did more work than it may", pos);
  }
}

/** Spends the steps of scanning or building `chars` characters. */
export function spendChars(b: Budget, chars: number, pos: number): void {
  spend(b, Math.floor(chars / charsPerStep), pos);
}

/** Fails unless a list (or map) of `length` elements may be built; `what` names what builds it. */
export function checkList(b: Budget, length: number, what: string, pos: number): void {
  const max = b.limits.maxListLength;
  if (length > max) throw new LimitFailure("maxListLength", max, `${what} would build ${length} elements`, pos);
}

/** Fails unless a string of `length` characters may be built; `what` names what builds it. */
export function checkString(b: Budget, length: number, what: string, pos: number): void {
  const max = b.limits.maxStringLength;
  if (length > max) throw new LimitFailure("maxStringLength", max, `${what} would build ${length} characters`, pos);
}

/** Fails when a recursive walk goes deeper than `maxValueDepth`; `what` names the walk. */
export function checkDepth(b: Budget, depth: number, what: string, pos: number): void {
  const max = b.limits.maxValueDepth;
  if (depth > max) throw new LimitFailure("maxValueDepth", max, `${what} nests deeper than that`, pos);
}

/** The UTF-8 bytes of `s`, from the run's one-entry cache; encoding pays for the characters it reads. */
export function utf8Of(b: Budget, s: string, pos: number): Uint8Array {
  const hit = b.utf8;
  if (hit !== undefined && hit.text === s) return hit.bytes;
  spendChars(b, s.length, pos);
  const bytes = encodeUtf8(s);
  b.utf8 = { text: s, bytes };
  return bytes;
}

/**
 * Measures a value before a walk that prints, encodes or copies it: pays one step per value the walk will reach,
 * fails past `maxValueDepth` (and past the steps left, however large or exponentially shared the value is).
 */
export function measureFor(b: Budget, v: unknown, what: string, pos: number): ValueMeasure {
  const { maxValueDepth, exprSteps } = b.limits;
  const m = measureValue(v, { maxDepth: maxValueDepth, maxNodes: Math.max(0, exprSteps - b.steps) + 1 });
  checkDepth(b, m.depth, what, pos);
  spend(b, m.nodes, pos);
  return m;
}
