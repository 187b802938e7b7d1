import { describe, expect, it } from "vitest";
import { timeHelpers } from "../../../../lib/expr/helpers/time.ts";
import { resolveFunctions } from "../../../../lib/templates/go/exec.ts";
import { goFunc, GoFuncError } from "../../../../lib/templates/go/func.ts";
import { compileGoTemplate, type GoTemplateOptions } from "../../../../lib/templates/go/mod.ts";
import { GoTime } from "../../../../lib/values/time.ts";
import { type Limits, resolveLimits } from "../../../../lib/limits.ts";

const now = Date.UTC(2024, 0, 1, 0, 30);

function render(
  source: string,
  vars: Readonly<Record<string, unknown>>,
  options: Partial<GoTemplateOptions> = {},
  limits: Partial<Limits> = {},
): string {
  const t = compileGoTemplate(source, { name: "t", ...options });
  if (t._tag === "Left") return `PARSE ${t.left.message}`;
  const r = t.right.render(vars, { now, limits: resolveLimits(limits) });
  return r._tag === "Right" ? r.right : `${r.left._tag === "LimitExceeded" ? "LIMIT" : "ERROR"} ${r.left.message}`;
}

const argo = {
  time: timeHelpers(now),
  app: { status: { operationState: { startedAt: "2024-01-01T00:00:00Z" } }, metadata: { name: "gb" } },
};

describe("execute(): Go methods and host functions", () => {
  const cases = [
    {
      name: "calls a niladic method then one with an argument (corpus)",
      src: '{{(call .time.Parse .app.status.operationState.startedAt).Local.Format "2006-01-02T15:04:05Z07:00"}}',
      out: "2024-01-01T00:00:00Z",
    },
    { name: "reads a method result as a field", src: "{{(call .time.Now).Unix}}", out: "1704069000" },
    {
      name: "chains methods across parenthesised calls",
      src: "{{ ((call .time.Now).Sub (call .time.Parse .app.status.operationState.startedAt)).Minutes }}",
      out: "30",
    },
    { name: "prints a time with its String method", src: "{{call .time.Now}}", out: "2024-01-01 00:30:00 +0000 UTC" },
    { name: "compares a time.Month with an int", src: "{{(call .time.Now).Month}} {{eq (call .time.Now).Month 1}}", out: "January true" },
    { name: "prints durations", src: "{{.time.Hour}}", out: "1h0m0s" },
    { name: "pipes into call", src: '{{"2024-05-06T07:08:09Z" | call .time.Parse}}', out: "2024-05-06 07:08:09 +0000 UTC" },
    {
      name: "reports a host function's failure as Go's call error",
      src: '{{call .time.Parse "bad"}}',
      out: 'ERROR template: t:1:2: executing "t" at <call .time.Parse "bad">: error calling call: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"',
    },
    {
      name: "refuses to print a function",
      src: "{{.time.Now}}",
      out: 'ERROR template: t:1:2: executing "t" at <{{.time.Now}}>: can\'t print {{.time.Now}} of type func()',
    },
    {
      name: "checks a method's arity",
      src: "{{(call .time.Now).Format}}",
      out: 'ERROR template: t:1:13: executing "t" at <.time.Now>: wrong number of args for Format: want 1 got 0',
    },
    { name: "treats a time as a true struct", src: "{{if call .time.Now}}yes{{end}}", out: "yes" },
  ] as const;
  for (const c of cases) it(c.name, () => expect(render(c.src, argo)).toBe(c.out));
});

