import { describe, expect, it } from "vitest";
import { backoffMs, decideRetry, parseRetryAfter } from "../../providers/retry-timing.ts";
import { defaultPolicy } from "../../providers/delivery-policy.ts";

describe("parseRetryAfter()", () => {
  const cases = [
    { value: "0", expected: 0 },
    { value: " 12 ", expected: 12_000 },
    { value: "Wed, 21 Oct 2015 07:28:10 GMT", expected: 10_000 },
    { value: "Wed, 21 Oct 2015 07:27:00 GMT", expected: 0 },
    { value: "-1", expected: undefined },
    { value: "1.5", expected: undefined },
    { value: "soon", expected: undefined },
    { value: undefined, expected: undefined },
  ] as const;
  for (const c of cases) {
    it(`reads ${JSON.stringify(c.value)} as ${c.expected}`, () => {
      expect(parseRetryAfter(c.value, Date.parse("2015-10-21T07:28:00Z"))).toBe(c.expected);
    });
  }
});

describe("backoffMs()", () => {
  it("draws within [0, min(max, min·2^(n-1))]", () => {
    const policy = { ...defaultPolicy, retryWaitMinMs: 1000, retryWaitMaxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, 0.999))).toEqual([999, 1998, 3996, 4995, 4995]);
    expect(backoffMs(3, policy, 0)).toBe(0);
  });
});

describe("decideRetry()", () => {
  const base = { attempt: 1, startedAt: 0, now: 0, random: 0.5 };
  const cases = [
    { name: "retries with backoff", state: base, expected: { retry: true, waitMs: 500 } },
    {
      name: "waits a Retry-After instead",
      state: { ...base, retryAfterMs: 7000 },
      expected: { retry: true, waitMs: 7000 },
    },
    {
      name: "stops after the last attempt",
      state: { ...base, attempt: 4 },
      expected: { retry: false, reason: "gave up after 4 attempts" },
    },
    {
      name: "stops on a Retry-After past the cap",
      state: { ...base, retryAfterMs: 61_000 },
      expected: { retry: false, reason: "the service asks to wait 61s, longer than the 60s allowed" },
    },
    {
      name: "stops when the wait would pass the deadline",
      state: { ...base, now: 119_800 },
      expected: { retry: false, reason: "a retry would pass the deadline of 120s" },
    },
  ] as const;
  for (const c of cases) it(c.name, () => expect(decideRetry(defaultPolicy, c.state)).toEqual(c.expected));
});
