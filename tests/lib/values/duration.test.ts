import { describe, expect, it } from "vitest";
import {
  formatDuration,
  GoDuration,
  maxDurationNs,
  minDurationNs,
  parseDuration,
} from "../../../lib/values/duration.ts";

describe("formatDuration()", () => {
  const cases = [
    { input: 0, expected: "0s" },
    { input: 1, expected: "1ns" },
    { input: 1500, expected: "1.5µs" },
    { input: 1_500_000, expected: "1.5ms" },
    { input: 1.5e9, expected: "1.5s" },
    { input: 25 * 3600e9 + 1.5e9, expected: "25h0m1.5s" },
    { input: -61e9, expected: "-1m1s" },
    // The int64 limits Time.Sub saturates at (Go's minDuration / maxDuration).
    { input: maxDurationNs, expected: "2562047h47m16.854775807s" },
    { input: minDurationNs, expected: "-2562047h47m16.854775808s" },
  ];
  for (const c of cases) {
    it(`prints ${c.input}ns as ${c.expected}`, () => expect(formatDuration(c.input)).toBe(c.expected));
  }
});

describe("parseDuration()", () => {
  const cases = [
    { input: "1h30m", expected: { _tag: "Right", right: new GoDuration(5400e9) } },
    { input: "-1.5s", expected: { _tag: "Right", right: new GoDuration(-1.5e9) } },
    { input: "300ms", expected: { _tag: "Right", right: new GoDuration(3e8) } },
    { input: "0", expected: { _tag: "Right", right: new GoDuration(0) } },
    { input: "1", expected: { _tag: "Left", left: 'time: missing unit in duration "1"' } },
    { input: "1x", expected: { _tag: "Left", left: 'time: unknown unit "x" in duration "1x"' } },
    { input: "", expected: { _tag: "Left", left: 'time: invalid duration ""' } },
  ];
  for (const c of cases) {
    it(`parses ${JSON.stringify(c.input)}`, () => expect(parseDuration(c.input)).toEqual(c.expected));
  }
});

describe("GoDuration methods", () => {
  it("converts to hours, minutes and seconds as floats", () => {
    const d = new GoDuration(90e9);
    expect([d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds()]).toEqual([0.025, 1.5, 90, 90000]);
  });
  it("rounds and truncates", () => {
    const d = new GoDuration(95e9);
    expect([d.Round(new GoDuration(60e9)).String(), d.Truncate(new GoDuration(60e9)).String()]).toEqual([
      "2m0s",
      "1m0s",
    ]);
  });
});

describe("GoDuration.fromBigInt()", () => {
  const cases = [
    {
      name: "keeps every nanosecond beyond 2^53",
      input: 7_061_052_000_000_000_000n + 123_456_789n,
      expected: "1961403h20m0.123456789s",
    },
    { name: "wraps past MaxInt64 as Go's int64 arithmetic does", input: 9223372036854775807n * 2n, expected: "-2ns" },
    { name: "wraps time.Hour * 10000000", input: 3_600_000_000_000n * 10_000_000n, expected: "-248191h9m7.419103232s" },
    { name: "keeps MaxInt64 exact", input: 9223372036854775807n, expected: "2562047h47m16.854775807s" },
  ];
  for (const c of cases) it(c.name, () => expect(GoDuration.fromBigInt(c.input).String()).toBe(c.expected));

  it("round-trips through toBigInt()", () => {
    for (const n of [0n, -5n, 9223372036854775807n, -9223372036854775808n, 123456789012345678n]) {
      expect(GoDuration.fromBigInt(n).toBigInt()).toBe(n);
    }
  });
});

describe("GoDuration counts beyond 2^53", () => {
  // Go's answers through the oracle for a saturated Sub (int64 results).
  const cases = [
    {
      name: "Nanoseconds of MaxInt64 is exact",
      got: () => new GoDuration(maxDurationNs).Nanoseconds(),
      expected: 9223372036854775807n,
    },
    {
      name: "Nanoseconds of MinInt64 is exact",
      got: () => new GoDuration(minDurationNs).Nanoseconds(),
      expected: -9223372036854775808n,
    },
    {
      name: "Microseconds truncates exactly",
      got: () => new GoDuration(maxDurationNs).Microseconds(),
      expected: 9223372036854775n,
    },
    {
      name: "Milliseconds truncates exactly",
      got: () => new GoDuration(maxDurationNs).Milliseconds(),
      expected: 9223372036854,
    },
    {
      name: "small counts stay numbers",
      got: () => new GoDuration(3_600_000_000_000).Nanoseconds(),
      expected: 3_600_000_000_000,
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.got()).toBe(c.expected));
});
