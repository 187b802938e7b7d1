/**
 * Per-service gates: a concurrency limit (deliveries in flight) and a rate limit (requests per second, a token
 * bucket), shared by every delivery made with the same I/O capabilities. A 429 pauses the service's requests until
 * its `Retry-After` has passed.
 * @module
 */
import type { DeliveryPolicy } from "../../providers/provider.ts";
import { type Bucket, takeToken } from "../../providers/token-bucket.ts";

/** The gate of one service. */
export interface Gate {
  /** Waits for a delivery slot; call the returned function when the delivery is over. */
  enter(): Promise<() => void>;
  /** Waits until the service's rate limit (and any pause) lets the next request go. */
  admit(): Promise<void>;
  /** Holds every request of the service until `until` (unix milliseconds). */
  pause(until: number): void;
}

/** The gates of all services, created on first use with the service's policy. */
export interface Gates {
  of(service: string, policy: DeliveryPolicy): Gate;
}

/**
 * Creates the gates.
 * @param clock the time, unix milliseconds
 * @param sleep waits that long
 * @returns the gates
 */
export function createGates(clock: () => number, sleep: (ms: number) => Promise<void>): Gates {
  const gates = new Map<string, Gate>();
  return {
    of(service, policy) {
      let gate = gates.get(service);
      if (gate === undefined) {
        gate = createGate(policy, clock, sleep);
        gates.set(service, gate);
      }
      return gate;
    },
  };
}

function createGate(policy: DeliveryPolicy, clock: () => number, sleep: (ms: number) => Promise<void>): Gate {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  let bucket: Bucket | undefined;
  let pausedUntil = 0;
  const release = (): void => {
    const next = waiting.shift();
    if (next !== undefined) next();
    else inFlight--;
  };
  return {
    enter() {
      if (inFlight < policy.concurrency) {
        inFlight++;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
    async admit() {
      const now = clock();
      let wait = Math.max(0, pausedUntil - now);
      if (policy.rate !== undefined) {
        const taken = takeToken(bucket, policy.rate, now + wait);
        bucket = taken.bucket;
        wait += taken.waitMs;
      }
      if (wait > 0) await sleep(wait);
    },
    pause(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}
