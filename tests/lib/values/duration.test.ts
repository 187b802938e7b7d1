import { describe, expect, it } from "vitest";
import { formatDuration, GoDuration, parseDuration } from "../../../lib/values/duration.ts";

describe("formatDuration()", () => {
  const cases = [
    { input: 0, expected: "0s" },
    { input: 1, expected: "1ns" },
    { input: 1500, expected: "1.5µs" },
    { input: 1_500_000, expected: "1.5ms" },
    { input: 1.5e9, expected: "1.5s" },
    { input: 25 * 3600e9 + 1.5e9, expected: "25h0m1.5s" },
    { input: -61e9, expected: "-1m1s" },
  ];
  for (const c of cases) it(`prints ${c.input}ns as ${c.expected}`, () => expect(formatDuration(c.input)).toBe(c.expected));
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
  for (const c of cases) it(`parses ${JSON.stringify(c.input)}`, () => expect(parseDuration(c.input)).toEqual(c.expected));
});

describe("GoDuration methods", () => {
  it("converts to hours, minutes and seconds as floats", () => {
    const d = new GoDuration(90e9);
    expect([d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds()]).toEqual([0.025, 1.5, 90, 90000]);
  });
  it("rounds and truncates", () => {
    const d = new GoDuration(95e9);
    expect([d.Round(new GoDuration(60e9)).String(), d.Truncate(new GoDuration(60e9)).String()]).toEqual(["2m0s", "1m0s"]);
  });
});
