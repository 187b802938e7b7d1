import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringsHelpers } from "../../../../lib/argocd/mod.ts";
import { timeHelpers } from "../../../../lib/argocd/mod.ts";
import { changedGlobals, globalsSnapshot } from "../../../_helpers/globals.ts";
import { resolveFunctions } from "../../../../lib/templates/go/exec.ts";
import { goFunc, GoFuncError } from "../../../../lib/templates/go/func.ts";
import { compileGoTemplate, type GoTemplateOptions, newBudget } from "../../../../lib/templates/go/mod.ts";
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
    {
      name: "compares a time.Month with an int",
      src: "{{(call .time.Now).Month}} {{eq (call .time.Now).Month 1}}",
      out: "January true",
    },
    { name: "prints durations", src: "{{.time.Hour}}", out: "1h0m0s" },
    {
      name: "pipes into call",
      src: '{{"2024-05-06T07:08:09Z" | call .time.Parse}}',
      out: "2024-05-06 07:08:09 +0000 UTC",
    },
    {
      name: "reports a host function's failure as Go's call error",
      src: '{{call .time.Parse "bad"}}',
      out:
        'ERROR template: t:1:2: executing "t" at <call .time.Parse "bad">: error calling call: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"',
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

describe("execute(): no way from a value to code (#7)", () => {
  const vars = {
    app: JSON.parse('{"metadata":{"name":"gb"},"list":[1,2],"__proto__":{"polluted":true}}') as unknown,
    time: timeHelpers(now),
    strings: stringsHelpers,
  };
  const code = '"globalThis.pwned = 1"';
  const nilCall = "error calling call: call of nil";
  const cases = [
    { src: `{{call .app.constructor.constructor ${code}}}`, out: nilCall },
    { src: `{{call (index .app "constructor") ${code}}}`, out: nilCall },
    { src: `{{call .app.__proto__.constructor ${code}}}`, out: nilCall },
    { src: `{{call $.constructor ${code}}}`, out: nilCall },
    { src: '{{call (index . "constructor")}}', out: nilCall },
    { src: "{{call .app.toString}}", out: nilCall },
    { src: "{{.app.__proto__.polluted}}", out: "true" },
    {
      src: "{{.app.valueOf}}|{{.constructor.constructor}}|{{.app.metadata.hasOwnProperty}}",
      out: "<no value>|<no value>|<no value>",
    },
    { src: `{{call .time.Parse.constructor ${code}}}`, out: "can't evaluate field constructor in type interface {}" },
    {
      src: `{{call .strings.ReplaceAll.constructor ${code}}}`,
      out: "can't evaluate field constructor in type interface {}",
    },
    { src: "{{call .time.Now.constructor}}", out: "can't evaluate field constructor in type interface {}" },
    { src: "{{call (call .time.Now).constructor}}", out: "can't evaluate field constructor in type time.Time" },
    { src: "{{(call .time.Now).Add.constructor}}", out: "wrong number of args for Add: want 1 got 0" },
    { src: '{{index .time.Parse "constructor"}}', out: "error calling index: can't index item of type func()" },
    { src: '{{index .app.list "constructor"}}', out: "error calling index: cannot index slice/array with type string" },
    { src: "{{.app.list.constructor}}", out: "can't evaluate field constructor in type interface {}" },
    { src: "{{$l := list}}{{$l.constructor}}", out: "can't evaluate field constructor in type []interface {}" },
    { src: "{{range .app.list}}{{.constructor}}{{end}}", out: "can't evaluate field constructor in type interface {}" },
    { src: "{{$f := .time.Parse}}{{$f.constructor}}", out: "can't evaluate field constructor in type func()" },
    { src: "{{$f := .time.Parse}}{{$f.call}}", out: "can't evaluate field call in type func()" },
    { src: "{{$f := .time.Parse}}{{$f.bind}}", out: "can't evaluate field bind in type func()" },
    { src: "{{$f := .time.Parse}}{{$f.name}}", out: "can't evaluate field name in type func()" },
    { src: "{{$f := .time.Parse}}{{$f.prototype}}", out: "can't evaluate field prototype in type func()" },
    { src: '{{(index .time "Now").length}}', out: "can't evaluate field length in type func()" },
    { src: "{{with .time}}{{call .Parse.apply}}{{end}}", out: "can't evaluate field apply in type interface {}" },
    {
      src: '{{range $k, $v := .time}}{{if eq $k "Parse"}}{{$v.constructor}}{{end}}{{end}}',
      out: "can't evaluate field constructor in type interface {}",
    },
    { src: "{{.time.Hour.constructor}}", out: "can't evaluate field constructor in type interface {}" },
    { src: "{{.time.Hour.String.constructor}}", out: "can't evaluate field constructor in type string" },
    {
      src: "{{$t := call .time.Now}}{{$t.Equal $t}} {{$t.sec}}",
      out: "sec is an unexported field of struct type time.Time",
    },
    { src: '{{template "x" .}}{{define "x"}}{{.constructor}}{{end}}', out: "<no value>" },
    { src: '{{$d := dict "__proto__" .time}}{{$d.Parse}} {{len $d}}', out: "<no value> 1" },
    { src: '{{$d := dict}}{{$_ := set $d "__proto__" .time}}{{$d.Parse}} {{keys $d}}', out: "<no value> [__proto__]" },
    {
      src: '{{$d := dict "String" .strings.ToUpper "Error" .time.Now}}{{$d}} {{printf "%s" $d}} {{toString $d}}',
      out: "map[Error:0x0 String:0x0] map[Error:%!s(func()=0x0) String:%!s(func()=0x0)] map[Error:0x0 String:0x0]",
    },
  ] as const;
  for (const c of cases) {
    it(`reaches no code: ${c.src}`, () => {
      const before = globalsSnapshot();
      const out = render(c.src, vars);
      expect(out.startsWith("ERROR ") ? out.replace(/^ERROR template: t:\d+:\d+: executing "\w+" at <.*?>: /, "") : out)
        .toBe(c.out);
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      expect(changedGlobals(before, globalsSnapshot())).toEqual([]);
    });
  }
});

describe("execute(): safety", () => {
  const hostile = { o: { a: 1 }, l: [1], s: "x", t: GoTime.fromUnixMilli(0) };
  const cases = [
    {
      src: "{{.o.constructor}}|{{.o.__proto__}}|{{.o.toString}}|{{.o.hasOwnProperty}}",
      out: "<no value>|<no value>|<no value>|<no value>",
    },
    { src: '{{index .o "constructor"}}', out: "<no value>" },
    {
      src: "{{.t.constructor}}",
      out:
        'ERROR template: t:1:4: executing "t" at <.t.constructor>: can\'t evaluate field constructor in type interface {}',
    },
    {
      src: "{{with .t}}{{.constructor}}{{end}}",
      out:
        'ERROR template: t:1:13: executing "t" at <.constructor>: can\'t evaluate field constructor in type time.Time',
    },
    {
      src: "{{with .t}}{{.format}}{{end}}",
      out: 'ERROR template: t:1:13: executing "t" at <.format>: can\'t evaluate field format in type time.Time',
    },
    {
      src: "{{with .t}}{{.sec}}{{end}}",
      out: 'ERROR template: t:1:13: executing "t" at <.sec>: sec is an unexported field of struct type time.Time',
    },
    {
      src: "{{with .l}}{{.length}}{{end}}",
      out: 'ERROR template: t:1:13: executing "t" at <.length>: can\'t evaluate field length in type []interface {}',
    },
    {
      src: "{{.s.length}}",
      out: 'ERROR template: t:1:4: executing "t" at <.s.length>: can\'t evaluate field length in type interface {}',
    },
  ] as const;
  for (const c of cases) it(`never reaches JS internals: ${c.src}`, () => expect(render(c.src, hostile)).toBe(c.out));

  it("reads a JSON __proto__ key as data, not as the prototype", () => {
    const data = JSON.parse('{"m":{"__proto__":{"x":"own"}}}') as Record<string, unknown>;
    expect(render("{{.m.__proto__.x}}", data)).toBe("own");
  });

  it("bounds the output", () => {
    const out = render(
      "{{range .l}}{{range $.l}}xxxxxxxxxx{{end}}{{end}}",
      { l: Array.from({ length: 1000 }, () => 0) },
      {},
      {
        maxOutputLength: 1000,
      },
    );
    expect(out).toMatch(
      /^LIMIT .*limit exceeded: maxOutputLength \(1000\): the output would be longer than 1000 characters$/,
    );
  });

  it("bounds template recursion", () => {
    expect(render('{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}', {})).toMatch(
      /^LIMIT .*limit exceeded: maxTemplateDepth \(100\): template "r" would nest more than 100 calls deep$/,
    );
  });

  it("bounds the work of silent loops", () => {
    const src = "{{range .l}}{{range $.l}}{{range $.l}}{{end}}{{end}}{{end}}";
    const l = Array.from({ length: 1000 }, () => 0);
    expect(render(src, { l }, {}, { templateSteps: 100_000 })).toMatch(
      /^LIMIT .*limit exceeded: templateSteps \(100000\)/,
    );
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
    {
      src: "{{upper .missing}}",
      out: 'ERROR template: t:1:8: executing "t" at <.missing>: invalid value; expected string',
    },
    {
      src: "{{upper .nil}}",
      out: 'ERROR template: t:1:8: executing "t" at <.nil>: wrong type for value; expected string; got interface {}',
    },
    {
      src: "{{upper .n}}",
      out: 'ERROR template: t:1:8: executing "t" at <.n>: wrong type for value; expected string; got int64',
    },
    { src: "{{upper 3}}", out: 'ERROR template: t:1:8: executing "t" at <3>: expected string; found 3' },
    {
      src: "{{upper}}",
      out: 'ERROR template: t:1:2: executing "t" at <upper>: wrong number of args for upper: want 1 got 0',
    },
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
    { src: '{{printf "%s" .b}} {{len .b}}', vars: { b: new Uint8Array([104, 105]) }, out: "hi 2" },
    { src: "{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}", vars: { m: new Map([["b", 2], ["a", 1]]) }, out: "a=1;b=2;" },
    { src: "{{.m.a}}", vars: { m: new Map([["a", 1]]) }, out: "1" },
    { src: "{{.u}}", vars: { u: undefined }, out: "<no value>" },
    {
      src: "{{1e6}} {{print 1e6}} {{eq 3.0 3}}",
      vars: {},
      out: 'ERROR template: t:1:24: executing "t" at <eq 3.0 3>: error calling eq: incompatible types for comparison',
    },
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
      out:
        'ERROR template: t:1:7: executing "t" at <unixEpoch>: wrong type for value; expected time.Time; got []interface {}',
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

describe("execute(): generated templates over adversarial names (#7)", () => {
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
    "hasOwnProperty",
    "caller",
    "arguments",
    "__defineGetter__",
    "toJSON",
    "then",
    "size",
    "Parse",
    "Now",
    "Format",
    "String",
    "Error",
    "Equal",
    "Add",
    "a",
    "b",
  ];
  const name = fc.constantFrom(...names);
  /** A JSON text whose objects have adversarial keys: `JSON.parse` makes each key, `__proto__` too, an own key. */
  const json: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.oneof(
        fc.integer().map(String),
        fc.string({ maxLength: 4 }).map((x) => JSON.stringify(x)),
        fc.constantFrom("true", "null", "1.5"),
      ),
      fc.array(tie("node"), { maxLength: 3 }).map((xs) => `[${xs.join(",")}]`),
      fc.array(fc.tuple(name, tie("node")), { maxLength: 4 }).map((es) =>
        `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`
      ),
    ),
  })).node;
  const chain = fc.array(name, { minLength: 1, maxLength: 4 }).map((ns) => ns.join("."));
  const operand = fc.oneof(
    chain.map((c) => `.${c}`),
    chain.map((c) => `$.${c}`),
    fc.constantFrom(".", "$", ".time.Parse", ".strings.ToUpper", "(call .time.Now)", ".t", '"x"', "1", ".time"),
    fc.tuple(chain, name).map(([c, n]) => `(index .${c} "${n}")`),
  );
  const code = '"globalThis.pwned = 1"';
  const command = fc.oneof(
    operand,
    fc.tuple(operand, name, name).map(([o, a, b]) => `index ${o} "${a}" "${b}"`),
    operand.map((o) => `call ${o} ${code}`),
    operand.map((o) => `call ${o}`),
    fc.tuple(
      fc.constantFrom(
        "list",
        "toJson",
        "toString",
        "keys",
        "values",
        "uniq",
        "len",
        "first",
        "last",
        "deepCopy",
        "default 1",
        "print",
        'printf "%v %T"',
        "eq 1",
        'has "a"',
        "append (list)",
        "toStrings",
        'join ","',
        "upper",
        "quote",
        "kindOf",
        'dict "__proto__"',
        'dict "a" 1 "constructor"',
        "merge (dict)",
        'pluck "a"',
        'dig "a" "b"',
        "typeOf",
        "empty",
      ),
      operand,
    ).map(([f, o]) => `${f} ${o}`),
    fc.tuple(operand, name, operand).map(([o, k, v]) => `set ${o} "${k}" ${v}`),
  );
  const action = fc.oneof(
    command.map((c) => `{{${c}}}`),
    fc.tuple(command, fc.constantFrom("toJson", "len", "print", "first", "keys")).map(([c, f]) => `{{${c} | ${f}}}`),
    fc.tuple(command, chain).map(([c, n]) => `{{with ${c}}}{{.${n}}}{{end}}`),
    fc.tuple(command, chain).map(([c, n]) => `{{range $k, $v := ${c}}}{{$k}}{{$v.${n}}}{{end}}`),
    fc.tuple(command, name).map(([c, n]) => `{{$x := ${c}}}{{$x.${n}}}{{call $x ${code}}}`),
    fc.tuple(command, fc.constantFrom("append $l", "list $l $l", "concat $l $l", "prepend $l")).map(([c, grow]) =>
      `{{$l := list}}{{range 100000}}{{$l = ${grow} (${c})}}{{end}}{{$l}}`
    ),
  );
  const limits = resolveLimits({
    templateSteps: 20_000,
    maxListLength: 1_000,
    maxStringLength: 10_000,
    maxOutputLength: 10_000,
  });

  it("never throws, never runs code, never changes a prototype or globalThis, and stays within its budget", () => {
    const before = globalsSnapshot();
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 4 }), json, (actions, text) => {
        // Each action alone (a failing one would hide the rest), then all of them in one template.
        for (const source of [...actions, actions.join("")]) {
          const t = compileGoTemplate(source, { name: "p" });
          if (t._tag === "Left") continue;
          const vars = {
            app: JSON.parse(text) as unknown,
            time: timeHelpers(now),
            strings: stringsHelpers,
            t: GoTime.fromUnixMilli(now),
          };
          const budget = newBudget(limits);
          const r = t.right.render(vars, { now, budget });
          if (r._tag === "Left") expect(["TemplateRender", "LimitExceeded"]).toContain(r.left._tag);
          expect(budget.steps).toBeLessThanOrEqual(limits.templateSteps + limits.maxListLength);
        }
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
        expect(changedGlobals(before, globalsSnapshot())).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
