import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeString } from "../../../../lib/templates/go/ast.ts";
import { ParseFailure, parseTemplate } from "../../../../lib/templates/go/parser.ts";

const known = new Set(["print", "printf", "len", "eq", "index", "call"]);
const parse = (src: string) => parseTemplate("t", src, (f) => known.has(f));

describe("parseTemplate()", () => {
  const printed = [
    { src: "a {{.x.y}} b", printed: "a {{.x.y}} b" },
    {
      src: "{{if .a}}x{{else if .b}}y{{else}}z{{end}}",
      printed: "{{if .a}}x{{else}}{{if .b}}y{{else}}z{{end}}{{end}}",
    },
    {
      src: "{{range $i, $v := .l}}{{$i}}{{else}}none{{end}}",
      printed: "{{range $i, $v := .l}}{{$i}}{{else}}none{{end}}",
    },
    { src: "{{with $x := .a}}{{$x.b}}{{end}}", printed: "{{with $x := .a}}{{$x.b}}{{end}}" },
    { src: '{{.a | printf "%s-%s" "x"}}', printed: '{{.a | printf "%s-%s" "x"}}' },
    { src: "{{(index .l 0).name}}", printed: "{{(index .l 0).name}}" },
    { src: "{{$x := 1}}{{$x = 2}}", printed: "{{$x := 1}}{{$x := 2}}" },
    { src: '{{template "T" .}}', printed: '{{template "T" .}}' },
    { src: "{{- /* c */ -}} a {{/* d */}}", printed: "a " },
  ] as const;
  for (const c of printed) {
    it(`prints ${JSON.stringify(c.src)} back as Go's String() does`, () => {
      const tree = parse(c.src).trees.get("t");
      expect(tree === undefined ? undefined : nodeString(tree)).toBe(c.printed);
    });
  }

  it("collects define and block bodies as named trees", () => {
    const set = parse('{{define "A"}}a{{end}}{{block "B" .}}b{{end}}');
    expect([...set.trees.keys()].sort()).toEqual(["A", "B", "t"]);
    expect(nodeString(set.trees.get("t") ?? { type: "list", pos: 0, nodes: [] })).toBe('{{template "B" .}}');
  });

  it("keeps Go's position of a field chain (its second segment)", () => {
    const root = parse("Hi {{.a.b}}").trees.get("t");
    const action = root?.nodes[1];
    expect(action?.type === "action" ? action.pipe.cmds[0]?.args[0]?.pos : undefined).toBe(7);
  });

  const errors = [
    { src: "{{if}}", message: "template: t:1: missing value for if" },
    { src: "{{end}}", message: "template: t:1: unexpected {{end}}" },
    { src: "{{if .a}}", message: "template: t:1: unexpected EOF" },
    { src: "{{nofunc}}", message: 'template: t:1: function "nofunc" not defined' },
    { src: "{{$u}}", message: 'template: t:1: undefined variable "$u"' },
    { src: "{{.a | 3}}", message: "template: t:1: non executable command in pipeline stage 2" },
    { src: "{{break}}", message: "template: t:1: {{break}} outside {{range}}" },
    { src: "a\n{{.a[0]}}", message: "template: t:2: bad character U+005B '['" },
    {
      src: '{{define "T"}}a{{end}}{{define "T"}}b{{end}}',
      message: 'template: t:1: template: multiple definition of template "T"',
    },
    { src: "{{range $a, $b, $c := .}}{{end}}", message: "template: t:1: too many declarations in range" },
    { src: "{{if .a}}{{else}}{{else}}{{end}}", message: "template: t:1: expected end; found {{else}}" },
    { src: "{{if .a\n}}", message: "template: t:2: unexpected EOF" },
    { src: "{{" + "(".repeat(1000) + "1" + ")".repeat(1000) + "}}", message: "nesting deeper than 200 levels" },
    { src: "{{if 1}}".repeat(1000), message: "nesting deeper than 200 levels" },
  ] as const;
  for (const e of errors) {
    it(`rejects ${JSON.stringify(e.src)}`, () => {
      expect(() => parse(e.src)).toThrow(e.message);
    });
  }

  it("never throws anything but ParseFailure on arbitrary input", () => {
    const pieces = fc.constantFrom(
      "{{",
      "}}",
      "{{-",
      "-}}",
      " ",
      "\n",
      ".",
      ".a",
      "$",
      "$x",
      ":=",
      "=",
      "|",
      "(",
      ")",
      ",",
      "if",
      "else",
      "end",
      "range",
      "with",
      "define",
      "template",
      "block",
      "break",
      "continue",
      "nil",
      "true",
      '"s"',
      "`r`",
      "'c'",
      "1",
      "-2",
      "1.5e3",
      "print",
      "len",
      "/*",
      "*/",
      "x",
      "[",
      "é",
    );
    const source = fc.oneof(
      fc.string({ unit: "grapheme-composite" }),
      fc.array(pieces, { maxLength: 30 }).map((a) => a.join("")),
    );
    fc.assert(
      fc.property(source, (src) => {
        try {
          parse(src);
        } catch (e) {
          if (!(e instanceof ParseFailure)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
