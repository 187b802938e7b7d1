/**
 * "Did you mean …?" suggestions for misspelt field names and keys, by Levenshtein distance.
 * @module
 */

/**
 * The edit distance between two strings: insertions, deletions, substitutions and swaps of two neighbours each
 * count 1 (Levenshtein with transpositions, the "optimal string alignment" variant), so `sned` is 1 from `send`.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate nearest to `word`, if it is near enough to be a likely typo: at most a third of the word's length
 * (at least 1, at most 3) edits away, comparing without case. Ties go to the first candidate.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `did you mean "x"?` for the nearest candidate, or `undefined`. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const s = suggest(word, candidates);
  return s === undefined ? undefined : `did you mean "${s}"?`;
}
