import { describe, expect, it } from "vitest";
import { formatFloat } from "../../../lib/gofmt/format-float.ts";

// Expected values from Go 1.19 strconv.FormatFloat(v, fmt, prec, 64).
const cases = [
  { v: 1e6, f: "g", p: -1, want: "1e+06" },
  { v: 123456, f: "g", p: -1, want: "123456" },
  { v: 0.0001, f: "g", p: -1, want: "0.0001" },
  { v: 0.00001, f: "g", p: -1, want: "1e-05" },
  { v: 0, f: "g", p: -1, want: "0" },
  { v: -0, f: "g", p: -1, want: "-0" },
  { v: 2.5, f: "f", p: 0, want: "2" },
  { v: 3.5, f: "f", p: 0, want: "4" },
  { v: 2.675, f: "f", p: 2, want: "2.67" },
  { v: 0.1, f: "f", p: 20, want: "0.10000000000000000555" },
  { v: 1e6, f: "e", p: 6, want: "1.000000e+06" },
  { v: 9.95, f: "e", p: 1, want: "9.9e+00" },
  { v: 123456.789, f: "g", p: 3, want: "1.23e+05" },
  { v: 100, f: "g", p: 1, want: "1e+02" },
  { v: 1e-10, f: "G", p: -1, want: "1E-10" },
  { v: 5e-324, f: "g", p: -1, want: "5e-324" },
  { v: 1e100, f: "e", p: -1, want: "1e+100" },
  { v: 2.5, f: "x", p: -1, want: "0x1.4p+01" },
  { v: 1, f: "x", p: -1, want: "0x1p+00" },
  { v: 1, f: "b", p: -1, want: "4503599627370496p-52" },
  { v: Infinity, f: "g", p: -1, want: "+Inf" },
  { v: NaN, f: "f", p: 2, want: "NaN" },
] as const;

describe("formatFloat()", () => {
  for (const c of cases) {
    it(`formats ${c.v} with %${c.f} precision ${c.p} as ${c.want}`, () => {
      expect(formatFloat(c.v, c.f, c.p)).toBe(c.want);
    });
  }
});
