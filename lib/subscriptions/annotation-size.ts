/**
 * The size bound of the annotations the engine reads (`maxAnnotationBytes`): anyone who may edit a resource writes
 * them, so more than Kubernetes would store is refused unread rather than parsed.
 * @module
 */
import { utf8Length } from "../go/mod.ts";
import type { Limits } from "../limits.ts";

/**
 * Whether the annotations named `keys` (names and string values) take more than `maxAnnotationBytes` bytes in UTF-8
 * together. Bytes are only counted when the length alone does not decide (a UTF-16 unit takes one to three bytes).
 *
 * @param keys The annotations to count.
 * @param annotations The annotations; values that are not strings count as empty.
 * @param limits The limit.
 * @returns `true` when they are too large.
 *
 * @example Over and under the limit
 * ```ts
 * import { expect } from "expect";
 * import { exceedsAnnotationBytes } from "./annotation-size.ts";
 *
 * expect(exceedsAnnotationBytes(["é"], { é: "éé" }, { maxAnnotationBytes: 5 })).toBe(true);
 * expect(exceedsAnnotationBytes(["é"], { é: "é" }, { maxAnnotationBytes: 5 })).toBe(false);
 * ```
 */
export function exceedsAnnotationBytes(
  keys: readonly string[],
  annotations: Readonly<Record<string, unknown>>,
  limits: Pick<Limits, "maxAnnotationBytes">,
): boolean {
  const max = limits.maxAnnotationBytes;
  const value = (k: string): string => {
    const v = annotations[k];
    return typeof v === "string" ? v : "";
  };
  let units = 0;
  for (const k of keys) units += k.length + value(k).length;
  if (units > max) return true;
  if (units * 3 <= max) return false;
  let bytes = 0;
  for (const k of keys) bytes += utf8Length(k) + utf8Length(value(k));
  return bytes > max;
}

/**
 * Whether one text takes more than `max` bytes in UTF-8, counted only when its length does not decide.
 *
 * @param text The text.
 * @param max The most bytes.
 * @returns `true` when it is larger.
 */
export function textExceedsBytes(text: string, max: number): boolean {
  return text.length > max || (text.length * 3 > max && utf8Length(text) > max);
}

/** What a `LimitExceeded` diagnostic about annotation sizes hints. */
export const annotationSizeHint = "Kubernetes keeps at most 256 KiB of annotations per object, all of them together";
