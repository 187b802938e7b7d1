import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { daysFromCivil, daysIn } from "../../../lib/values/_civil.ts";
import { GoDuration } from "../../../lib/values/duration.ts";
import { GoTime, layouts, parseRfc3339 } from "../../../lib/values/time.ts";

const t = (s: string): GoTime => {
  const r = parseRfc3339(s);
  if (r._tag === "Left") throw new TypeError(r.left);
  return r.right;
};

// Expected texts produced by the Go reference (Go 1.19 time package through the oracle).
describe("GoTime.format()", () => {
  const layouts = [
    "2006-01-02T15:04:05.999999999Z07:00",
    "Mon Jan _2 15:04:05 MST 2006",
    "Monday, 02-Jan-06 3:04:05.000 PM -07:00",
    "__2 002 .9 ,000 Z0700 -07",
    "January 1 2 06 pm",
    "2006-01-02 15:04:05.999999999 -0700 MST",
  ];
  const cases = [
    {
      input: "2024-03-05T07:08:09.120Z",
      expected: [
        "2024-03-05T07:08:09.12Z",
        "Tue Mar  5 07:08:09 UTC 2024",
        "Tuesday, 05-Mar-24 7:08:09.120 AM +00:00",
        " 65 065 .1 ,120 Z +00",
        "March 3 5 24 am",
        "2024-03-05 07:08:09.12 +0000 UTC",
      ],
    },
    {
      input: "2023-12-31T23:59:59+05:30",
      expected: [
        "2023-12-31T23:59:59+05:30",
        "Sun Dec 31 23:59:59 +0530 2023",
        "Sunday, 31-Dec-23 11:59:59.000 PM +05:30",
        "365 365  ,000 +0530 +05",
        "December 12 31 23 pm",
        "2023-12-31 23:59:59 +0530 +0530",
      ],
    },
    {
      input: "2024-02-29T12:00:00-08:00",
      expected: [
        "2024-02-29T12:00:00-08:00",
        "Thu Feb 29 12:00:00 -0800 2024",
        "Thursday, 29-Feb-24 12:00:00.000 PM -08:00",
        " 60 060  ,000 -0800 -08",
        "February 2 29 24 pm",
        "2024-02-29 12:00:00 -0800 -0800",
      ],
    },
  ];
  for (const c of cases) {
    it(`formats ${c.input} in every layout like Go`, () =>
      expect(layouts.map((l) => t(c.input).format(l))).toEqual(c.expected));
  }

  it("is built from unix milliseconds plus extra nanoseconds", () => {
    expect(GoTime.fromUnixMilli(Date.UTC(2024, 0, 2, 3, 4, 5, 6), 7).format("2006-01-02T15:04:05.999999999Z07:00"))
      .toBe(
        "2024-01-02T03:04:05.006000007Z",
      );
  });
});