describe("execute(): safety", () => {
  const hostile = { o: { a: 1 }, l: [1], s: "x", t: GoTime.fromUnixMilli(0) };
  const cases = [
    { src: "{{.o.constructor}}|{{.o.__proto__}}|{{.o.toString}}|{{.o.hasOwnProperty}}", out: "<no value>|<no value>|<no value>|<no value>" },
    { src: "{{index .o \"constructor\"}}", out: "<no value>" },
    { src: "{{.t.constructor}}", out: "ERROR template: t:1:4: executing \"t\" at <.t.constructor>: can't evaluate field constructor in type interface {}" },
    { src: "{{with .t}}{{.constructor}}{{end}}", out: "ERROR template: t:1:13: executing \"t\" at <.constructor>: can't evaluate field constructor in type time.Time" },
    { src: "{{with .t}}{{.format}}{{end}}", out: "ERROR template: t:1:13: executing \"t\" at <.format>: can't evaluate field format in type time.Time" },
    { src: "{{with .t}}{{.sec}}{{end}}", out: "ERROR template: t:1:13: executing \"t\" at <.sec>: sec is an unexported field of struct type time.Time" },
    { src: "{{with .l}}{{.length}}{{end}}", out: "ERROR template: t:1:13: executing \"t\" at <.length>: can't evaluate field length in type []interface {}" },
    { src: "{{.s.length}}", out: "ERROR template: t:1:4: executing \"t\" at <.s.length>: can't evaluate field length in type interface {}" },
  ] as const;
  for (const c of cases) it(`never reaches JS internals: ${c.src}`, () => expect(render(c.src, hostile)).toBe(c.out));

  it("reads a JSON __proto__ key as data, not as the prototype", () => {
    const data = JSON.parse('{"m":{"__proto__":{"x":"own"}}}') as Record<string, unknown>;
    expect(render("{{.m.__proto__.x}}", data)).toBe("own");
  });

  it("bounds the output", () => {
    const out = render("{{range .l}}{{range $.l}}xxxxxxxxxx{{end}}{{end}}", { l: Array.from({ length: 1000 }, () => 0) }, {}, {
      maxOutputLength: 1000,
    });
    expect(out).toMatch(/^LIMIT .*limit exceeded: maxOutputLength \(1000\): the output would be longer than 1000 characters$/);
  });

  it("bounds template recursion", () => {
    expect(render('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', {})).toMatch(
      /^LIMIT .*limit exceeded: maxTemplateDepth \(100\): template "r" would nest more than 100 calls deep$/,
    );
  });

  it("bounds the work of silent loops", () => {
    const src = "{{range .l}}{{range $.l}}{{range $.l}}{{end}}{{end}}{{end}}";
    const l = Array.from({ length: 1000 }, () => 0);
    expect(render(src, { l }, {}, { templateSteps: 100_000 })).toMatch(/^LIMIT .*limit exceeded: templateSteps \(100000\)/);
  });
});

describe("execute(): functions", () => {
  const functions = {
    upper: goFunc({ params: ["string"] }, (_ctx, [s]) => String(s).toUpperCase()),
    trunc: goFunc({ params: ["int", "string"] }, (_ctx, [n, s]) => String(s).slice(0, Number(n))),
    fails: goFunc({ params: [] }, () => {
      throw new GoFuncError("it broke");
    }),
    now: (ctx: { now: number }) => ctx.now,
    list: (_ctx: unknown, args: readonly unknown[]) => args,
    slice: goFunc({ params: ["interface {}"], variadic: "interface {}" }, () => "user slice"),
  };
  const cases = [
    { src: "{{upper .s}}", out: "HI" },
    { src: "{{.s | upper}}", out: "HI" },
    { src: "{{upper .missing}}", out: 'ERROR template: t:1:8: executing "t" at <.missing>: invalid value; expected string' },
    { src: "{{upper .nil}}", out: 'ERROR template: t:1:8: executing "t" at <.nil>: wrong type for value; expected string; got interface {}' },
    { src: "{{upper .n}}", out: 'ERROR template: t:1:8: executing "t" at <.n>: wrong type for value; expected string; got int64' },
    { src: "{{upper 3}}", out: 'ERROR template: t:1:8: executing "t" at <3>: expected string; found 3' },
    { src: "{{upper}}", out: 'ERROR template: t:1:2: executing "t" at <upper>: wrong number of args for upper: want 1 got 0' },
    { src: '{{trunc 1 "abc"}}', out: "a" },
    { src: '{{trunc "1" "abc"}}', out: 'ERROR template: t:1:8: executing "t" at <"1">: expected integer; found "1"' },
    { src: "{{fails}}", out: 'ERROR template: t:1:2: executing "t" at <fails>: error calling fails: it broke' },
    { src: "{{now}}", out: String(now) },
    { src: "{{list 1 .missing .s}}", out: "[1 <nil> hi]" },
    { src: "{{slice .l 1}}", out: "user slice" },
  ] as const;
  for (const c of cases) {
    it(`${c.src} → ${c.out.slice(0, 40)}`, () => {
      expect(render(c.src, { s: "hi", n: 3, nil: null, l: [1, 2] }, { functions })).toBe(c.out);
    });
  }
});

