/** shardOf: stable, in range, and spreads UIDs evenly (the leases themselves run against a real API server). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { shardOf } from "../../../lib/shell/kubernetes/shard-leases.ts";

describe("shardOf", () => {
  it("is in range and stable for any UID and shard count", () => {
    fc.assert(fc.property(fc.uuid(), fc.integer({ min: 1, max: 64 }), (uid, n) => {
      const s = shardOf(uid, n);
      return Number.isInteger(s) && s >= 0 && s < n && s === shardOf(uid, n);
    }));
  });

  it("spreads 10,000 UIDs over 4 shards within 5% of even", () => {
    const counts = [0, 0, 0, 0];
    fc.assert(fc.property(fc.uuid(), (uid) => void counts[shardOf(uid, 4)]!++), { numRuns: 10_000, seed: 42 });
    for (const c of counts) expect(Math.abs(c - 2500)).toBeLessThan(125);
  });
});
