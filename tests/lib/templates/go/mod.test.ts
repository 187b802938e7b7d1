import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGoTemplate, type GoFunc, goFunc, newBudget } from "../../../../lib/templates/go/mod.ts";
import { sprigFunctions } from "../../../../lib/templates/sprig/mod.ts";
import { type Limits, resolveLimits } from "../../../../lib/limits.ts";

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
      "{{",
      "}}",
      "{{-",
      "-}}",
      " ",
      ".",
      ".a",
      ".b",
      "$",
      "$x",
      ":=",
      "|",
      "(",
      ")",
      "if",
      "else",
      "end",
      "range",
      "with",
      "define",
      "template",
      '"T"',
      "break",
      "nil",
      "1",
      "index",
      "len",
      "print",
      "printf",
      '"%d"',
      "eq",
      "call",
      "and",
      "or",
      "not",
      "slice",
      "html",
      "js",
      "urlquery",
      "x",
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
    {
      name: "set is seen later in the same render",
      src: '{{$_ := set .app "x" 1}}{{.app.x}}',
      out: "1",
      mutates: true,
    },
    {
      name: "set through a variable",
      src: '{{$m := .app.metadata}}{{$_ := set $m "name" "z"}}{{.app.metadata.name}}',
      out: "z",
      mutates: true,
    },
    {
      name: "unset removes a key",
      src: '{{$_ := unset .app.metadata "labels"}}{{.app.metadata.labels}}',
      out: "<no value>",
      mutates: true,
    },
    {
      name: "merge fills missing keys of the first map",
      src: '{{$_ := merge .app.metadata (dict "ns" "argocd")}}{{.app.metadata.ns}}',
      out: "argocd",
      mutates: true,
    },
    {
      name: "mergeOverwrite inside a defined template",
      src:
        '{{define "T"}}{{$_ := mergeOverwrite .metadata.labels (dict "team" "b")}}{{end}}{{template "T" .app}}{{.app.metadata.labels.team}}',
      out: "b",
      mutates: true,
    },
    {
      name: "set on a list element",
      src: '{{$_ := set (index .app.list 0) "k" "w"}}{{(index .app.list 0).k}}',
      out: "w",
      mutates: true,
    },
    {
      name: "the copy keeps Go types: context is still a map[string]string",
      src: '{{set .context "x" "y"}}',
      out:
        'ERROR template: t:1:6: executing "t" at <.context>: wrong type for value; expected map[string]interface {}; got map[string]string',
      mutates: true,
    },
    {
      name: "a template without such functions is not marked",
      src: '{{.app.metadata.name}} {{dict "a" 1}}',
      out: "gb map[a:1]",
      mutates: false,
    },
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

