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
    // Element types the checker infers (found by scripts/oracle/expr-fuzz.ts): ranges and same-kind literals.
    { name: "rejects a non-bool predicate over a range", input: "filter(2..0, {#})" },
    { name: "rejects ! on the int elements of a range", input: "any(1..3, {!#})" },
    { name: "rejects a field of an int element", input: "filter(1..3, {.x})" },
    { name: "rejects a non-bool predicate over a literal of ints", input: "count([1, 2], {#})" },
    { name: "rejects a non-bool predicate over map()'s map elements", input: "filter(map(xs, {{}}), {#})" },
    { name: "types count() as int", input: "count(xs, {true}) + 'a'" },
    { name: "types all() as bool", input: "all(xs, {true}) + 1" },
    { name: "types a nil branch of ?: as the other branch", input: "(x ? nil : 1) + 'a'" },
    { name: "types a folded `x and true` as bool", input: "-(x and true)" },
    { name: "types a folded `x or false` as bool", input: "'a' contains (x or false)" },
    { name: "rejects in with an element of another type", input: "'a' in 1..3" },
    { name: "types an index into map()'s bools as bool", input: "-map(xs, {true})[0]" },
    { name: "rejects len() without its argument", input: "len()" },
    { name: "rejects len() with two arguments", input: "len(a, b)" },
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

  const runs = [
    { name: "keeps the first of duplicate map keys, as expr's VM", input: "{a: 1, a: 2}.a", vars: {}, expected: 1 },
    { name: "passes any value through unary +", input: "+s", vars: { s: "ab" }, expected: "ab" },
    { name: "walks a string's bytes in a predicate builtin", input: "map(s, {#})", vars: { s: "aé" }, expected: [97, 195, 169] },
    { name: "counts over an empty string", input: "count(s, {true})", vars: { s: "" }, expected: 0 },
    { name: "iterates an empty map zero times", input: "count(m, {true})", vars: { m: {} }, expected: 0 },
    { name: "still maps a range's ints", input: "map(1..3, {# * 2})", vars: {}, expected: [2, 4, 6] },
  ];
  for (const c of runs) it(c.name, () => expect(evaluate(c.input, c.vars)).toEqual(c.expected));

  it("fails on the first element of a non-empty map in a predicate builtin", () => {
    expect(() => evaluate("count(m, {true})", { m: { a: 1 } })).toThrow("reflect: call of reflect.Value.Index on map Value");
  });

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
