import { describe, expect, it } from "vitest";
import { setEntry } from "../../../../lib/templates/go/map-entry.ts";

describe("setEntry()", () => {
  const keys = ["a", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];
  for (const key of keys) {
    it(`sets "${key}" as an own entry and leaves the prototype alone`, () => {
      const m: Record<string, unknown> = {};
      const value = { x: 1 };
      setEntry(m, key, value);
      expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
      expect(Object.keys(m)).toEqual([key]);
      expect(Object.getOwnPropertyDescriptor(m, key)?.value).toBe(value);
      setEntry(m, key, 2);
      expect(Object.getOwnPropertyDescriptor(m, key)?.value).toBe(2);
      expect(JSON.stringify(m)).toBe(`{"${key}":2}`);
    });
  }
});
