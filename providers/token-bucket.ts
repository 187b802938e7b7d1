/**
 * A token bucket as data, for a service's rate limit: each request takes a token; tokens refill at the rate, up to
 * the burst. A request that finds no token reserves one ahead (the count goes below zero) and waits for it, so
 * concurrent requests queue in order.
 * @module
 */
import type { RateLimit } from "./provider.ts";

/** Tokens left (may be negative: reserved ahead) at a time (unix milliseconds). */
export interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

/**
 * Takes one token.
 * @param bucket the bucket, `undefined` for a full one
 * @param rate the limit
 * @param now unix milliseconds
 * @returns the bucket after taking, and how long to wait before sending
 * @example A burst of two at one per second
 * ```ts
 * import { takeToken } from "./token-bucket.ts";
 * import { expect } from "expect";
 * const rate = { perSecond: 1, burst: 2 };
 * const a = takeToken(undefined, rate, 0);
 * const b = takeToken(a.bucket, rate, 0);
 * const c = takeToken(b.bucket, rate, 0);
 * expect([a.waitMs, b.waitMs, c.waitMs]).toEqual([0, 0, 1000]);
 * ```
 */
export function takeToken(
  bucket: Bucket | undefined,
  rate: RateLimit,
  now: number,
): { readonly bucket: Bucket; readonly waitMs: number } {
  const start = bucket ?? { tokens: rate.burst, at: now };
  const elapsed = Math.max(0, now - start.at);
  const tokens = Math.min(rate.burst, start.tokens + (elapsed / 1000) * rate.perSecond) - 1;
  return {
    bucket: { tokens, at: Math.max(now, start.at) },
    waitMs: tokens >= 0 ? 0 : Math.ceil((-tokens / rate.perSecond) * 1000),
  };
}
