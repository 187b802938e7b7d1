/**
 * "Did you mean …?" hints for misspelt field names, keys and names, by edit distance: used by the configuration
 * decoder, the template compiler and the subscription decoder, so every hint follows the same rule.
 * @module
 */

/**
 * The edit distance between two strings: insertions, deletions, substitutions and swaps of two neighbours each
 * count 1 (Levenshtein with transpositions, the "optimal string alignment" variant), so `sned` is 1 from `send`.
 *
 * @param a a string
 * @param b another string
 * @returns the number of edits
 * @example A swap and an insertion
 * ```ts
 * import { editDistance } from "./suggest.ts";
 * import { expect } from "vitest";
 * expect(editDistance("sned", "send")).toBe(1);
 * expect(editDistance("kitten", "sitting")).toBe(3);
 * ```
 */
export function editDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prev2[j - 2]! + 1);
      row[j] = best;
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The candidate nearest to `word`, if it is near enough to be a likely typo: at most a third of the word's length
 * (at least 1, at most 3) edits away, comparing without case. Ties go to the first candidate.
 *
 * @param word what was written
 * @param candidates what could have been meant
 * @returns the nearest candidate, or `undefined` when none is near
 * @example A typo and a different word
 * ```ts
 * import { suggest } from "./suggest.ts";
 * import { expect } from "vitest";
 * expect(suggest("oncper", ["when", "oncePer", "send"])).toBe("oncePer");
 * expect(suggest("colour", ["when", "send"])).toBeUndefined();
 * ```
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The hint `did you mean "x"?` for the candidate {@linkcode suggest} picks, or `undefined`.
 *
 * @param word what was written
 * @param candidates what could have been meant
 * @returns the hint, or `undefined`
 * @example A hint
 * ```ts
 * import { didYouMean } from "./suggest.ts";
 * import { expect } from "vitest";
 * expect(didYouMean("sned", ["send"])).toBe('did you mean "send"?');
 * ```
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const s = suggest(word, candidates);
  return s === undefined ? undefined : `did you mean "${s}"?`;
}
