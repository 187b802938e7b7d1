/**
 * Offsets to 1-based lines and columns, by a binary search over the line starts found in one pass. At lib/'s root:
 * the YAML reader, label selectors, Go templates and rendered JSON all report positions with it.
 * @module
 */

/** A 1-based line and column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** Turns offsets of one source into lines and columns. */
export interface LineIndex {
  position(offset: number): LineColumn;
}

/**
 * Indexes the line starts of `source` (after each `\n`).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { lineIndex } from "./line-index.ts";
 *
 * expect(lineIndex("a: 1\nb: 2\n").position(7)).toEqual({ line: 2, column: 3 });
 * ```
 */
export function lineIndex(source: string): LineIndex {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo]! + 1 };
    },
  };
}
