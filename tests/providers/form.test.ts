import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { encodeForm, queryEscape } from "../../providers/form.ts";

describe("queryEscape()", () => {
  const cases = [
    { input: "a b", expected: "a+b" },
    { input: "*~-._", expected: "%2A~-._" },
    { input: "!'()", expected: "%21%27%28%29" },
    { input: ":/?#[]@", expected: "%3A%2F%3F%23%5B%5D%40" },
    { input: "é", expected: "%C3%A9" },
  ] as const;
  for (const c of cases) {
    it(`escapes ${c.input} as Go's url.QueryEscape`, () => expect(queryEscape(c.input)).toBe(c.expected));
  }
});

describe("encodeForm()", () => {
  it("sorts keys and keeps each key's values in order", () => {
    expect(encodeForm({ b: ["2", "1"], a: "x y", c: [] })).toBe("a=x+y&b=2&b=1");
  });

  it("decodes back to the same values (property)", () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.string()), (values) => {
      const decoded = Object.fromEntries(new URLSearchParams(encodeForm(values)));
      expect(decoded).toEqual(Object.fromEntries(Object.entries(values)));
    }));
  });
});
