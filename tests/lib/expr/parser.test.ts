import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Node } from "../../../lib/expr/ast.ts";
import { SyntaxFailure } from "../../../lib/expr/_failure.ts";
import { parse } from "../../../lib/expr/parser.ts";

/** A compact S-expression of a tree, to compare shapes in tables. */
function show(n: Node): string {
  switch (n.kind) {
    case "Nil":
      return "nil";
    case "Bool":
    case "Int":
    case "Float":
      return String(n.value);
    case "String":
      return JSON.stringify(n.value);
    case "Bytes":
      return `b${JSON.stringify(n.value)}`;
    case "Ident":
      return n.name;
    case "Pointer":
      return `#${n.name}`;
    case "Unary":
      return `(${n.op} ${show(n.node)})`;
    case "Binary":
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case "Member":
      return `(${n.optional ? "?." : "."} ${show(n.node)} ${show(n.property)})`;
    case "Chain":
      return `(chain ${show(n.node)})`;
    case "Slice":
      return `(slice ${show(n.node)} ${n.from ? show(n.from) : "_"} ${n.to ? show(n.to) : "_"})`;
    case "Call":
      return `(call ${show(n.callee)}${n.args.map((a) => ` ${show(a)}`).join("")})`;
    case "Builtin":
      return `(${n.name}${n.args.map((a) => ` ${show(a)}`).join("")})`;
    case "Predicate":
      return `{${show(n.node)}}`;
    case "Conditional":
      return `(? ${show(n.cond)} ${show(n.yes)} ${show(n.no)})`;
    case "Array":
      return `[${n.nodes.map(show).join(" ")}]`;
    case "Map":
      return `{${n.pairs.map((p) => `${show(p.key)}:${show(p.value)}`).join(" ")}}`;
    case "Let":
      return `(let ${n.name} ${show(n.value)} ${show(n.body)})`;
    case "Sequence":
      return `(seq ${n.nodes.map(show).join(" ")})`;
  }
}

describe("parse()", () => {
  const cases = [
    { name: "binds * tighter than +", input: "1 + 2 * 3", expected: "(+ 1 (* 2 3))" },
    { name: "makes ** right-associative", input: "2 ** 3 ** 2", expected: "(** 2 (** 3 2))" },
    { name: "binds unary minus looser than **", input: "-2 ** 2", expected: "(- (** 2 2))" },
    { name: "binds not looser than arithmetic and tighter than ==", input: "not a == b", expected: "(== (not a) b)" },
    { name: "negates a whole method chain with !", input: "!t.Before(u)", expected: '(! (call (. t "Before") u))' },
    { name: "reads `not in` as one operator", input: "a not in b", expected: "(not (in a b))" },
    { name: "binds and tighter than or", input: "a or b and c", expected: "(or a (and b c))" },
    { name: "chains comparisons with &&", input: "1 < x < 3", expected: "(&& (< 1 x) (< x 3))" },
    { name: "wraps optional members in a chain", input: "a?.b.c", expected: '(chain (. (?. a "b") "c"))' },
    { name: "parses ?.[", input: "a?.[0]", expected: "(chain (?. a 0))" },
    { name: "parses ?? tighter than +", input: "1 + a ?? 2", expected: "(+ 1 (?? a 2))" },
    { name: "parses a predicate with .field", input: "any(xs, {.a == 1})", expected: '(any xs {(== (. # "a") 1)})' },
    { name: "parses a brace-less predicate", input: "all(xs, # > 0)", expected: "(all xs {(> # 0)})" },
    { name: "parses pipes as calls", input: "xs | map(# * 2)", expected: "(map xs {(* # 2)})" },
    { name: "parses slices", input: "a[1:]", expected: "(slice a 1 _)" },
    { name: "parses ternaries", input: "a ? b : c", expected: "(? a b c)" },
    { name: "parses ?: as a ternary on the condition", input: "a ?: c", expected: "(? a a c)" },
    { name: "parses let", input: "let x = 1; x", expected: "(let x 1 x)" },
    { name: "parses if/else", input: "if a { 1 } else { 2 }", expected: "(? a 1 2)" },
    { name: "parses map literals with name keys", input: "{a: 1, 'b': 2}", expected: '{"a":1 "b":2}' },
    { name: "accepts word operators as member names", input: "a.in", expected: '(. a "in")' },
    { name: "parses a multi-line list", input: "p in ['Error',\n  'Failed']", expected: '(in p ["Error" "Failed"])' },
    { name: "parses number forms", input: "[0x1F, 1_000, 1e3, .5, 0b11]", expected: "[31 1000 1000 0.5 3]" },
  ];
  for (const c of cases) it(c.name, () => expect(show(parse(c.input))).toBe(c.expected));

  const errors = [
    { name: "rejects mixing ?? with +", input: "a ?? b + c", at: 7 },
    { name: "rejects a dangling operator", input: "1 +", at: 3 },
    { name: "rejects # outside predicates", input: "# > 1", at: 0 },
    { name: "rejects an unclosed string", input: "'abc", at: 4 },
    { name: "rejects an unclosed comment", input: "1 /* x", at: 6 },
    { name: "rejects integers out of range", input: "99999999999999999999", at: 0 },
    { name: "rejects trailing tokens", input: "a b", at: 2 },
  ];
  for (const c of errors) {
    it(c.name, () => {
      let caught: unknown;
      try {
        parse(c.input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SyntaxFailure);
      expect((caught as SyntaxFailure).pos).toBe(c.at);
    });
  }

  it("throws nothing but SyntaxFailure on arbitrary input", () => {
    const alphabet = fc.constantFrom(
      ..."ab.?#:;,()[]{}'\"`!=<>&|+-*/%^ 019xe_$\n\\".split(""),
      "not ",
      " in ",
      "and",
      "or",
      "let ",
      "if ",
      "else",
      "nil",
      "true",
      "any(",
      "map(",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 30 }).map((xs) => xs.join(""))), (src) => {
        try {
          parse(src);
        } catch (e) {
          if (!(e instanceof SyntaxFailure)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
