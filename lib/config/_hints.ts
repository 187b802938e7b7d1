/**
 * "Did you mean" hints for many unknown names at once, with bounded work.
 * @module
 */
import { didYouMean } from "../suggest.ts";

/** Character comparisons all the hints of one configuration may take (a few hundred milliseconds at most). */
export const hintBudget = 20_000_000;

/**
 * A hinter for names among `candidates`: `didYouMean` over the candidates that can be near (their length without
 * case within 3 of the word's, since a hint allows at most 3 edits), so the answer is the same; but once `budget`
 * is spent (each word costs a scan of the candidates plus the product of the lengths compared), later words get
 * no hint. Thousands of unknown references among thousands of names then take linear time, not quadratic.
 *
 * @param candidates The known names, in the order ties are broken.
 * @param budget The work left, shared by every hinter of one check (decreased as it is spent).
 * @returns The hint for a word, or `undefined`.
 */
export function boundedHints(
  candidates: readonly string[],
  budget: { left: number },
): (word: string) => string | undefined {
  const lengths = candidates.map((c) => c.toLowerCase().length);
  return (word) => {
    const length = word.toLowerCase().length;
    budget.left -= candidates.length;
    if (budget.left < 0) return undefined;
    const near = candidates.filter((_, i) => Math.abs(lengths[i]! - length) <= 3);
    budget.left -= near.reduce((n, c) => n + (c.length + 1) * (word.length + 1), 0);
    return budget.left < 0 ? undefined : didYouMean(word, near);
  };
}
