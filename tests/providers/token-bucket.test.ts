import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { type Bucket, takeToken } from "../../providers/token-bucket.ts";

describe("takeToken()", () => {
  it("lets a burst through, then one per period, and refills while idle", () => {
    const rate = { perSecond: 2, burst: 3 };
    let bucket: Bucket | undefined;
    const waits: number[] = [];
    for (const at of [0, 0, 0, 0, 0, 5000]) {
      const t = takeToken(bucket, rate, at);
      bucket = t.bucket;
      waits.push(t.waitMs);
    }
    expect(waits).toEqual([0, 0, 0, 500, 1000, 0]);
  });

  it("never lets more than burst + rate × time through (property)", () => {
    fc.assert(fc.property(
      fc.record({ perSecond: fc.integer({ min: 1, max: 50 }), burst: fc.integer({ min: 1, max: 20 }) }),
      fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
      (rate, gaps) => {
        let bucket: Bucket | undefined;
        let now = 0;
        const sent: number[] = [];
        for (const gap of gaps) {
          now += gap;
          const t = takeToken(bucket, rate, now);
          bucket = t.bucket;
          sent.push(now + t.waitMs);
        }
        const first = sent[0] ?? 0;
        const last = Math.max(...sent);
        return sent.length <= rate.burst + Math.floor(((last - first) / 1000) * rate.perSecond) + 1;
      },
    ));
  });
});
