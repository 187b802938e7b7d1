import { describe, expect, it } from "vitest";
import { isNamespace, namespace } from "../../../lib/expr/namespace.ts";

describe("namespace()", () => {
  it("makes a frozen null-prototype table with the members as own data properties", () => {
    const f = (): number => 1;
    const ns = namespace({ f, k: 2, ["__proto__"]: 3 } as Record<string, unknown>);
    expect(Object.getPrototypeOf(ns)).toBe(null);
    expect(Object.isFrozen(ns)).toBe(true);
    expect(Object.keys(ns)).toEqual(["f", "k", "__proto__"]);
    expect(ns["f"]).toBe(f);
    expect(Object.getOwnPropertyDescriptor(ns, "k")).toEqual({ value: 2, writable: false, enumerable: true, configurable: false });
  });

  it("keeps a __proto__ member as an own property", () => {
    const members = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(namespace(members), "__proto__")?.value).toBe(1);
  });

  it("refuses a constructor member that is Object", () => {
    expect(() => namespace({ constructor: Object })).toThrow(TypeError);
    expect(Object.keys(namespace({ constructor: () => 1 }))).toEqual(["constructor"]);
  });
});

describe("isNamespace()", () => {
  const cases = [
    { name: "a namespace", value: namespace({}), expected: true },
    { name: "a plain map", value: {}, expected: false },
    { name: "a frozen null-prototype map", value: Object.freeze(Object.create(null) as object), expected: false },
    { name: "JSON naming the mark", value: JSON.parse('{"expr namespace": true}') as object, expected: false },
  ];
  for (const c of cases) it(`${c.name} → ${c.expected}`, () => expect(isNamespace(c.value)).toBe(c.expected));
});
