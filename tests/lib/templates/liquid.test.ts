import { describe, expect, it } from "vitest";
import { compileLiquidTemplate, createLiquidEngine } from "../../../lib/templates/liquid.ts";

const vars = {
  app: { metadata: { name: "guestbook" }, status: { conditions: [{ type: "A" }, { type: "B" }] } },
  serviceType: "slack",
};
const now = Date.parse("2024-01-02T03:04:05Z");

function render(source: string, v: Record<string, unknown> = vars): unknown {
  const t = compileLiquidTemplate(source, createLiquidEngine());
  return t._tag === "Left" ? t : t.right.render(v, { now });
}

describe("compileLiquidTemplate()", () => {
  const rendered = [
    { name: "prints a nested variable", source: "Hi {{ app.metadata.name }}", expected: "Hi guestbook" },
    { name: "renders a missing variable as empty", source: "[{{ app.spec.source.repoURL }}]", expected: "[]" },
    { name: "loops zero times over a missing list", source: "{% for c in app.nope %}x{% endfor %}.", expected: "." },
    {
      name: "loops over a list",
      source: "{% for c in app.status.conditions %}{% unless forloop.first %},{% endunless %}{{ c.type }}{% endfor %}",
      expected: "A,B",
    },
    { name: "compares strings", source: '{% if serviceType == "slack" %}:ok:{% endif %}', expected: ":ok:" },
    { name: "takes now from the render, in UTC", source: "{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}", expected: "2024-01-02 03:04:05" },
    { name: "formats dates in UTC", source: "{{ '2024-06-01T12:00:00Z' | date: '%H:%M' }}", expected: "12:00" },
    { name: "hides prototypes", source: "[{{ app.constructor }}{{ app.__proto__ }}{{ app.metadata.hasOwnProperty }}]", expected: "[]" },
  ] as const;
  for (const c of rendered) {
    it(`${c.name}`, () => {
      expect(render(c.source)).toEqual({ _tag: "Right", right: c.expected });
    });
  }

  const parseErrors = [
    { name: "reports an unclosed tag with its position", source: "a\n{% if x %}", message: "tag {% if x %} not closed", line: 2 },
    { name: "rejects an unknown filter at parse time", source: "{{ x | shout }}", message: "undefined filter: shout", line: 1 },
  ] as const;
  for (const c of parseErrors) {
    it(c.name, () => {
      expect(render(c.source)).toMatchObject({ _tag: "Left", left: { _tag: "TemplateParse", message: c.message, line: c.line } });
    });
  }

  it("finds no partials on a file system", () => {
    expect(render("{% include 'secrets.txt' %}")).toMatchObject({ _tag: "Left", left: { _tag: "TemplateRender" } });
  });
});
