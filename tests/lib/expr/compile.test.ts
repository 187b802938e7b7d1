import { describe, expect, it } from "vitest";
import { SyntaxFailure } from "../../../lib/expr/_failure.ts";
import type { Ctx } from "../../../lib/expr/_run.ts";
import { compileTree } from "../../../lib/expr/compile.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { parse } from "../../../lib/expr/parser.ts";

const evaluate = (src: string, vars: Record<string, unknown> = {}): unknown => {
  const { fn, slots } = compileTree(parse(src), { functions: {}, helpers: true });
  const ctx: Ctx = { vars, now: 0, limits: defaultLimits, steps: 0, utf8: undefined, el: null, idx: 0, acc: null, locals: new Array<unknown>(slots), timeNs: undefined };
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
    { name: "folds `x and 1 == 2` (int == int folds)", input: "x.y.z and 1 == 2", vars: {}, expected: false },
    { name: "folds `x and 'a' != ''` to x (string == string folds)", input: "x and 'a' != ''", vars: { x: "s" }, expected: "s" },
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

  // expr's optimizer folds `==` only between two ints, two strings or two bools (found by scripts/oracle/expr-fuzz.ts).
  const notFolded = [
    { name: "float == nil", input: "x.y.z and 1.5 == nil" },
    { name: "int == float", input: "x.y.z and 1 == 1.5" },
    { name: "nil == nil", input: "x.y.z or nil == nil" },
    { name: "float != float", input: "x.y.z and 1.5 != 1.5" },
  ];
  for (const c of notFolded) {
    it(`evaluates x in \`x and <${c.name}>\`: that comparison is not folded`, () => {
      expect(() => evaluate(c.input, {})).toThrow("cannot fetch");
    });
  }

  // A string's (or []byte's) element is a Go uint8: negating it wraps, as expr's runtime.Negate keeps the type;
  // arithmetic and comparisons convert it to int (v1.17). Go's answers through the oracle.
  const bytes = [
    { name: "negates a string's byte as a uint8", input: "-s[1]", vars: { s: "hello" }, expected: 155 },
    { name: "negates a multibyte character's first byte", input: "-s[1]", vars: { s: "héllo" }, expected: 61 },
    { name: "negates twice back to the byte", input: "-(-s[1])", vars: { s: "abc" }, expected: 98 },
    { name: "negates through unary +", input: "-+s[1]", vars: { s: "abc" }, expected: 158 },
    { name: "adds a negated byte as an int", input: "-s[0] + 1", vars: { s: "abc" }, expected: 160 },
    { name: "compares a negated byte as an int", input: "-s[1] == 158", vars: { s: "abc" }, expected: true },
    { name: "negates zero to zero", input: "-s[0]", vars: { s: "\u0000" }, expected: 0 },
    { name: "negates a []byte element as a uint8", input: "-b'abc'[1]", vars: {}, expected: 158 },
    { name: "still negates an array's int", input: "-xs[0]", vars: { xs: [3] }, expected: -3 },
    { name: "still negates a map's int by key", input: "-m[k]", vars: { m: { a: 3 }, k: "a" }, expected: -3 },
    { name: "negates a string's element in a predicate as a uint8", input: "map(s, {-#})", vars: { s: "abc" }, expected: [159, 158, 157] },
    { name: "still negates an array's element in a predicate", input: "map(xs, {-#})", vars: { xs: [1] }, expected: [-1] },
    { name: "restores the outer element's kind after a nested predicate", input: "map(s, {map([5], {-#})[0] + -#})", vars: { s: "a" }, expected: [154] },
    // v1.17's builtin.Type reports the reflect kind uint8 as "uint" (hand-checked: 1.8.9 has no type()).
    { name: "types a string's byte as uint", input: "type(s[1])", vars: { s: "abc" }, expected: "uint" },
    { name: "types a string's element in a predicate as uint", input: "map(s, {type(#)})", vars: { s: "a" }, expected: ["uint"] },
    { name: "still types an array's int as int", input: "type(xs[0])", vars: { xs: [1] }, expected: "int" },
  ];
  for (const c of bytes) it(c.name, () => expect(evaluate(c.input, c.vars)).toEqual(c.expected));

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
