import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringsHelpers } from "../../../lib/argocd/mod.ts";
import { timeHelpers } from "../../../lib/argocd/mod.ts";
import { type Limits, resolveLimits } from "../../../lib/limits.ts";
import { compileLiquidTemplate, createLiquidEngine } from "../../../lib/liquid/liquid.ts";
import { changedGlobals, globalsSnapshot } from "../../_helpers/globals.ts";

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
    {
      name: "takes now from the render, in UTC",
      source: "{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}",
      expected: "2024-01-02 03:04:05",
    },
    { name: "formats dates in UTC", source: "{{ '2024-06-01T12:00:00Z' | date: '%H:%M' }}", expected: "12:00" },
    {
      name: "hides prototypes",
      source: "[{{ app.constructor }}{{ app.__proto__ }}{{ app.metadata.hasOwnProperty }}]",
      expected: "[]",
    },
  ] as const;
  for (const c of rendered) {
    it(`${c.name}`, () => {
      expect(render(c.source)).toEqual({ _tag: "Right", right: c.expected });
    });
  }

  const parseErrors = [
    {
      name: "reports an unclosed tag with its position",
      source: "a\n{% if x %}",
      message: "tag {% if x %} not closed",
      line: 2,
    },
    {
      name: "rejects an unknown filter at parse time",
      source: "{{ x | shout }}",
      message: "undefined filter: shout",
      line: 1,
    },
  ] as const;
  for (const c of parseErrors) {
    it(c.name, () => {
      expect(render(c.source)).toMatchObject({
        _tag: "Left",
        left: { _tag: "TemplateParse", message: c.message, line: c.line },
      });
    });
  }

  it("finds no partials on a file system", () => {
    expect(render("{% include 'secrets.txt' %}")).toMatchObject({ _tag: "Left", left: { _tag: "TemplateRender" } });
  });
});

describe("compileLiquidTemplate(): no way from a value to code (#7)", () => {
  const data = () => ({
    app: JSON.parse('{"metadata":{"name":"gb"},"list":[3,1,2],"size":"own","__proto__":{"x":1}}') as unknown,
    time: timeHelpers(now),
    strings: stringsHelpers,
  });
  const cases = [
    {
      source: "[{{ app.constructor }}|{{ app.constructor.constructor }}|{{ app['constructor']['constructor'] }}]",
      out: "[||]",
    },
    {
      source: "[{{ app.__proto__.constructor }}|{{ app.prototype }}|{{ app.toString }}|{{ app.valueOf }}]",
      out: "[|||]",
    },
    {
      source: "[{{ app.list.constructor }}|{{ app.metadata.name.constructor }}|{{ app.metadata.name.toUpperCase }}]",
      out: "[||]",
    },
    { source: "[{{ app.__proto__.x }}]", out: "[1]" },
    { source: "[{{ constructor }}|{{ __proto__ }}|{{ toString }}|{{ hasOwnProperty }}]", out: "[|||]" },
    {
      source: "[{{ app.list.size }}|{{ app.size }}|{{ app.metadata.size }}|{{ app.list.first }}|{{ app.list.last }}]",
      out: "[3|own|1|3|2]",
    },
    {
      source: "[{{ app.list | size }}|{{ app.metadata.name | size }}|{{ app.list | first }}|{{ app.list | last }}]",
      out: "[3|2|3|2]",
    },
    {
      source: '[{{ app.list | map: "constructor" | join: "," }}|{{ app.list | where: "constructor" | size }}]',
      out: "[,,|0]",
    },
    {
      source: '[{{ app.list | sort: "constructor" | join: "," }}|{{ app.list | sort | join: "," }}]',
      out: "[3,1,2|1,2,3]",
    },
    { source: '[{{ "x" | append: app.constructor }}|{{ app.constructor | default: "none" }}]', out: "[x|none]" },
    {
      source:
        '[{{ app.list | sum: "constructor" }}|{{ app.list | group_by: "constructor" | size }}|{{ app.list | where_exp: "x", "x.constructor" | size }}|{{ app.list | find_exp: "x", "x.constructor.name" }}]',
      out: "[0|1|0|]",
    },
    {
      source: "[{{ time.Now }}|{{ time.Now.constructor }}|{{ time.Now.Unix }}|{{ time.Hour }}]",
      out: "[2024-01-02 03:04:05 +0000 UTC|||1h0m0s]",
    },
    { source: "[{{ time.constructor }}|{{ time.__proto__ }}|{{ strings.constructor }}]", out: "[||]" },
    { source: "{% capture constructor %}c{% endcapture %}[{{ constructor }}]", out: "[c]" },
    { source: "{% assign __proto__ = app %}[{{ metadata.name }}]", out: "[]" },
    { source: "{% increment app %}{% increment app %}[{{ app }}]", out: "01[2]" },
  ] as const;
  for (const c of cases) {
    it(`reaches no code: ${c.source}`, () => {
      const before = globalsSnapshot();
      const vars = data();
      const copy = JSON.stringify(vars);
      expect(render(c.source, vars)).toEqual({ _tag: "Right", right: c.out });
      expect(JSON.stringify(vars)).toBe(copy);
      expect(changedGlobals(before, globalsSnapshot())).toEqual([]);
    });
  }

  const failing = [
    { name: "a helper function read without its arguments fails", source: "{{ strings.ToUpper }}" },
    {
      name: "enumerating a helper namespace calls its functions, never yields one",
      source: "{% for p in strings %}{{ p[1] }}{% endfor %}",
    },
  ] as const;
  for (const c of failing) {
    it(c.name, () => {
      const r = render(c.source, data());
      expect(r).toMatchObject({
        _tag: "Left",
        left: { _tag: "TemplateRender", message: expect.stringMatching(/^invalid number of arguments/) },
      });
    });
  }
});

