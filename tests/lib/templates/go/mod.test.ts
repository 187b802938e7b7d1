import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGoTemplate } from "../../../../lib/templates/go/mod.ts";

describe("compileGoTemplate()", () => {
  it("renders the seed's message", () => {
    const t = compileGoTemplate("Certificate {{.cert.metadata.name}} is ready!", { name: "cert-ready" });
    expect(t._tag).toBe("Right");
    if (t._tag === "Right") {
      expect(t.right.render({ cert: { metadata: { name: "web" } } }, { now: 0 })).toEqual({
        _tag: "Right",
        right: "Certificate web is ready!",
      });
    }
  });

  it("returns a TemplateParse diagnostic with Go's message and position", () => {
    const t = compileGoTemplate("ok\n  {{.a[0]}}", { name: "app-sync-succeeded" });
    expect(t).toMatchObject({
      _tag: "Left",
      left: {
        _tag: "TemplateParse",
        message: "template: app-sync-succeeded:2: bad character U+005B '['",
        line: 2,
      },
    });
  });

  it("returns a TemplateRender diagnostic with line and column", () => {
    const t = compileGoTemplate("Hi\n  {{.app.foo.bar}}", { name: "app-sync-succeeded" });
    if (t._tag === "Left") throw new Error(t.left.message);
    expect(t.right.render({ app: { foo: "x" } }, { now: 0 })).toEqual({
      _tag: "Left",
      left: {
        _tag: "TemplateRender",
        severity: "error",
        message:
          'template: app-sync-succeeded:2:8: executing "app-sync-succeeded" at <.app.foo.bar>: can\'t evaluate field bar in type interface {}',
        line: 2,
        column: 9,
      },
    });
  });

  it("never throws, whatever the source and data", () => {
    const pieces = fc.constantFrom(
      "{{", "}}", "{{-", "-}}", " ", ".", ".a", ".b", "$", "$x", ":=", "|", "(", ")", "if", "else", "end", "range",
      "with", "define", "template", '"T"', "break", "nil", "1", "index", "len", "print", "printf", '"%d"', "eq", "call",
      "and", "or", "not", "slice", "html", "js", "urlquery", "x",
    );
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), json, json, (parts, a, b) => {
        const t = compileGoTemplate(parts.join(""), { name: "p" });
        if (t._tag === "Right") t.right.render({ a, b }, { now: 0 });
      }),
      { numRuns: 2000 },
    );
  });
});
