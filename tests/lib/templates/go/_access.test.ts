import { describe, expect, it } from "vitest";
import { withGoType } from "../../../../lib/gofmt/mod.ts";
import { stringsHelpers } from "../../../../lib/argocd/mod.ts";
import { timeHelpers } from "../../../../lib/argocd/mod.ts";
import { Method, noField, reach, sortedEntries, unexportedField } from "../../../../lib/templates/go/_access.ts";
import { noValue } from "../../../../lib/templates/go/_value.ts";
import { GoDuration } from "../../../../lib/values/duration.ts";
import { GoFloat } from "../../../../lib/values/float.ts";
import { GoMonth, GoTime } from "../../../../lib/values/time.ts";

class Host {
  readonly Field = 1;
  Run(): string {
    return "ran";
  }
}

const time = timeHelpers(0);
const fn = time["Parse"];
const jsonMap = JSON.parse('{"a":1,"__proto__":{"x":2},"constructor":"own"}') as Record<string, unknown>;
const adversarial = [
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "call",
  "apply",
  "bind",
  "length",
  "name",
  "caller",
  "arguments",
  "__defineGetter__",
  "size",
];

describe("reach()", () => {
  const values = [
    { name: "a plain map's own key", receiver: { a: 1 }, key: "a", expected: 1 },
    { name: "a missing key", receiver: { a: 1 }, key: "b", expected: noValue },
    { name: "an own key that holds undefined", receiver: { a: undefined }, key: "a", expected: noValue },
    { name: "a JSON __proto__ key, as data", receiver: jsonMap, key: "__proto__", expected: { x: 2 } },
    { name: "a JSON constructor key, as data", receiver: jsonMap, key: "constructor", expected: "own" },
    { name: "a helper namespace's function", receiver: time, key: "Parse", expected: fn },
    { name: "a helper namespace's constant", receiver: time, key: "RFC3339", expected: "2006-01-02T15:04:05Z07:00" },
    { name: "a tagged map's key", receiver: withGoType({ k: "v" }, "map[string]string"), key: "k", expected: "v" },
    { name: "a Map's entry", receiver: new Map([["k", 2]]), key: "k", expected: 2 },
    { name: "a Map's entry of another key type", receiver: new Map([[3, "three"]]), key: 3, expected: "three" },
  ] as const;
  for (const c of values) it(`reads ${c.name}`, () => expect(reach(c.receiver, c.key)).toEqual(c.expected));

  const maps: ReadonlyArray<readonly [string, unknown]> = [
    ["a plain map", { a: 1 }],
    ["a null-prototype namespace", time],
    ["a frozen namespace", stringsHelpers],
    ["a Map", new Map([["a", 1]])],
    ["a tagged map", withGoType({ a: 1 }, "map[string]string")],
  ];
  for (const [what, receiver] of maps) {
    it(`reads nothing inherited from ${what}`, () => {
      for (const key of adversarial) expect(reach(receiver, key)).toBe(noValue);
    });
  }

  const nothing: ReadonlyArray<readonly [string, unknown]> = [
    ["a function", fn],
    ["an arrow function", () => 1],
    ["a list", [1, 2]],
    ["a tagged list", withGoType(["a"], "[]string")],
    ["a byte slice", new Uint8Array([1])],
    ["a string", "abc"],
    ["a number", 3],
    ["a boolean", true],
    ["nil", null],
    ["undefined", undefined],
    ["a host object", new Host()],
    ["a Date", new Date(0)],
    ["a RegExp", /x/],
    ["a Promise", Promise.resolve(1)],
  ];
  for (const [what, receiver] of nothing) {
    it(`reaches nothing on ${what}`, () => {
      for (const key of [...adversarial, "Run", "Field", "0", "Format"]) expect(reach(receiver, key)).toBe(noField);
    });
  }

  it("finds the exported methods of Go values, bound to them", () => {
    const t = new GoTime(86400);
    const format = reach(t, "Format");
    expect(format).toBeInstanceOf(Method);
    expect((format as Method).call(["2006-01-02"])).toBe("1970-01-02");
    expect((reach(new GoDuration(3_600_000_000_000), "Hours") as Method).call([])).toBe(1);
    expect((reach(new GoMonth(2), "String") as Method).call([])).toBe("February");
    expect(reach(new GoFloat(2), "valueOf")).toBe(noField);
  });

  it("tells an unexported field of a Go value from a name it lacks, and reaches no inherited or lower-case name", () => {
    const t = new GoTime(0);
    expect(reach(t, "sec")).toBe(unexportedField);
    for (const key of [...adversarial, "format", "civil", "inOffset", "Constructor", "Nope"]) {
      expect(reach(t, key)).toBe(noField);
    }
  });
});

describe("sortedEntries()", () => {
  it("orders keys as Go does and reads each through reach()", () => {
    expect(sortedEntries({ b: 2, a: 1, B: 0 })).toEqual([["B", 0], ["a", 1], ["b", 2]]);
    expect(sortedEntries(new Map<unknown, unknown>([[10, "x"], [9, "y"]]))).toEqual([[9, "y"], [10, "x"]]);
    expect(sortedEntries(jsonMap)).toEqual([["__proto__", { x: 2 }], ["a", 1], ["constructor", "own"]]);
  });
});