describe("compileLiquidTemplate(): limits (#7)", () => {
  const big = Array.from({ length: 10_000 }, (_, i) => i);
  const cases: ReadonlyArray<
    { name: string; source: string; limit: keyof Limits; limits?: Partial<Limits>; ticks: number }
  > = [
    {
      name: "a range of a billion, before it is built",
      source: "{% for i in (1..1000000000) %}{{ i | tick }}{% endfor %}",
      limit: "templateSteps",
      ticks: 0,
    },
    {
      name: "nested loops over data",
      source: "{% for a in big %}{% for b in big %}{% if b | tick %}{% endif %}{% endfor %}{% endfor %}",
      limit: "templateSteps",
      ticks: 63_000,
    },
    {
      name: "loops with empty bodies",
      source: "{% for a in big %}{% for b in big %}{% endfor %}{{ a | tick }}{% endfor %}",
      limit: "templateSteps",
      ticks: 25,
    },
    {
      name: "a join in a loop",
      source: '{% for a in big %}{{ a | tick }}{% assign s = big | join: "," %}{% endfor %}',
      limit: "templateSteps",
      ticks: 100,
    },
    {
      name: "the output, as it grows",
      source: "{% for i in (1..1000) %}{{ i | tick }}xxxxxxxxxx{% endfor %}",
      limit: "maxOutputLength",
      limits: { maxOutputLength: 1000 },
      ticks: 100,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: LimitExceeded ${c.limit}`, () => {
      const limits = resolveLimits(c.limits ?? {});
      const engine = createLiquidEngine();
      let ticks = 0;
      engine.registerFilter("tick", (v: unknown) => {
        ticks++;
        return v;
      });
      const t = compileLiquidTemplate(c.source, engine);
      if (t._tag === "Left") throw new Error(t.left.message);
      const r = t.right.render({ big }, { now, limits });
      expect(r._tag === "Left" ? r.left._tag : r._tag).toBe("LimitExceeded");
      if (r._tag === "Left") expect(r.left.message).toContain(`limit exceeded: ${c.limit} (${limits[c.limit]})`);
      expect(ticks).toBeLessThanOrEqual(c.ticks);
    });
  }
});

describe("compileLiquidTemplate(): data nested too deeply to print (#7)", () => {
  const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as unknown;
  const cases = ["{{ l }}", "{{ l | json }}", "{% for x in l %}{{ x }}{% endfor %}"] as const;
  for (const source of cases) {
    it(`fails with maxValueDepth instead of a stack overflow: ${source}`, () => {
      expect(render(source, { l: deep })).toMatchObject({
        _tag: "Left",
        left: {
          _tag: "LimitExceeded",
          message: "limit exceeded: maxValueDepth (100): the data nests more than 100 levels deep",
        },
      });
    });
  }
  it("still reads a deep value's shallow parts", () =>
    expect(render("{{ l | size }}", { l: deep })).toEqual({ _tag: "Right", right: "1" }));
});

describe("compileLiquidTemplate(): generated templates over adversarial names (#7)", () => {
  const names = [
    "constructor",
    "__proto__",
    "prototype",
    "toString",
    "valueOf",
    "call",
    "apply",
    "bind",
    "length",
    "name",
    "size",
    "first",
    "last",
    "Now",
    "Parse",
    "a",
  ];
  const chain = fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 4 });
  const root = fc.constantFrom("app", "time", "strings", "forloop", "constructor");
  const filter = fc.constantFrom(
    "",
    " | size",
    " | first",
    " | json",
    ' | map: "constructor"',
    ' | where: "__proto__"',
    ' | sort: "toString"',
    " | join",
    ' | default: "d"',
    " | upcase",
  );
  const tag = fc.oneof(
    fc.tuple(root, chain, filter).map(([r, c, f]) => `{{ ${r}.${c.join(".")}${f} }}`),
    fc.tuple(root, chain).map(([r, c]) => `{% for x in ${r}.${c.join(".")} %}{{ x }}{{ x.${c[0]} }}{% endfor %}`),
    fc.tuple(fc.constantFrom(...names), root, chain).map(([n, r, c]) =>
      `{% assign ${n.replace(/^_+/, "v")} = ${r}.${c.join(".")} %}{% increment ${n.replace(/^_+/, "v")} %}`
    ),
  );
  // Printable ASCII but `>`, `[` and `f`: a string of the data is output as it is, so a data string "=>" once failed
  // the property with no function in sight. Without those characters the data cannot spell `=>`, `[native code]` or
  // `function`, alone or next to what else a template outputs (`false`, `[null`, `[object Object]`, numbers): a match is
  // a function's source.
  const dataChar = fc.constantFrom(
    ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !">[f".includes(c)),
  );
  const json = fc.jsonValue({ maxDepth: 3, stringUnit: dataChar }).map((v) =>
    JSON.parse(
      JSON.stringify({ __proto__: 1, constructor: v, a: [v] }).replace(
        '"__proto__":1',
        '"__proto__":{"constructor":1}',
      ),
    ) as unknown
  );

  it("never throws, never changes its variables, a prototype or globalThis", () => {
    const before = globalsSnapshot();
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 4 }), json, (tags, app) => {
        const vars = { app, time: timeHelpers(now), strings: stringsHelpers };
        const copy = JSON.stringify(vars);
        const t = compileLiquidTemplate(tags.join(""), createLiquidEngine());
        if (t._tag === "Right") {
          const r = t.right.render(vars, { now, limits: resolveLimits({ templateSteps: 10_000 }) });
          if (r._tag === "Left") expect(["TemplateRender", "LimitExceeded"]).toContain(r.left._tag);
          else expect(r.right).not.toMatch(/=>|function|\[native code\]/);
        }
        expect(JSON.stringify(vars)).toBe(copy);
        expect(changedGlobals(before, globalsSnapshot())).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