describe("parseRfc3339()", () => {
  const cases = [
    {
      name: "rejects a month out of range",
      input: "2024-13-01T00:00:00Z",
      expected: 'parsing time "2024-13-01T00:00:00Z": month out of range',
    },
    {
      name: "rejects an hour out of range",
      input: "2024-01-01T25:00:00Z",
      expected: 'parsing time "2024-01-01T25:00:00Z": hour out of range',
    },
    {
      name: "rejects a date without time",
      input: "2024-01-01",
      expected: 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    },
    {
      name: "rejects an offset without colon",
      input: "2024-01-01T00:00:00+0100",
      expected:
        'parsing time "2024-01-01T00:00:00+0100" as "2006-01-02T15:04:05Z07:00": cannot parse "+0100" as "Z07:00"',
    },
    {
      name: "rejects the empty string",
      input: "",
      expected: 'parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"',
    },
  ];
  for (const c of cases) it(c.name, () => expect(parseRfc3339(c.input)).toEqual({ _tag: "Left", left: c.expected }));

  it("keeps up to nine fractional digits", () =>
    expect(t("2024-01-01T00:00:00.123456789123Z").String()).toBe("2024-01-01 00:00:00.123456789 +0000 UTC"));

  // The RegExp form the character scan replaced (#8), kept here as its reference.
  const rfc3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-](\d\d):(\d\d))$/;
  const reference = (s: string) => {
    const m = rfc3339.exec(s);
    if (m !== null) {
      const [, y, mo, d, h, mi, se, frac, z, zh, zm] = m;
      const year = Number(y), month = Number(mo), day = Number(d), hh = Number(h), mm = Number(mi), ss = Number(se);
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year) && hh < 24 && mm < 60 && ss < 60) {
        const offset = z === "Z" ? 0 : (z![0] === "-" ? -1 : 1) * (Number(zh) * 3600 + Number(zm) * 60);
        const nsec = frac === undefined ? 0 : Number(frac.slice(1, 10).padEnd(9, "0"));
        const local = daysFromCivil(year, month, day) * 86400 + hh * 3600 + mm * 60 + ss;
        return { _tag: "Right", right: new GoTime(local - offset, nsec, offset, offset === 0 ? "UTC" : "") };
      }
    }
    return GoTime.parse(layouts["RFC3339"]!, s);
  };

  it("reads every text as the RegExp form did (property)", () => {
    // Texts near the format: a valid time with characters replaced, dropped or added, and random texts of its alphabet.
    const alphabet = fc.constantFrom(..."0123456789-T:.Z+z t1".split(""));
    const valid = fc.date({ min: new Date(-62135596800000), max: new Date(253402300799000), noInvalidDate: true })
      .chain((d) =>
        fc.tuple(
          fc.constantFrom("", ".5", ".123456789", ".1234567891234", "."),
          fc.constantFrom("Z", "+01:00", "-00:00", "+00:00", "-13:45", "+24:60", "+1:00", "Zx", ""),
        ).map(([frac, zone]) => d.toISOString().slice(0, 19) + frac + zone)
      );
    const mutated = fc.tuple(valid, fc.nat(40), fc.option(alphabet), fc.boolean()).map(([s, at, c, insert]) => {
      const i = at % (s.length + 1);
      return c === null ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(insert ? i : i + 1);
    });
    const text = fc.oneof(valid, mutated, fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join("")));
    fc.assert(
      fc.property(text, (s) => {
        expect(parseRfc3339(s)).toEqual(reference(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("GoTime methods", () => {
  const cases = [
    {
      name: "Sub gives a Duration",
      got: () => t("2024-01-01T00:00:00Z").Sub(t("2023-01-01T00:00:00Z")).String(),
      expected: "8760h0m0s",
    },
    {
      name: "Truncate rounds down",
      got: () => t("2024-01-01T10:37:00Z").Truncate(new GoDuration(3600e9)).String(),
      expected: "2024-01-01 10:00:00 +0000 UTC",
    },
    {
      name: "Round rounds half up",
      got: () => t("2024-01-01T10:37:00Z").Round(new GoDuration(3600e9)).String(),
      expected: "2024-01-01 11:00:00 +0000 UTC",
    },
    {
      name: "AddDate normalises overflowing days",
      got: () => t("2024-01-31T10:00:00Z").AddDate(0, 1, 0).String(),
      expected: "2024-03-02 10:00:00 +0000 UTC",
    },
    { name: "ISOWeek gives the ISO year", got: () => t("2024-01-01T00:00:00Z").ISOWeek(), expected: 2024 },
    {
      name: "Before compares instants",
      got: () => t("2024-01-01T01:00:00+01:00").Before(t("2024-01-01T00:00:01Z")),
      expected: true,
    },
    {
      name: "Equal ignores the zone",
      got: () => t("2024-01-01T01:00:00+01:00").Equal(t("2024-01-01T00:00:00Z")),
      expected: true,
    },
    { name: "Weekday prints its name", got: () => t("2024-01-01T00:00:00Z").Weekday().String(), expected: "Monday" },
    { name: "Unix gives seconds", got: () => t("2024-01-01T00:00:00Z").Unix(), expected: 1704067200 },
    // Go's Sub saturates at the int64 limits; texts from the Go reference through the oracle.
    {
      name: "Sub saturates at MaxInt64",
      got: () => t("2024-01-01T00:30:00Z").Sub(t("0001-01-01T00:00:00Z")).String(),
      expected: "2562047h47m16.854775807s",
    },
    {
      name: "Sub saturates at MinInt64",
      got: () => t("0001-01-01T00:00:00Z").Sub(t("2024-01-01T00:30:00Z")).String(),
      expected: "-2562047h47m16.854775808s",
    },
    {
      name: "Sub is exact beyond 2^53 ns",
      got: () => t("2024-01-01T00:30:00Z").Sub(t("1800-01-01T00:00:00.123456789Z")).String(),
      expected: "1963536h29m59.876543211s",
    },
    {
      name: "Add of MaxInt64 is exact",
      got: () => t("0001-01-01T00:00:00Z").Add(t("2024-01-01T00:30:00Z").Sub(t("0001-01-01T00:00:00Z"))).String(),
      expected: "0293-04-11 23:47:16.854775807 +0000 UTC",
    },
    {
      name: "Add of MinInt64 is exact",
      got: () => t("2024-01-01T00:30:00Z").Add(new GoDuration(-(2 ** 63))).String(),
      expected: "1731-09-22 00:42:43.145224192 +0000 UTC",
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.got()).toEqual(c.expected));
});