describe("compileGoTemplate(): limits (#7)", () => {
  const big = Array.from({ length: 100_000 }, (_, i) => i);
  const deep = JSON.parse("[".repeat(150) + "]".repeat(150)) as unknown;
  const lists = Array.from({ length: 3000 }, (_, i) => [i]);
  const probes = { calls: 0 };
  const functions: Readonly<Record<string, GoFunc>> = {
    ...sprigFunctions,
    tick: goFunc({ params: [] }, () => {
      probes.calls++;
      return "";
    }),
  };
  const defaults = resolveLimits();
  const dag = '{{$l := list "x"}}{{range 40}}{{$l = list $l $l}}{{end}}';
  const cases: ReadonlyArray<{
    name: string;
    src: string;
    limit: keyof Limits;
    limits?: Partial<Limits>;
    /** Most steps the render may have counted: it stopped before doing more. */
    steps?: number;
    /** Most calls of `tick` (one per loop iteration): the work done, counted outside the budget. */
    ticks?: number;
  }> = [
    {
      name: "until 1000000000 fails before building the list",
      src: "{{until 1000000000}}",
      limit: "maxListLength",
      steps: 10,
    },
    {
      name: "seq 100000000 fails before building the list",
      src: "{{seq 100000000}}",
      limit: "maxListLength",
      steps: 10,
    },
    {
      name: "untilStep counts before building",
      src: "{{untilStep 0 1000000000 2}}",
      limit: "maxListLength",
      steps: 10,
    },
    {
      name: "repeat 100000000 fails before building the string",
      src: '{{repeat 100000000 "x"}}',
      limit: "maxStringLength",
      steps: 10,
    },
    {
      name: "until 5000000 | join fails at until",
      src: '{{until 5000000 | join ","}}',
      limit: "maxListLength",
      steps: 10,
    },
    {
      name: "join checks the string it would build",
      src: '{{until 100000 | join ","}}',
      limit: "maxStringLength",
      limits: { maxStringLength: 100_000 },
    },
    {
      name: "append in a range of 300,000 is stopped by the budget",
      src: "{{$l := list}}{{range 300000}}{{tick}}{{$l = append $l .}}{{end}}",
      limit: "templateSteps",
      ticks: 1500,
    },
    {
      name: "prepend in a loop likewise",
      src: "{{$l := list}}{{range 300000}}{{tick}}{{$l = prepend $l .}}{{end}}",
      limit: "templateSteps",
      ticks: 1500,
    },
    {
      name: "has over 100,000 items in a loop",
      src: "{{range 300000}}{{tick}}{{$_ := has 99999 $.big}}{{end}}",
      limit: "templateSteps",
      ticks: 10,
    },
    { name: "concat past maxListLength", src: "{{concat .big .big}}", limit: "maxListLength", steps: 300_000 },
    {
      name: "splitList into runes past maxListLength",
      src: '{{splitList "" (repeat 200000 "a")}}',
      limit: "maxListLength",
      steps: 30_000,
    },
    { name: "b64enc checks the encoding's length", src: '{{b64enc (repeat 900000 "x")}}', limit: "maxStringLength" },
    { name: "b32enc checks the encoding's length", src: '{{b32enc (repeat 700000 "x")}}', limit: "maxStringLength" },
    { name: "printf padding", src: '{{printf "%1000000d%1000000d" 1 2}}', limit: "maxStringLength", steps: 10 },
    { name: "indent", src: '{{indent 100000 (repeat 20 "a\\n")}}', limit: "maxStringLength", steps: 20 },
    { name: "replace", src: '{{replace "a" (repeat 1000 "b") (repeat 10000 "a")}}', limit: "maxStringLength" },
    { name: "wrapWith", src: '{{wrapWith 1 (repeat 100 "-") (repeat 100000 "x")}}', limit: "maxStringLength" },
    { name: "quote of long values", src: '{{$s := repeat 600000 "x"}}{{quote $s $s}}', limit: "maxStringLength" },
    { name: "printing a list that shares itself at every level", src: `${dag}{{$l}}`, limit: "maxStringLength" },
    { name: "print of the same", src: `${dag}{{print $l}}`, limit: "maxStringLength" },
    { name: "toJson of the same", src: `${dag}{{toJson $l}}`, limit: "maxStringLength" },
    { name: "toString of the same", src: `${dag}{{toString $l}}`, limit: "maxStringLength" },
    { name: "deepCopy of the same", src: `${dag}{{deepCopy $l}}`, limit: "templateSteps" },
    {
      name: "deepEqual of two copies of the same",
      src:
        '{{$a := list "x"}}{{$b := list "x"}}{{range 40}}{{$a = list $a $a}}{{$b = list $b $b}}{{end}}{{deepEqual $a $b}}',
      limit: "templateSteps",
    },
    {
      name: "uniq over 3,000 distinct lists, compared pairwise",
      src: "{{tick}}{{uniq .lists}}",
      limit: "templateSteps",
      ticks: 1,
    },
    {
      name: "printing a map that contains itself",
      src: '{{$d := dict}}{{$_ := set $d "self" $d}}{{$d}}',
      limit: "maxValueDepth",
    },
    {
      name: "toJson of a map that contains itself",
      src: '{{$d := dict}}{{$_ := set $d "self" $d}}{{toJson $d}}',
      limit: "maxValueDepth",
    },
    {
      name: "merge of a map that contains itself",
      src: '{{$d := dict}}{{$_ := set $d "self" $d}}{{merge $d $d}}',
      limit: "maxValueDepth",
    },
    {
      name: "deepEqual of deep values",
      src: "{{$a := list}}{{$b := list}}{{range 150}}{{$a = list $a}}{{$b = list $b}}{{end}}{{deepEqual $a $b}}",
      limit: "maxValueDepth",
    },
    { name: "eq converting deep data", src: "{{eq .deep .deep}}", limit: "maxValueDepth" },
    { name: "printf converting deep data", src: '{{printf "%v" .deep}}', limit: "maxValueDepth" },
    { name: "copying deep data for a template that changes it", src: '{{$_ := set $ "x" 1}}', limit: "maxValueDepth" },
    {
      name: "fromJson of a deep text",
      src: `{{fromJson "${"[".repeat(150)}${"]".repeat(150)}"}}`,
      limit: "maxValueDepth",
    },
    {
      name: "fromJson of a long list",
      src: '{{fromJson (printf "[%s0]" (repeat 200000 "0,"))}}',
      limit: "maxListLength",
    },
    {
      name: "template recursion",
      src: '{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}',
      limit: "maxTemplateDepth",
    },
    { name: "output", src: "{{range 100000}}xxxxxxxxxxxx{{end}}", limit: "maxOutputLength" },
    { name: "a silent loop", src: "{{range 2000000}}{{end}}", limit: "templateSteps" },
    {
      name: "a small budget, set by the caller",
      src: "{{range 100}}{{tick}}{{end}}",
      limit: "templateSteps",
      limits: { templateSteps: 150 },
      ticks: 75,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: LimitExceeded ${c.limit}`, () => {
      const limits = resolveLimits(c.limits ?? {});
      const budget = newBudget(limits);
      probes.calls = 0;
      const t = compileGoTemplate(c.src, { name: "t", functions });
      if (t._tag === "Left") throw new Error(t.left.message);
      const r = t.right.render({ big, deep, lists }, { now: 0, budget });
      expect(r._tag === "Left" ? r.left._tag : r._tag).toBe("LimitExceeded");
      if (r._tag === "Left") expect(r.left.message).toContain(`limit exceeded: ${c.limit} (${limits[c.limit]})`);
      expect(budget.steps).toBeLessThanOrEqual(c.steps ?? limits.templateSteps + limits.maxListLength);
      if (c.ticks !== undefined) expect(probes.calls).toBeLessThanOrEqual(c.ticks);
    });
  }

  const linear = [
    { name: "uniq of 100,000 distinct numbers", src: "{{len (uniq .big)}}", out: "100000" },
    { name: "without of 100,000 numbers", src: "{{len (without .big 1 2 3)}}", out: "99997" },
    { name: "has at the end of 100,000 numbers", src: "{{has 99999 .big}}", out: "true" },
    { name: "uniq of 100,000 numbers as strings", src: "{{len (uniq (toStrings .big))}}", out: "100000" },
  ] as const;
  for (const c of linear) {
    it(`${c.name} takes steps linear in the list`, () => {
      const budget = newBudget(defaults);
      const t = compileGoTemplate(c.src, { name: "t" });
      if (t._tag === "Left") throw new Error(t.left.message);
      expect(t.right.render({ big }, { now: 0, budget })).toEqual({ _tag: "Right", right: c.out });
      expect(budget.steps).toBeLessThan(6 * big.length);
    });
  }
});
