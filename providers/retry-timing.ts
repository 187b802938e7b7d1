/**
 * The delivery policy's decisions, pure: how long a `Retry-After` asks to wait, the backoff before a retry, and
 * whether to retry at all. The shell does what these decide.
 * @module
 */
import type { DeliveryPolicy } from "./provider.ts";

/**
 * Reads a `Retry-After` header: whole seconds, or an HTTP date (relative to `now`).
 * @param value the header's value
 * @param now unix milliseconds
 * @returns milliseconds to wait (0 for a date in the past), or `undefined` when absent or unreadable
 * @example Seconds and a date
 * ```ts
 * import { parseRetryAfter } from "./retry-timing.ts";
 * import { expect } from "expect";
 * expect(parseRetryAfter("3", 0)).toBe(3000);
 * expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:05 GMT", 1000)).toBe(4000);
 * expect(parseRetryAfter("soon", 0)).toBeUndefined();
 * ```
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait before retry `attempt` (1 after the first request): full jitter, a random share of
 * `min(retryWaitMax, retryWaitMin × 2^(attempt-1))`.
 * @param attempt how many requests were made
 * @param policy the policy
 * @param random a number in [0, 1)
 * @returns milliseconds
 */
export function backoffMs(attempt: number, policy: DeliveryPolicy, random: number): number {
  const ceiling = Math.min(policy.retryWaitMaxMs, policy.retryWaitMinMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random * ceiling);
}

/** Whether to send a request again, and after how long; or why not. */
export type RetryDecision = { readonly retry: true; readonly waitMs: number } | {
  readonly retry: false;
  readonly reason: string;
};

/** What {@linkcode decideRetry} weighs. */
export interface RetryState {
  /** Requests made so far for this step. */
  readonly attempt: number;
  /** When the delivery started and the time now, unix milliseconds. */
  readonly startedAt: number;
  readonly now: number;
  /** What the service asked for with `Retry-After`, if anything. */
  readonly retryAfterMs?: number | undefined;
  /** A number in [0, 1) for the jitter. */
  readonly random: number;
}

/**
 * Decides a retry of a request that failed in a way that may pass: within the attempts, a `Retry-After` the policy
 * accepts, and the deadline.
 * @param policy the policy
 * @param state the attempts so far, the time and the service's `Retry-After`
 * @returns retry after `waitMs`, or the reason to stop
 * @example The attempts run out
 * ```ts
 * import { decideRetry } from "./retry-timing.ts";
 * import { defaultPolicy } from "./delivery-policy.ts";
 * import { expect } from "expect";
 * expect(decideRetry(defaultPolicy, { attempt: 1, startedAt: 0, now: 0, random: 0.5 })).toEqual({ retry: true, waitMs: 500 });
 * expect(decideRetry(defaultPolicy, { attempt: 4, startedAt: 0, now: 0, random: 0.5 }).retry).toBe(false);
 * ```
 */
export function decideRetry(policy: DeliveryPolicy, state: RetryState): RetryDecision {
  if (state.attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${state.attempt} attempt${state.attempt === 1 ? "" : "s"}` };
  }
  if (state.retryAfterMs !== undefined && state.retryAfterMs > policy.maxRetryAfterMs) {
    return {
      retry: false,
      reason: `the service asks to wait ${Math.ceil(state.retryAfterMs / 1000)}s, longer than the ${
        Math.ceil(policy.maxRetryAfterMs / 1000)
      }s allowed`,
    };
  }
  const waitMs = state.retryAfterMs ?? backoffMs(state.attempt, policy, state.random);
  if (state.now + waitMs - state.startedAt >= policy.deadlineMs) {
    return { retry: false, reason: `a retry would pass the deadline of ${Math.ceil(policy.deadlineMs / 1000)}s` };
  }
  return { retry: true, waitMs };
}
