/**
 * lib/go/regexp.ts against re2js 2.10.0 (pinned; a port of RE2/J, itself a port of Go's regexp) on patterns and
 * inputs generated from the RE2 grammar of tests/_helpers/regexp-grammar.ts: compile success and message, every match
 * of FindAllStringSubmatchIndex (positions and groups), MatchString (the DFA), and ReplaceAllLiteralString. A moderate
 * number of cases here; `npx tsx scripts/oracle/regexp-fuzz.ts 200000` runs many more. Where re2js is not Go, the Go
 * oracle goldens (tests/conformance/templates/sprig-regex-fuzz.json) decide.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareWithRe2js } from "../../_helpers/re2js-oracle.ts";
import { goCase } from "../../_helpers/regexp-grammar.ts";

describe("GoRegexp against re2js", () => {
  it("agrees on generated patterns and inputs", () => {
    fc.assert(
      fc.property(goCase, ({ pattern, inputs }) => {
        for (const input of inputs) {
          const r = compareWithRe2js(pattern, input);
          expect(r.kind === "diff" ? r : "agree").toBe("agree");
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("agrees on long inputs, where the matchers switch engines and the DFA fills up", () => {
    fc.assert(
      fc.property(goCase, fc.integer({ min: 20, max: 400 }), ({ pattern, inputs }, times) => {
        const r = compareWithRe2js(pattern, (inputs[0] ?? "").repeat(times) + (inputs[1] ?? ""));
        expect(r.kind === "diff" ? r : "agree").toBe("agree");
      }),
      { numRuns: 150 },
    );
  });

  const cases = [
    { name: "leftmost-first alternation", pattern: "(a|ab)(c|bcd)(d*)", input: "abcd" },
    { name: "lazy and greedy repetitions", pattern: "(a+?)(a*)(a{2,3}?)", input: "aaaaaaa" },
    { name: "empty matches next to matches", pattern: "a*|b", input: "baaacb" },
    { name: "an empty-matching loop body", pattern: "(|a)*", input: "aa" },
    { name: "nested captures in a loop", pattern: "((a)|(b))+", input: "abab" },
    { name: "multi-line anchors", pattern: "(?m)^(\\w+)$", input: "one\ntwo\n\nthree" },
    { name: "word boundaries around non-ASCII", pattern: "\\b\\w+\\b", input: "héllo wörld_1" },
    { name: "case folding of K, S and σ", pattern: "(?i)k+s+σ+", input: "kK\u212aSsſΣσς" },
    { name: "astral characters in classes", pattern: "[😀-😂]+|.", input: "a😁😂b😃" },
    { name: "a long input for the Pike VM", pattern: "(x+x+)+y|(x)(x)$", input: "x".repeat(20_000) },
    { name: "a DFA with many states", pattern: "(a|b)*a(a|b){8}", input: "ab".repeat(3_000) + "aaaaaaaaa" },
  ] as const;
  for (const c of cases) {
    it(`agrees on ${c.name}`, () => {
      expect(compareWithRe2js(c.pattern, c.input)).toMatchObject({ kind: "compiled" });
    });
  }
});
