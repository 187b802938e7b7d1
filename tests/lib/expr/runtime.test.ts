import { describe, expect, it } from "vitest";
import { EvalFailure } from "../../../lib/expr/_failure.ts";
import { fetchMember } from "../../../lib/expr/fetch-member.ts";
import { add, compare, div, equal, inCollection, len, mod, mul, slice, sub, typeName } from "../../../lib/expr/runtime.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoDuration } from "../../../lib/values/duration.ts";
import { GoTime } from "../../../lib/values/time.ts";

describe("equal()", () => {
  const cases = [
    { name: "compares int and float numerically", a: 3, b: new GoFloat(3), expected: true },
    { name: "compares arrays element-wise", a: [1, "a"], b: [new GoFloat(1), "a"], expected: true },
    { name: "deep-compares maps strictly", a: { a: 1 }, b: { a: new GoFloat(1) }, expected: false },
    { name: "treats nil as equal to nil", a: null, b: undefined, expected: true },
    { name: "never equates different kinds", a: 1, b: "1", expected: false },
  ];
  for (const c of cases) it(c.name, () => expect(equal(c.a, c.b)).toBe(c.expected));
});

describe("arithmetic", () => {
  it("keeps int + int an int and int / int a float", () => {
    expect(add(1, 2, 0)).toBe(3);
    expect(div(4, 2, 0)).toEqual(new GoFloat(2));
  });
  it("refuses % on floats and by zero", () => {
    expect(() => mod(new GoFloat(4), 2, 0)).toThrow(EvalFailure);
    expect(() => mod(4, 0, 0)).toThrow("integer divide by zero");
  });
  it("never yields an int negative zero (found by the fuzzer: `-c * 0 / 2.0` printed -0)", () => {
    expect(Object.is(mul(-5, 0, 0), 0)).toBe(true);
    expect(Object.is((div(mul(-5, 0, 0), new GoFloat(2), 0) as GoFloat).value, 0)).toBe(true);
  });
  it("wraps Duration arithmetic at int64, as Go's time.Duration does", () => {
    const max = new GoDuration(2 ** 63);
    const cases = [
      { got: () => mul(new GoDuration(3_600_000_000_000), 10_000_000, 0), expected: "-248191h9m7.419103232s" },
      { got: () => mul(max, 2, 0), expected: "-2ns" },
      { got: () => add(max, new GoDuration(1), 0), expected: "-2562047h47m16.854775808s" },
      { got: () => sub(new GoDuration(-(2 ** 63)), new GoDuration(1), 0), expected: "2562047h47m16.854775807s" },
    ];
    for (const c of cases) expect((c.got() as GoDuration).String()).toBe(c.expected);
  });
  it("checks a Go method's arguments as reflect does, nil being the zero value", () => {
    const t = fetchMember(GoTime.fromUnixMilli(0), "Add", 0) as (...a: unknown[]) => unknown;
    expect(() => t(1)).toThrow("reflect: Call using int as type time.Duration");
    expect(() => t()).toThrow("reflect: Call with too few input arguments");
    expect(() => (fetchMember(new GoDuration(1000), "String", 0) as (...a: unknown[]) => unknown)(1)).toThrow(
      "reflect: Call with too many input arguments",
    );
    expect(t(null)).toEqual(GoTime.fromUnixMilli(0));
  });
  it("refuses mixed comparisons", () => expect(() => compare(null, 1, ">", 0)).toThrow("invalid operation: <nil> > int"));
});

describe("fetchMember()", () => {
  const cases = [
    { name: "gives nil for a missing key", from: { a: 1 }, key: "b", expected: null },
    { name: "indexes arrays from the end", from: [1, 2, 3], key: -1, expected: 3 },
    { name: "gives the UTF-8 byte of a string", from: "é", key: 0, expected: 0xc3 },
  ];
  for (const c of cases) it(c.name, () => expect(fetchMember(c.from, c.key, 0)).toBe(c.expected));
  it("fails on nil", () => expect(() => fetchMember(null, "a", 0)).toThrow("cannot fetch a from <nil>"));
  it("fails out of range", () => expect(() => fetchMember([1], 5, 0)).toThrow("index out of range: 5 (array length is 1)"));
});

describe("other operations", () => {
  it("slices strings by bytes and clamps bounds", () => {
    expect(slice("héllo", 1, 3, 0)).toBe("é");
    expect(slice([1, 2, 3], 5, undefined, 0)).toEqual([]);
  });
  it("tests map keys and array members with in", () => {
    expect(inCollection("a", { a: null }, 0)).toBe(true);
    expect(inCollection(null, [1], 0)).toBe(false);
    expect(() => inCollection("a", "abc", 0)).toThrow('operator "in" not defined on string');
  });
  it("counts runes with len", () => expect(len("héllo", 0)).toBe(5));
  it("names Go types", () => expect([typeName(1), typeName(1.5), typeName([]), typeName({})]).toEqual(["int", "float64", "[]interface {}", "map[string]interface {}"]));
});
