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

/** Freezes an object graph, so that any write to it throws (or is caught by the comparison afterwards). */
function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

describe("compileGoTemplate(): functions that change their arguments", () => {
  const data = () => ({
    app: { metadata: { name: "gb", labels: { team: "a" } }, list: [{ k: "v" }] },
    context: Object.defineProperty({ argocdUrl: "https://cd" }, Symbol.for("notifications-engine.goType"), {
      value: "map[string]string",
    }),
  });
  const cases = [
    { name: "set is seen later in the same render", src: '{{$_ := set .app "x" 1}}{{.app.x}}', out: "1", mutates: true },
    { name: "set through a variable", src: '{{$m := .app.metadata}}{{$_ := set $m "name" "z"}}{{.app.metadata.name}}', out: "z", mutates: true },
    { name: "unset removes a key", src: '{{$_ := unset .app.metadata "labels"}}{{.app.metadata.labels}}', out: "<no value>", mutates: true },
    {
      name: "merge fills missing keys of the first map",
      src: '{{$_ := merge .app.metadata (dict "ns" "argocd")}}{{.app.metadata.ns}}',
      out: "argocd",
      mutates: true,
    },
    {
      name: "mergeOverwrite inside a defined template",
      src: '{{define "T"}}{{$_ := mergeOverwrite .metadata.labels (dict "team" "b")}}{{end}}{{template "T" .app}}{{.app.metadata.labels.team}}',
      out: "b",
      mutates: true,
    },
    { name: "set on a list element", src: '{{$_ := set (index .app.list 0) "k" "w"}}{{(index .app.list 0).k}}', out: "w", mutates: true },
    {
      name: "the copy keeps Go types: context is still a map[string]string",
      src: '{{set .context "x" "y"}}',
      out: 'ERROR template: t:1:6: executing "t" at <.context>: wrong type for value; expected map[string]interface {}; got map[string]string',
      mutates: true,
    },
    { name: "a template without such functions is not marked", src: "{{.app.metadata.name}} {{dict \"a\" 1}}", out: "gb map[a:1]", mutates: false },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const input = deepFreeze(data());
      const before = JSON.stringify(input);
      const t = compileGoTemplate(c.src, { name: "t" });
      if (t._tag === "Left") throw new Error(t.left.message);
      expect(t.right.mutates).toBe(c.mutates);
      const r = t.right.render(input, { now: 0 });
      expect(r._tag === "Right" ? r.right : `ERROR ${r.left.message}`).toBe(c.out);
      expect(JSON.stringify(input)).toBe(before);
      // A second render starts from the caller's data again.
      expect(t.right.render(input, { now: 0 })).toEqual(r);
    });
  }

  it("changes data handed over with ownsData, as Go's shared maps", () => {
    const t = compileGoTemplate('{{$_ := set .app "x" 1}}', { name: "t" });
    if (t._tag === "Left") throw new Error(t.left.message);
    const owned = { app: {} as Record<string, unknown> };
    t.right.render(owned, { now: 0, ownsData: true });
    expect(owned.app).toEqual({ x: 1 });
  });
});
