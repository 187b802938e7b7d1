import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mergePatch } from "../../../lib/rules/mod.ts";

// RFC 7386, appendix A.
const cases = [
  [{ a: "b" }, { a: "c" }, { a: "c" }],
  [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
  [{ a: "b" }, { a: null }, {}],
  [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
  [{ a: ["b"] }, { a: "c" }, { a: "c" }],
  [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
  [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
  [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
  [["a", "b"], ["c", "d"], ["c", "d"]],
  [{ a: "b" }, ["c"], ["c"]],
  [{ a: "foo" }, null, null],
  [{ a: "foo" }, "bar", "bar"],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: "b", c: null }, { a: "b" }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
] as const;

describe("mergePatch()", () => {
  cases.forEach(([target, patch, expected], i) => {
    it(`applies RFC 7386 example ${i + 1}`, () => {
      expect(mergePatch(target, patch)).toEqual(expected);
    });
  });

  it("never modifies its inputs, and a patch without nulls reads back from the result", () => {
    const json = fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), {
      maxKeys: 4,
    });
    fc.assert(fc.property(json, json, (target, patch) => {
      const before = JSON.stringify([target, patch]);
      const out = mergePatch(target, patch) as Record<string, unknown>;
      expect(JSON.stringify([target, patch])).toBe(before);
      for (const [k, v] of Object.entries(patch)) expect(out[k]).toEqual(v);
    }));
  });
});
