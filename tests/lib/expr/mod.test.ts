import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileExpr, formatOncePer, formatOncePerWithin } from "../../../lib/expr/mod.ts";
import { defaultLimits, resolveLimits } from "../../../lib/limits.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoDuration } from "../../../lib/values/duration.ts";

const run = (src: string, vars: Record<string, unknown> = {}, options: Parameters<typeof compileExpr>[1] = {}): unknown => {
  const c = compileExpr(src, options);
  if (c._tag === "Left") return { compileError: c.left };
  const r = c.right.run(vars, { now: Date.UTC(2024, 0, 2, 3, 4, 5) });
  return r._tag === "Left" ? { evalError: r.left } : r.right;
};

describe("compileExpr()", () => {
  it("reports a syntax error with line, column and a caret snippet", () => {
    const c = compileExpr("a and\n  b +");
    expect(c._tag).toBe("Left");
    if (c._tag === "Left") {
      expect(c.left).toMatchObject({ _tag: "ExprCompile", line: 2, column: 6 });
      expect(c.left.snippet).toBe(" |   b +\n | .....^");
    }
  });

  it("reports a run-time error as an ExprEval diagnostic with the failing position", () => {
    expect(run("app.status.phase", { app: {} })).toEqual({ evalError: expect.objectContaining({ _tag: "ExprEval", message: "cannot fetch phase from <nil>", line: 1, column: 12 }) });
  });

  it("compiles an empty condition as false, as the Go engine does (text.Coalesce(when, \"false\"))", () => {
    expect(run("")).toBe(false);
  });

  it("compiles a blank condition as given: a syntax error, as expr.Compile reports it", () => {
    for (const src of ["  ", "\n", "\t "]) {
      expect(run(src)).toEqual({ compileError: expect.objectContaining({ _tag: "ExprCompile", message: "unexpected token EOF" }) });
    }
  });

  it("returns time.Now() from the run's now, never the clock", () => {
    expect(formatOncePer(run("time.Now()"))).toBe("2024-01-02 03:04:05 +0000 UTC");
  });

  it("lets helpers win over same-named variables, and can leave them out", () => {
    expect(run("strings.ToUpper('a')", { strings: 1 })).toBe("A");
    expect(run("time", { time: 7 }, { helpers: false })).toBe(7);
  });

  it("calls host functions, also through dotted namespaces", () => {
    const functions = {
      double: (x: unknown) => (x as number) * 2,
      "repo.RepoURLToHTTPS": (u: unknown) => String(u).replace("git@github.com:", "https://github.com/"),
    };
    expect(run("double(21)", {}, { functions })).toBe(42);
    expect(run("repo.RepoURLToHTTPS('git@github.com:a/b.git')", {}, { functions })).toBe("https://github.com/a/b.git");
  });

  it("turns a throwing host function into an ExprEval diagnostic", () => {
    const functions = { boom: () => { throw new Error("kaput"); } };
    expect(run("boom()", {}, { functions })).toEqual({ evalError: expect.objectContaining({ message: "kaput" }) });
  });

  it("keeps float results as floats", () => {
    expect(run("4 / 2")).toEqual(new GoFloat(2));
    expect(run("1 * time.Minute")).toEqual(new GoDuration(60e9));
  });

  it("never throws from run, on arbitrary expressions and resources", () => {
    const sources = fc.constantFrom(
      "a.b.c", "a?.b ?? 'x'", "len(a)", "any(a, {.x == 1})", "a + b", "a in b", "a[0:2]", "a[b]", "a matches b",
      "time.Parse(a).Add(1 * time.Minute).Before(time.Now())", "map(a, # * 2)", "a.constructor.constructor('x')()",
      "toJSON(a)", "string(a)", "sort(a)", "max(a)", "reduce(a, #acc + #)", "fromJSON(a)", "a ? b : 1", "!a",
    );
    fc.assert(
      fc.property(sources, fc.jsonValue(), fc.jsonValue(), (src, a, b) => {
        const c = compileExpr(src);
        if (c._tag === "Left") return;
        const r = c.right.run({ a, b }, { now: 0 });
        expect(["Left", "Right"]).toContain(r._tag);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws from compileExpr on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (src) => {
      const c = compileExpr(src);
      if (c._tag === "Right") c.right.run({}, { now: 0 });
    }), { numRuns: 2000 });
  });
});

describe("formatOncePer()", () => {
  const cases = [
    { name: "prints nil as <nil>", input: null, expected: "<nil>" },
    { name: "prints strings bare", input: "abc", expected: "abc" },
    { name: "prints large floats in exponent form", input: 1234567.5, expected: "1.2345675e+06" },
    { name: "prints boxed integral floats like Go", input: new GoFloat(1e6), expected: "1e+06" },
    { name: "prints ints in full", input: 1000000, expected: "1000000" },
    { name: "prints small floats in exponent form", input: 0.00001, expected: "1e-05" },
    { name: "prints maps with sorted keys", input: { b: [1, "x"], a: { c: null } }, expected: "map[a:map[c:<nil>] b:[1 x]]" },
    { name: "prints durations like Go", input: new GoDuration(90e9), expected: "1m30s" },
  ];
  for (const c of cases) it(c.name, () => expect(formatOncePer(c.input)).toBe(c.expected));
});

describe("compileExpr() run limits (#7)", () => {
  it("takes its limits from the run options", () => {
    const c = compileExpr("len(0..99)");
    if (c._tag === "Left") throw new Error(c.left.message);
    expect(c.right.run({}, { now: 0 })).toEqual({ _tag: "Right", right: 100 });
    const r = c.right.run({}, { now: 0, limits: resolveLimits({ maxListLength: 50 }) });
    expect(r._tag === "Left" ? [r.left._tag, r.left.message] : r).toEqual([
      "LimitExceeded",
      "limit exceeded: maxListLength (50): .. would build 100 elements",
    ]);
  });

  it("gives strings.ReplaceAll the run's maxStringLength", () => {
    const c = compileExpr("strings.ReplaceAll('aaaa', 'a', 'bbb')");
    if (c._tag === "Left") throw new Error(c.left.message);
    expect(c.right.run({}, { now: 0 })).toEqual({ _tag: "Right", right: "bbbbbbbbbbbb" });
    const r = c.right.run({}, { now: 0, limits: resolveLimits({ maxStringLength: 10 }) });
    expect(r._tag === "Left" ? [r.left._tag, r.left.column] : r).toEqual(["LimitExceeded", 9]);
  });

  it("charges the work of a host function's string arguments and result", () => {
    const c = compileExpr("count(0..999, len(echo(s)) > 0)", { functions: { echo: (x: unknown) => x } });
    if (c._tag === "Left") throw new Error(c.left.message);
    const r = c.right.run({ s: "x".repeat(100_000) }, { now: 0, limits: resolveLimits({ exprSteps: 100_000 }) });
    expect(r._tag === "Left" ? r.left.message : r).toContain("limit exceeded: exprSteps (100000)");
  });
});

describe("formatOncePerWithin()", () => {
  const deep = (levels: number): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = { a: [v] };
    return v;
  };
  const cases = [
    { name: "formats like formatOncePer", input: { b: [1, "x"] }, limits: {}, expected: "map[b:[1 x]]" },
    { name: "fails on a value nested past maxValueDepth", input: deep(500_000), limits: {}, expected: "limit exceeded: maxValueDepth (100): the oncePer value nests deeper than that" },
    { name: "fails on a value that prints past maxStringLength", input: ["x".repeat(20)], limits: { maxStringLength: 10 }, expected: "limit exceeded: maxStringLength (10): the oncePer value would build 21 characters" },
    { name: "fails on a value too large to walk", input: Array.from({ length: 200 }, () => 1), limits: { exprSteps: 100 }, expected: "limit exceeded: exprSteps (100): the expression did more work than it may" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = formatOncePerWithin(c.input, c.limits === undefined ? defaultLimits : resolveLimits(c.limits));
      expect(r._tag === "Right" ? r.right : [r.left._tag, r.left.message]).toEqual(r._tag === "Right" ? c.expected : ["LimitExceeded", c.expected]);
    });
  }
});
