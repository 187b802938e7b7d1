/**
 * The prototype-pollution canary (tests/_shim/integrity.ts) finds what a test changes on the built-in prototypes and
 * `globalThis`, names it, and puts it back. #7
 */
import { describe, expect, it } from "vitest";
import { checkIntegrity, integrityChecks, takeIntegritySnapshot } from "./_shim/integrity.ts";

/** Pollutes like an escaped template would, runs the canary's check, and returns what it reported. */
function polluteAndCheck(pollute: () => void): string {
  const before = takeIntegritySnapshot();
  pollute();
  try {
    checkIntegrity(before);
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

const cases: readonly { name: string; pollute: () => void; reported: RegExp }[] = [
  {
    name: "a property added to Object.prototype",
    pollute: () => Object.defineProperty(Object.prototype, "polluted", { value: 1, configurable: true }),
    reported: /Object\.prototype\.polluted: added/,
  },
  {
    name: "a method of Array.prototype replaced",
    pollute: () =>
      Object.defineProperty(Array.prototype, "map", { value: () => [], configurable: true, writable: true }),
    reported: /Array\.prototype\.map: changed/,
  },
  {
    name: "a method of String.prototype deleted",
    pollute: () => Reflect.deleteProperty(String.prototype, "trim"),
    reported: /String\.prototype\.trim: deleted/,
  },
  {
    name: "Function.prototype.call made enumerable",
    pollute: () => Object.defineProperty(Function.prototype, "call", { enumerable: true }),
    reported: /Function\.prototype\.call: changed/,
  },
  {
    name: "a global variable added",
    pollute: () => Object.defineProperty(globalThis, "leaked", { value: 1, configurable: true }),
    reported: /globalThis\.leaked: added/,
  },
  {
    name: "a symbol-keyed property added to Object.prototype",
    pollute: () => Object.defineProperty(Object.prototype, Symbol.for("polluted"), { value: 1, configurable: true }),
    reported: /Object\.prototype\.Symbol\(polluted\): added/,
  },
];

describe("checkIntegrity", () => {
  for (const c of cases) {
    it(`checkIntegrity() reports and undoes ${c.name}`, () => {
      expect(polluteAndCheck(c.pollute)).toMatch(c.reported);
      expect(polluteAndCheck(() => {})).toBe("");
      expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
      expect(Object.hasOwn(globalThis, "leaked")).toBe(false);
      expect([1].map((x) => x + 1)).toEqual([2]);
      expect(" a ".trim()).toBe("a");
      expect(Object.getOwnPropertyDescriptor(Function.prototype, "call")?.enumerable).toBe(false);
    });
  }

  it("checkIntegrity() runs after every test of this file", () => {
    expect(integrityChecks.count).toBeGreaterThanOrEqual(cases.length * 2 + cases.length);
  });
});
