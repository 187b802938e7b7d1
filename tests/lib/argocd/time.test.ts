import { describe, expect, it } from "vitest";
import { timeHelpers } from "../../../lib/argocd/mod.ts";
import type { GoTime } from "../../../lib/values/time.ts";

describe("timeHelpers()", () => {
  const ns = timeHelpers(Date.UTC(2024, 0, 1, 0, 30)) as Record<string, unknown>;
  it("returns now from Now()", () =>
    expect((ns["Now"] as () => GoTime)().String()).toBe("2024-01-01 00:30:00 +0000 UTC"));
  it("parses RFC 3339 and fails like Go on nil", () => {
    const parse = ns["Parse"] as (s: unknown) => GoTime;
    expect(parse("2024-01-01T00:00:00Z").Unix()).toBe(1704067200);
    expect(() => parse(null)).toThrow('parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"');
  });
  it("exposes durations and layouts", () => expect([String(ns["Minute"]), ns["Kitchen"]]).toEqual(["1m0s", "3:04PM"]));
});
