import { describe, expect, it } from "vitest";
import { SyntaxFailure } from "../../../lib/expr/_failure.ts";
import { compileTree, type Ctx } from "../../../lib/expr/compile.ts";
import { parse } from "../../../lib/expr/parser.ts";

const evaluate = (src: string, vars: Record<string, unknown> = {}): unknown => {
  const { fn, slots } = compileTree(parse(src), { functions: {}, helpers: true });
  const ctx: Ctx = { vars, now: 0, el: null, idx: 0, acc: null, locals: new Array<unknown>(slots), steps: 0, timeNs: undefined };
  return fn(ctx);
};

describe("compileTree()", () => {
  const compileErrors = [
    { name: "rejects string + int literals", input: "'a' + 1" },
    { name: "rejects not on an int literal", input: "not 1" },
    { name: "rejects ordering against nil", input: "nil < 1" },
    { name: "rejects and with nil", input: "x and nil" },
    { name: "rejects in on a string literal", input: "'a' in 'b'" },
    { name: "rejects a literal modulo by zero", input: "1 % 0" },
    { name: "rejects an invalid literal regexp", input: "x matches '['" },
    { name: "rejects a non-bool literal predicate", input: "all(xs, {1})" },
    { name: "rejects a predicate builtin over a literal map", input: "any({a: 1}, {# == 1})" },
    { name: "rejects indexing a string literal", input: "'abc'[0]" },
  ];
  for (const c of compileErrors) {
    it(c.name, () => expect(() => evaluate(c.input)).toThrow(SyntaxFailure));
  }

  const folding = [
    { name: "folds `true and x` to x without checking x", input: "true and x", vars: { x: "s" }, expected: "s" },
    { name: "folds `x and false` to false without evaluating x", input: "x.y.z and false", vars: {}, expected: false },
    { name: "folds `x or true` to true without evaluating x", input: "x.y.z or true", vars: {}, expected: true },
  ];
  for (const c of folding) it(c.name, () => expect(evaluate(c.input, c.vars)).toBe(c.expected));

  it("reads only own properties, never the prototype", () => {
    expect(evaluate("m.constructor", { m: {} })).toBe(null);
    expect(evaluate("m['__proto__']", { m: {} })).toBe(null);
    expect(evaluate("m.a.toString", { m: { a: {} } })).toBe(null);
  });

  it("looks string-literal lists up as a set, with Go's nil and type quirks", () => {
    expect(evaluate("x in ['', 'a']", {})).toBe(true);
    expect(() => evaluate("x in ['a']", { x: 1 })).toThrow();
  });
});
