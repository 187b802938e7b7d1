import { describe, expect, it } from "vitest";
import { lex } from "../../../../lib/templates/go/lexer.ts";

const shape = (src: string): string[] => lex(src).map((t) => `${t.type}:${t.val}`);

describe("lex()", () => {
  const cases = [
    { name: "plain text", input: "hello", expected: ["text:hello", "eof:"] },
    {
      name: "an action with a field chain",
      input: "a {{.x.y}} b",
      expected: ["text:a ", "leftDelim:{{", "field:.x", "field:.y", "rightDelim:}}", "text: b", "eof:"],
    },
    {
      name: "trim markers remove the surrounding white space",
      input: "a \n {{- .x -}} \n b",
      expected: ["text:a", "leftDelim:{{", "field:.x", "rightDelim:}}", "text:b", "eof:"],
    },
    {
      name: "a negative number is not a trim marker",
      input: "{{-3}}",
      expected: ["leftDelim:{{", "number:-3", "rightDelim:}}", "eof:"],
    },
    { name: "comments vanish", input: "a{{/* c */}}b", expected: ["text:a", "text:b", "eof:"] },
    {
      name: "keywords, variables and declarations",
      input: "{{range $i, $v := .}}",
      expected: [
        "leftDelim:{{",
        "range:range",
        "space: ",
        "variable:$i",
        "char:,",
        "space: ",
        "variable:$v",
        "space: ",
        "declare::=",
        "space: ",
        "dot:.",
        "rightDelim:}}",
        "eof:",
      ],
    },
    {
      name: "strings, raw strings, characters and bools",
      input: '{{"a\\"b" `r` \'c\' true nil}}',
      expected: [
        "leftDelim:{{",
        'string:"a\\"b"',
        "space: ",
        "rawString:`r`",
        "space: ",
        "charConstant:'c'",
        "space: ",
        "bool:true",
        "space: ",
        "nil:nil",
        "rightDelim:}}",
        "eof:",
      ],
    },
    {
      name: "numbers in Go syntax",
      input: "{{0x1F 1_000 1.5e3 0b1 .5 1i}}",
      expected: [
        "leftDelim:{{",
        "number:0x1F",
        "space: ",
        "number:1_000",
        "space: ",
        "number:1.5e3",
        "space: ",
        "number:0b1",
        "space: ",
        "number:.5",
        "space: ",
        "number:1i",
        "rightDelim:}}",
        "eof:",
      ],
    },
    {
      name: "pipes and parentheses",
      input: "{{(.a | f)}}",
      expected: [
        "leftDelim:{{",
        "leftParen:(",
        "field:.a",
        "space: ",
        "pipe:|",
        "space: ",
        "identifier:f",
        "rightParen:)",
        "rightDelim:}}",
        "eof:",
      ],
    },
  ] as const;
  for (const c of cases) it(`tokenizes ${c.name}`, () => expect(shape(c.input)).toEqual(c.expected));

  const errors = [
    { input: "{{.a", message: "unclosed action" },
    { input: "{{.a[0]}}", message: "bad character U+005B '['" },
    { input: '{{"x}}', message: "unterminated quoted string" },
    { input: "{{`x}}", message: "unterminated raw quoted string" },
    { input: "{{/* x }}", message: "unclosed comment" },
    { input: "{{/* x */ y}}", message: "comment ends before closing delimiter" },
    { input: "{{3x}}", message: 'bad number syntax: "3x"' },
    { input: "{{(.a}}", message: "unclosed left paren" },
    { input: "{{.a)}}", message: "unexpected right paren U+0029 ')'" },
    { input: "{{€}}", message: "unrecognized character in action: U+20AC '€'" },
  ] as const;
  for (const e of errors) {
    it(`reports ${JSON.stringify(e.message)} and stops`, () => {
      const tokens = lex(e.input);
      expect(tokens.at(-1)).toMatchObject({ type: "error", val: e.message });
    });
  }

  it("records 1-based lines", () => {
    const tokens = lex("a\nb {{.x}}\n{{.y}}");
    expect(tokens.filter((t) => t.type === "field").map((t) => t.line)).toEqual([2, 3]);
  });
});
