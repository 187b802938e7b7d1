/**
 * "Did you mean" hints for many unknown names at once, with bounded work.
 * @module
 */
import { didYouMean } from "../suggest.ts";

/** Character comparisons all the hints of one configuration may take (a few hundred milliseconds at most). */
export const hintBudget = 20_000_000;

/**
 * A hinter for names among `candidates`: `didYouMean` over the candidates that can be near (their length without
 * case within 3 of the word's, since a hint allows at most 3 edits), so the answer is the same; but each word
 * spends from `budget` (a scan of the candidates, and the product of the lengths it compares), and once a word would
 * overdraw it, that word and every later one get no hint and cost nothing. Thousands of unknown references among
 * thousands of names then take bounded work, not quadratic.
 *
 * @param candidates The known names, in the order ties are broken.
 * @param budget The work left, shared by every hinter of one check; decreased as it is spent, 0 once exhausted.
 * @returns The hint for a word, or `undefined`.
 */
export function boundedHints(
  candidates: readonly string[],
  budget: { left: number },
): (word: string) => string | undefined {
  const lengths = candidates.map((c) => c.toLowerCase().length);
  return (word) => {
    if (budget.left <= 0) return undefined;
    budget.left -= candidates.length;
    const length = word.toLowerCase().length;
    const near = candidates.filter((_, i) => Math.abs(lengths[i]! - length) <= 3);
    const cost = near.reduce((n, c) => n + (c.length + 1) * (word.length + 1), 0);
    if (cost > budget.left) {
      budget.left = 0;
      return undefined;
    }
    budget.left -= cost;
    return didYouMean(word, near);
  };
}
