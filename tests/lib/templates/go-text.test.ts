import { describe, expect, it } from "vitest";
import { compileGoText } from "../../../lib/templates/go-text.ts";

const vars = { app: { metadata: { name: "guestbook" }, n: null }, serviceType: "slack" };

function run(source: string) {
  const t = compileGoText(source, "app-sync");
  return t._tag === "Left" ? t : t.right.render(vars, { now: 0 });
}

describe("compileGoText()", () => {
  const rendered = [
    { name: "prints a field chain", source: "Hi {{.app.metadata.name}}", expected: "Hi guestbook" },
    {
      name: "prints <no value> for a missing key, as Go does",
      source: "{{.app.spec.source.repoURL}}",
      expected: "<no value>",
    },
    { name: "compares with eq", source: '{{if eq .serviceType "slack"}}:ok:{{end}}', expected: ":ok:" },
    { name: "trims around {{- -}}", source: "a  {{- .serviceType -}}  b", expected: "aslackb" },
  ] as const;
  for (const c of rendered) {
    it(c.name, () => {
      expect(run(c.source)).toEqual({ _tag: "Right", right: c.expected });
    });
  }

  it("reports a parse error with its position, without Go's template: prefix", () => {
    expect(run("line\n{{.app.metadata.name")).toMatchObject({
      _tag: "Left",
      left: { _tag: "TemplateParse", line: 2, message: "unclosed action" },
    });
  });

  it("reports an execution error with its position and Go's explanation", () => {
    const r = run("{{len .app.nothing}}");
    expect(r).toMatchObject({ _tag: "Left", left: { _tag: "TemplateRender", line: 1 } });
    if (r._tag === "Left") {
      expect(r.left.message).toMatch(/^executing "app-sync" at <len \.app\.nothing>: error calling len: /);
    }
  });
});
