import { describe, expect, it } from "vitest";
import { type ArgNode, nodeString } from "../../../../lib/templates/go/ast.ts";

const field = (...ident: string[]): ArgNode => ({ type: "field", pos: 0, ident });
const str = (text: string): ArgNode => ({ type: "string", pos: 0, quoted: JSON.stringify(text), text });

describe("nodeString()", () => {
  const cases = [
    { name: "a field chain", node: field("app", "metadata", "name"), out: ".app.metadata.name" },
    { name: "a variable with fields", node: { type: "variable", pos: 0, ident: ["$x", "a"] } as ArgNode, out: "$x.a" },
    {
      name: "a chain on a parenthesised pipeline",
      node: {
        type: "chain",
        pos: 0,
        node: {
          type: "pipe",
          pos: 0,
          isAssign: false,
          decl: [],
          cmds: [{ type: "command", pos: 0, args: [{ type: "identifier", pos: 0, ident: "call" }, field("f")] }],
        },
        field: ["Unix"],
      } as ArgNode,
      out: "(call .f).Unix",
    },
    {
      name: "a template call with a quoted name",
      node: { type: "template", pos: 0, name: 'a"b', pipe: undefined } as const,
      out: '{{template "a\\"b"}}',
    },
    {
      name: "a command with a nested pipeline argument",
      node: {
        type: "command",
        pos: 0,
        args: [{ type: "identifier", pos: 0, ident: "printf" }, str("%s"), {
          type: "pipe",
          pos: 0,
          isAssign: false,
          decl: [],
          cmds: [{ type: "command", pos: 0, args: [field("a")] }, {
            type: "command",
            pos: 0,
            args: [{ type: "identifier", pos: 0, ident: "len" }],
          }],
        }],
      } as const,
      out: 'printf "%s" (.a | len)',
    },
  ] as const;
  for (const c of cases) it(`prints ${c.name} as Go does`, () => expect(nodeString(c.node)).toBe(c.out));
});
