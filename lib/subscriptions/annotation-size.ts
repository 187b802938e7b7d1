/**
 * The size bound of the annotations the engine reads (`maxAnnotationBytes`): anyone who may edit a resource writes
 * them, so more than Kubernetes would store is refused unread rather than parsed.
 * @module
 */
import { utf8Length } from "../go/utf8.ts";
import type { Limits } from "../limits.ts";

/**
 * Whether `texts` (an annotation's value, or the names and values of several annotations) take more than
 * `maxAnnotationBytes` bytes in UTF-8 together. Bytes are only counted when the length alone does not decide (a
 * UTF-16 unit takes one to three bytes).
 *
 * @param texts The strings to count.
 * @param limits The limit.
 * @returns `true` when they are too large.
 *
 * @example Over and under the limit
 * ```ts
 * import { expect } from "expect";
 * import { exceedsAnnotationBytes } from "./annotation-size.ts";
 *
 * expect(exceedsAnnotationBytes(["é", "éé"], { maxAnnotationBytes: 5 })).toBe(true);
 * expect(exceedsAnnotationBytes(["é", "é"], { maxAnnotationBytes: 5 })).toBe(false);
 * ```
 */
export function exceedsAnnotationBytes(texts: readonly string[], limits: Pick<Limits, "maxAnnotationBytes">): boolean {
  const max = limits.maxAnnotationBytes;
  let units = 0;
  for (const t of texts) units += t.length;
  if (units > max) return true;
  if (units * 3 <= max) return false;
  let bytes = 0;
  for (const t of texts) bytes += utf8Length(t);
  return bytes > max;
}

/** What a `LimitExceeded` diagnostic about annotation sizes hints. */
export const annotationSizeHint = "Kubernetes keeps at most 256 KiB of annotations per object, all of them together";
