import { describe, expect, it } from "vitest";
import { tokenize } from "../../../lib/expr/lexer.ts";

describe("tokenize()", () => {
  const cases = [
    {
      name: "reads word operators",
      input: "a and b",
      expected: ["Identifier:a", "Operator:and", "Identifier:b", "EOF:"],
    },
    {
      name: "joins not with a negatable operator",
      input: "a not  in b",
      expected: ["Identifier:a", "Operator:not", "Operator:in", "Identifier:b", "EOF:"],
    },
    { name: "keeps not alone before other words", input: "not a", expected: ["Operator:not", "Identifier:a", "EOF:"] },
    {
      name: "reads ?. and ??",
      input: "a?.b??c",
      expected: ["Identifier:a", "Operator:?.", "Identifier:b", "Operator:??", "Identifier:c", "EOF:"],
    },
    { name: "stops numbers before ..", input: "1..3", expected: ["Number:1", "Operator:..", "Number:3", "EOF:"] },
    { name: "unescapes strings", input: "'a\\n\\u00e9\\x41'", expected: ["String:a\né" + "A", "EOF:"] },
    { name: "keeps raw strings raw", input: "`a\\n``b`", expected: ["String:a\\n`b", "EOF:"] },
    { name: "skips comments", input: "1 // c\n/* d */ 2", expected: ["Number:1", "Number:2", "EOF:"] },
    { name: "reads #index as two tokens", input: "#index", expected: ["Operator:#", "Identifier:index", "EOF:"] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(tokenize(c.input).map((t) => `${t.kind}:${t.value}`)).toEqual(c.expected));
  }
});
