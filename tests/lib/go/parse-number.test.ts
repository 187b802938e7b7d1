import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseGoFloat, parseGoInt } from "../../../lib/go/parse-number.ts";

describe("parseGoInt()", () => {
  const cases = [
    { input: "42", expected: 42n },
    { input: "-42", expected: -42n },
    { input: "+7", expected: 7n },
    { input: "0x_ff", expected: 255n },
    { input: "0XFF", expected: 255n },
    { input: "0o17", expected: 15n },
    { input: "0O17", expected: 15n },
    { input: "017", expected: 15n },
    { input: "0_17", expected: 15n },
    { input: "0b101", expected: 5n },
    { input: "1_000_000", expected: 1000000n },
    { input: "18446744073709551616", expected: 18446744073709551616n },
    { input: "0", expected: 0n },
    { input: "1__0", expected: undefined },
    { input: "1_", expected: undefined },
    { input: "_1", expected: undefined },
    { input: "0x", expected: undefined },
    { input: "0x_", expected: undefined },
    { input: "08", expected: undefined },
    { input: "0b2", expected: undefined },
    { input: "1.0", expected: undefined },
    { input: "", expected: undefined },
  ] as const;
  for (const c of cases) {
    it(`reads ${JSON.stringify(c.input)} as Go's ParseInt(s, 0, 64) does`, () => {
      expect(parseGoInt(c.input)).toBe(c.expected);
    });
  }

  it("reads every decimal integer as BigInt does", () => {
    fc.assert(fc.property(fc.bigInt(), (n) => parseGoInt(String(n)) === n));
  });
});

describe("parseGoFloat()", () => {
  const cases = [
    { input: "1.5", expected: 1.5 },
    { input: "-.5e1", expected: -5 },
    { input: "1_000.5", expected: 1000.5 },
    { input: "1e1_0", expected: 1e10 },
    { input: "0x1.8p1", expected: 3 },
    { input: "0x_1p-2", expected: 0.25 },
    { input: "0x1p-1074", expected: 5e-324 },
    { input: "0x100p-1082", expected: 5e-324 },
    { input: "0x0p+1954", expected: 0 },
    { input: "Inf", expected: Infinity },
    { input: "-infinity", expected: -Infinity },
    { input: "NaN", expected: NaN },
    { input: "1e400", expected: undefined },
    { input: "0x1p1024", expected: undefined },
    { input: "1_.5", expected: undefined },
    { input: "1__0", expected: undefined },
    { input: "0x.p1", expected: undefined },
    { input: "0x1.8", expected: undefined },
    { input: ".", expected: undefined },
    { input: "1e", expected: undefined },
    { input: "", expected: undefined },
  ] as const;
  for (const c of cases) {
    it(`reads ${JSON.stringify(c.input)} as Go's ParseFloat(s, 64) does`, () => {
      expect(parseGoFloat(c.input)).toBe(c.expected);
    });
  }

  it("reads every finite number's JavaScript text back", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => parseGoFloat(String(x)) === x),
    );
  });
});
