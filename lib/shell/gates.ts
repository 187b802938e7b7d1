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
  /**
   * Takes a delivery slot: the function to call when the delivery is over, or a promise of it when every slot is
   * taken (no promise on the common path, so a free slot costs no turn of the event loop).
   */
  enter(): (() => void) | Promise<() => void>;
  /** Lets the next request go: nothing when the rate limit (and any pause) allows it now, else a wait. */
  admit(): Promise<void> | undefined;
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
        return release;
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
    admit() {
      if (policy.rate === undefined && pausedUntil === 0) return undefined;
      const now = clock();
      let wait = Math.max(0, pausedUntil - now);
      if (policy.rate !== undefined) {
        const taken = takeToken(bucket, policy.rate, now + wait);
        bucket = taken.bucket;
        wait += taken.waitMs;
      }
      return wait > 0 ? sleep(wait) : undefined;
    },
    pause(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}
