/**
 * The one delivery policy every service shares, its defaults, and its `delivery:` setting.
 * @module
 */
import * as t from "io-ts";
import type { SettingsDiagnostic } from "../lib/config/mod.ts";
import { diagnostic } from "../lib/diagnostics.ts";
import { duration, goInt, positiveNumber } from "./go-codecs.ts";
import type { DeliveryPolicy, Provider, RateLimit } from "./provider.ts";

/**
 * The defaults: 15 s per request, up to 4 attempts with full-jitter backoff from 1 s to 10 s, a `Retry-After` of at
 * most 60 s honoured, 2 minutes for the whole delivery, 8 deliveries in flight per service, no rate limit, responses
 * up to 1 MiB.
 */
export const defaultPolicy: DeliveryPolicy = {
  timeoutMs: 15_000,
  maxAttempts: 4,
  retryWaitMinMs: 1_000,
  retryWaitMaxMs: 10_000,
  maxRetryAfterMs: 60_000,
  deadlineMs: 120_000,
  concurrency: 8,
  maxResponseBytes: 1 << 20,
};

/** The `delivery:` setting as written. */
export interface RawDelivery {
  readonly timeout?: number;
  readonly maxAttempts?: number;
  readonly retryWaitMin?: number;
  readonly retryWaitMax?: number;
  readonly maxRetryAfter?: number;
  readonly deadline?: number;
  readonly concurrency?: number;
  readonly rate?: { readonly perSecond?: number; readonly burst?: number };
  readonly maxResponseBytes?: number;
}

/** The `delivery:` setting of every service: durations as Go writes them (`10s`), counts as whole numbers. */
export const deliveryCodec: t.Type<RawDelivery, RawDelivery, unknown> = t.partial(
  {
    timeout: duration,
    maxAttempts: goInt,
    retryWaitMin: duration,
    retryWaitMax: duration,
    maxRetryAfter: duration,
    deadline: duration,
    concurrency: goInt,
    rate: t.partial({ perSecond: positiveNumber, burst: goInt }, "a rate (perSecond and burst)"),
    maxResponseBytes: goInt,
  },
  "the delivery policy (timeout, maxAttempts, retryWaitMin, retryWaitMax, maxRetryAfter, deadline, concurrency, rate, maxResponseBytes)",
);

/** The policy's resolved value and the problems of the setting. */
export interface ResolvedPolicy {
  readonly policy: DeliveryPolicy;
  readonly problems: readonly SettingsDiagnostic[];
}

function atLeast(
  problems: SettingsDiagnostic[],
  key: string,
  value: number | undefined,
  min: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (value >= min) return value;
  problems.push({
    ...diagnostic("InvalidField", `"delivery.${key}" must be at least ${min}, not ${value}; ${fallback} is used`, {
      severity: "warning",
    }),
    path: ["delivery", key],
  });
  return fallback;
}

/**
 * Applies a service's `delivery:` setting to its default policy. Values out of range are warnings and keep the
 * default.
 * @param raw the decoded setting, if any
 * @param defaults the service's default policy
 * @returns the policy and the warnings
 */
export function resolvePolicy(raw: RawDelivery | undefined, defaults: DeliveryPolicy): ResolvedPolicy {
  const problems: SettingsDiagnostic[] = [];
  if (raw === undefined) return { policy: defaults, problems };
  const rate: RateLimit | undefined = raw.rate === undefined ? defaults.rate : {
    perSecond: raw.rate.perSecond ?? defaults.rate?.perSecond ?? 1,
    burst: atLeast(problems, "rate.burst", raw.rate.burst, 1, defaults.rate?.burst ?? 1),
  };
  const min = atLeast(problems, "retryWaitMin", raw.retryWaitMin, 0, defaults.retryWaitMinMs);
  const policy: DeliveryPolicy = {
    timeoutMs: atLeast(problems, "timeout", raw.timeout, 1, defaults.timeoutMs),
    maxAttempts: atLeast(problems, "maxAttempts", raw.maxAttempts, 1, defaults.maxAttempts),
    retryWaitMinMs: min,
    retryWaitMaxMs: atLeast(problems, "retryWaitMax", raw.retryWaitMax, min, Math.max(min, defaults.retryWaitMaxMs)),
    maxRetryAfterMs: atLeast(problems, "maxRetryAfter", raw.maxRetryAfter, 0, defaults.maxRetryAfterMs),
    deadlineMs: atLeast(problems, "deadline", raw.deadline, 1, defaults.deadlineMs),
    concurrency: atLeast(problems, "concurrency", raw.concurrency, 1, defaults.concurrency),
    maxResponseBytes: atLeast(problems, "maxResponseBytes", raw.maxResponseBytes, 1, defaults.maxResponseBytes),
    ...(rate !== undefined ? { rate } : {}),
  };
  return { policy, problems };
}

/**
 * The delivery policy a provider's settings ask for: its `policy`, else the settings' own `delivery`, else the default.
 * @param provider the service's provider
 * @param settings its decoded settings
 * @returns the policy its deliveries run under
 */
export function policyOf<S>(provider: Provider<S>, settings: S): DeliveryPolicy {
  if (provider.policy !== undefined) return provider.policy(settings);
  const own = (settings as { readonly delivery?: DeliveryPolicy } | null | undefined)?.delivery;
  return own ?? defaultPolicy;
}
