import { describe, expect, it } from "vitest";
import { EvalFailure } from "../../../lib/expr/_failure.ts";
import { newBudget } from "../../../lib/expr/_budget.ts";
import { fetchMember, readVar } from "../../../lib/expr/fetch-member.ts";
import { namespace } from "../../../lib/expr/namespace.ts";
import { GoDuration } from "../../../lib/values/duration.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoTime } from "../../../lib/values/time.ts";

/** A read, or `{ fail: message }`. */
const read = (from: unknown, key: unknown): unknown => {
  try {
    return fetchMember(from, key, 7);
  } catch (e) {
    if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
    throw e;
  }
};

class Host {
  readonly field = 1;
}

describe("fetchMember()", () => {
  const f = (): number => 1;
  const cases: { name: string; from: unknown; key: unknown; expected: unknown }[] = [
    { name: "reads an own property of a map", from: { a: 1 }, key: "a", expected: 1 },
    { name: "reads a missing key as nil", from: { a: 1 }, key: "b", expected: null },
    { name: "reads an undefined value as nil", from: { a: undefined }, key: "a", expected: null },
    { name: "never reads an inherited constructor", from: {}, key: "constructor", expected: null },
    { name: "never reads __proto__ through the accessor", from: {}, key: "__proto__", expected: null },
    { name: "never reads inherited toString", from: {}, key: "toString", expected: null },
    { name: "reads an own __proto__ key", from: JSON.parse('{"__proto__": 5}') as unknown, key: "__proto__", expected: 5 },
    { name: "reads a null-prototype map by own keys", from: Object.assign(Object.create(null) as object, { a: 2 }), key: "a", expected: 2 },
    { name: "reads nil as the empty key of a map", from: { "": 3 }, key: null, expected: 3 },
    { name: "reads a function in data as nil", from: { f }, key: "f", expected: null },
    { name: "reads the Function constructor in data as nil", from: { f: Function }, key: "f", expected: null },
    { name: "reads a namespace's function", from: namespace({ f }), key: "f", expected: f },
    { name: "fails on a non-string map key", from: { a: 1 }, key: 1, expected: { fail: "reflect.Value.MapIndex: value of type int is not assignable to type string", pos: 7 } },
    { name: "indexes an array from the end", from: [1, 2, 3], key: -1, expected: 3 },
    { name: "fails outside an array", from: [1], key: 1, expected: { fail: "index out of range: 1 (array length is 1)", pos: 7 } },
    { name: "fails on an array's length", from: [1], key: "length", expected: { fail: "invalid operation: int(string)", pos: 7 } },
    { name: "indexes a string by UTF-8 byte", from: "é", key: 1, expected: 0xa9 },
    { name: "indexes bytes", from: Uint8Array.from([9]), key: 0, expected: 9 },
    { name: "fails on bytes' buffer", from: Uint8Array.from([9]), key: "buffer", expected: { fail: "invalid operation: int(string)", pos: 7 } },
    { name: "fails on a member of a function", from: f, key: "constructor", expected: { fail: "cannot fetch constructor from func(...interface {}) interface {}", pos: 7 } },
    { name: "fails on call of a function", from: f, key: "call", expected: { fail: "cannot fetch call from func(...interface {}) interface {}", pos: 7 } },
    { name: "fails on a Go value's field", from: GoTime.fromUnixMilli(0), key: "sec", expected: { fail: "cannot fetch sec from time.Time", pos: 7 } },
    { name: "fails on a Go value's constructor", from: new GoDuration(1), key: "constructor", expected: { fail: "cannot fetch constructor from time.Duration", pos: 7 } },
    { name: "fails on a float's members", from: new GoFloat(1), key: "value", expected: { fail: "cannot fetch value from float64", pos: 7 } },
    { name: "fails on a host class instance", from: new Host(), key: "field", expected: { fail: "cannot fetch field from struct {}", pos: 7 } },
    { name: "fails on nil", from: null, key: "a", expected: { fail: "cannot fetch a from <nil>", pos: 7 } },
    { name: "prints a list key by its type, not by converting it", from: GoTime.fromUnixMilli(0), key: [[1]], expected: { fail: "cannot fetch []interface {} from time.Time", pos: 7 } },
  ];
  for (const c of cases) it(c.name, () => expect(read(c.from, c.key)).toEqual(c.expected));

  it("binds a Go value's exported methods with closures of its own", () => {
    const m = fetchMember(GoTime.fromUnixMilli(2000), "Unix", 0);
    expect(typeof m).toBe("function");
    expect((m as () => unknown)()).toBe(2);
    expect(Function.prototype.toString.call(m)).not.toContain("[native code]");
  });

  it("encodes a string once per run for repeated byte indexes", () => {
    const budget = newBudget();
    const s = "x".repeat(1600);
    for (let i = 0; i < 100; i++) fetchMember(s, i, 0, budget);
    expect(budget.steps).toBe(100);
  });
});

describe("readVar()", () => {
  const cases = [
    { name: "reads an own variable", vars: { a: 1 }, name2: "a", expected: 1 },
    { name: "reads no inherited name", vars: {}, name2: "constructor", expected: undefined },
    { name: "reads a function variable as nothing", vars: { f: Function }, name2: "f", expected: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(readVar(c.vars, c.name2)).toBe(c.expected));
});
