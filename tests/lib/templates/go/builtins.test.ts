import { describe, expect, it } from "vitest";
import { builtins } from "../../../../lib/templates/go/builtins.ts";
import { noValue } from "../../../../lib/templates/go/_value.ts";

const ctx = { now: 0 };

function call(name: string, args: readonly unknown[], boxed: readonly boolean[] = []): unknown {
  const b = builtins[name];
  if (b === undefined) throw new TypeError(`no builtin ${name}`);
  try {
    return b.fn(ctx, args, boxed);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe("builtins", () => {
  const cases = [
    { name: "eq", args: ["a", "b", "a"], out: true },
    { name: "eq", args: [1, 1.5], out: "error: incompatible types for comparison" },
    { name: "eq", args: [noValue, "x"], out: false },
    { name: "eq", args: [noValue, null], out: true },
    { name: "eq", args: [1], out: "error: missing argument for comparison" },
    { name: "ne", args: [1, 2], out: true },
    { name: "lt", args: ["a", "b"], out: true },
    { name: "lt", args: [noValue, 1], out: "error: invalid type for comparison" },
    { name: "lt", args: [true, false], out: "error: invalid type for comparison" },
    { name: "le", args: [2, 2], out: true },
    { name: "gt", args: [2.5, 1.5], out: true },
    { name: "ge", args: [1, 2], out: false },
    { name: "not", args: [""], out: true },
    { name: "not", args: [{ a: 1 }], out: false },
    { name: "len", args: ["héllo"], out: 6 },
    { name: "len", args: [{ a: 1, b: 2 }], out: 2 },
    { name: "len", args: [null], out: "error: len of nil pointer" },
    { name: "len", args: [3], out: "error: len of type int" },
    { name: "index", args: [[10, 20], 1], out: 20 },
    { name: "index", args: [{ a: { b: "c" } }, "a", "b"], out: "c" },
    { name: "index", args: [{ a: 1 }, "z"], out: null },
    { name: "index", args: ["abc", 0], out: 97 },
    { name: "index", args: [[1], 2], out: "error: index out of range: 2" },
    { name: "index", args: [noValue, 0], out: "error: index of untyped nil" },
    { name: "slice", args: ["hello", 1, 3], out: "el" },
    { name: "slice", args: [[1, 2, 3], 1], out: [2, 3] },
    { name: "slice", args: [[1, 2, 3], 2, 1], out: "error: invalid slice index: 2 > 1" },
    { name: "print", args: ["a", 1, 2, "b", noValue], out: "a1 2b<nil>" },
    { name: "println", args: ["a", 1], out: "a 1\n" },
    { name: "printf", args: ["%05.1f|%-4d|%q", 3.14159, 7, "x"], out: '003.1|7   |"x"' },
    { name: "html", args: [noValue], out: "&lt;no value&gt;" },
    { name: "js", args: ["</script>"], out: "\\u003C/script\\u003E" },
    { name: "urlquery", args: ["a b", 1], out: "a b1".replace(" ", "+") },
    { name: "call", args: [(a: unknown, b: unknown) => `${String(a)}${String(b)}`, "x", noValue], out: "xnull" },
    { name: "call", args: ["s"], out: "error: non-function of type string" },
    { name: "call", args: [noValue], out: "error: call of nil" },
  ] as const;
  for (const c of cases) {
    it(`${c.name}(${c.args.map((a) => (typeof a === "symbol" ? "<missing>" : JSON.stringify(a) ?? "fn")).join(", ")})`, () => {
      expect(call(c.name, c.args)).toEqual(c.out);
    });
  }

  it("reports data integers as int64, as JSON decodes them in Go", () => {
    expect(call("len", [3], [true])).toBe("error: len of type int64");
    expect(call("printf", ["%T %T", 3, 3], [false, true, false])).toBe("int64 int");
  });
});