describe("execute(): newer Go and JS values", () => {
  const cases = [
    { src: "{{range 3}}{{.}}{{end}}", vars: {}, out: "012" },
    { src: "{{range $i := 2}}{{$i}}{{end}}", vars: {}, out: "01" },
    { src: "{{range 0}}x{{else}}none{{end}}", vars: {}, out: "none" },
    { src: "{{with .a}}a{{else with .b}}b={{.}}{{else}}none{{end}}", vars: { b: 2 }, out: "b=2" },
    { src: "{{.b}}", vars: { b: new Uint8Array([104, 105]) }, out: "[104 105]" },
    { src: "{{printf \"%s\" .b}} {{len .b}}", vars: { b: new Uint8Array([104, 105]) }, out: "hi 2" },
    { src: "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", vars: { m: new Map([["b", 2], ["a", 1]]) }, out: "a=1;b=2;" },
    { src: "{{.m.a}}", vars: { m: new Map([["a", 1]]) }, out: "1" },
    { src: "{{.u}}", vars: { u: undefined }, out: "<no value>" },
    { src: "{{1e6}} {{print 1e6}} {{eq 3.0 3}}", vars: {}, out: 'ERROR template: t:1:24: executing "t" at <eq 3.0 3>: error calling eq: incompatible types for comparison' },
    { src: "{{1e6}} {{print 1e6 2.0}}", vars: {}, out: "1e+06 1e+06 2" },
  ] as const;
  for (const c of cases) it(`${c.src} → ${c.out}`, () => expect(render(c.src, c.vars)).toBe(c.out));
});

describe("resolveFunctions()", () => {
  it("resolves user functions before builtins and leaves unknown names out", () => {
    const mine = goFunc({ params: [] }, () => "mine");
    const resolved = resolveFunctions(["len", "print", "nope"], { len: mine });
    expect([...resolved.keys()]).toEqual(["len", "print"]);
    expect(resolved.get("len")?.builtin).toBe(false);
    expect(resolved.get("len")?.invoke({ now }, [], [])).toBe("mine");
    expect(resolved.get("print")?.builtin).toBe(true);
  });
});

describe("execute(): divergences found by differential fuzzing", () => {
  const cases = [
    {
      name: "checks a time.Time parameter before the call, at the argument",
      src: '{{dateModify "1h" .a}}',
      vars: { a: "x" },
      out: 'ERROR template: t:1:18: executing "t" at <.a>: wrong type for value; expected time.Time; got string',
    },
    {
      name: "checks a piped time.Time parameter at the function",
      src: "{{.a | unixEpoch}}",
      vars: { a: [1] },
      out: 'ERROR template: t:1:7: executing "t" at <unixEpoch>: wrong type for value; expected time.Time; got []interface {}',
    },
    {
      name: "ranges over a []string as strings",
      src: '{{range splitList "," "a,b"}}{{.x}}{{end}}',
      vars: {},
      out: 'ERROR template: t:1:31: executing "t" at <.x>: can\'t evaluate field x in type string',
    },
  ] as const;
  for (const c of cases) it(c.name, () => expect(render(c.src, c.vars)).toBe(c.out));
});
