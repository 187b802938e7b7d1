/**
 * Catastrophic-backtracking patterns from the literature (OWASP's ReDoS list, Russ Cox's "Regular Expression Matching
 * Can Be Simple And Fast", Davis et al.) on inputs of 30 to 10,000 characters: the work, counted in engine steps (not
 * wall time), grows linearly with the input. JavaScript's RegExp takes seconds on the 30-character inputs. // #7
 */
import { describe, expect, it } from "vitest";
import { compileGoRegexp, defaultRegexpSteps, type GoRegexp, RegexpBudgetError } from "../../../lib/go/regexp.ts";
import { compileExpr } from "../../../lib/expr/mod.ts";
import { compileGoTemplate } from "../../../lib/templates/go/mod.ts";

const compile = (pattern: string): GoRegexp => {
  const re = compileGoRegexp(pattern);
  if (re._tag === "Left") throw new Error(re.left);
  return re.right;
};

/** The steps one call takes, as charged by the engine. */
function steps(run: (charge: (n: number) => void) => unknown): number {
  let total = 0;
  run((n) => {
    total += n;
  });
  return total;
}

const cases = [
  { pattern: "(a+)+$", input: (n: number) => "a".repeat(n) + "!", matches: false },
  { pattern: "^(a+)+$", input: (n: number) => "a".repeat(n) + "!", matches: false },
  { pattern: "(a|a)*b", input: (n: number) => "a".repeat(n), matches: false },
  { pattern: "(a*)*b", input: (n: number) => "a".repeat(n), matches: false },
  { pattern: "(x+x+)+y", input: (n: number) => "x".repeat(n), matches: false },
  { pattern: "(a|aa)+$", input: (n: number) => "a".repeat(n) + "!", matches: false },
  { pattern: "^(\\w+\\s?)*$", input: (n: number) => "word ".repeat(n / 5) + "!", matches: false },
  { pattern: "(.*a){20}", input: (n: number) => "a".repeat(n), matches: true },
  { pattern: "(a?){25}a{25}", input: (n: number) => "a".repeat(n), matches: true },
  { pattern: "(\\d+)*[a-z]$", input: (n: number) => "1".repeat(n) + "!", matches: false },
  { pattern: "^(([a-z])+.)+[A-Z]([a-z])+$", input: (n: number) => "a".repeat(n) + "!", matches: false },
  {
    pattern: "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    input: (n: number) => "a".repeat(n) + "!",
    matches: false,
  },
  { pattern: "(?i)(a|A)+(b|B)+c$", input: (n: number) => "aA".repeat(n / 2) + "b".repeat(10), matches: false },
] as const;

const sizes = [30, 1_000, 10_000] as const;

describe("GoRegexp on catastrophic-backtracking patterns", () => {
  for (const c of cases) {
    it(`matches ${JSON.stringify(c.pattern)} in linear work (inputs of ${sizes.join(", ")} characters)`, () => {
      const re = compile(c.pattern);
      const work = sizes.map((n) => {
        const s = c.input(n);
        const seen: boolean[] = [];
        const total = steps((charge) => seen.push(re.matchString(s, { charge })))
          + steps((charge) => re.findStringSubmatchIndex(s, { charge }));
        expect(seen[0]).toBe(c.matches);
        return total / (s.length + 1);
      });
      // Steps per input character stay under a bound set by the program (a few hundred instructions at most here),
      // whatever the input length: a quadratic engine would take about n steps per character (10,000 at the end), an
      // exponential one far more.
      for (const perChar of work) expect(perChar).toBeLessThan(500);
    });
  }

  it("charges a long search in chunks and stops when the charge throws", () => {
    const re = compile("(x+x+)+y");
    const reports: number[] = [];
    const stop = new Error("budget");
    expect(() =>
      re.matchString("x".repeat(100_000), {
        charge: (n) => {
          reports.push(n);
          if (reports.length === 3) throw stop;
        },
      })
    ).toThrow(stop);
    expect(reports.length).toBe(3);
    for (const n of reports) expect(n).toBeLessThan(10_000);
  });

  it("stops an uncharged call past defaultRegexpSteps with a RegexpBudgetError", () => {
    // FindAll restarts the search after each one-character match, and the first alternative scans the whole rest of the
    // input each time: quadratic work, as in Go.
    const re = compile("[a-j]*k|[a-j]");
    const input = "abcdefghij".repeat(5_000);
    expect(() => re.findAllString(input, -1)).toThrow(RegexpBudgetError);
    expect(() => re.findAllString(input, -1)).toThrow(`regexp: matching needs more than ${defaultRegexpSteps} steps`);
  });
});

describe("expr matches and sprig regex functions on catastrophic-backtracking patterns", () => {
  const msg = "a".repeat(10_000) + "!";

  it("expr's matches answers at once and charges its steps to the run", () => {
    const c = compileExpr('app.metadata.msg matches "(a+)+$"');
    if (c._tag === "Left") throw new Error(c.left.message);
    expect(c.right.run({ app: { metadata: { msg } } }, { now: 0 })).toEqual({ _tag: "Right", right: false });
    const filter = compileExpr('len(filter(1..200, {app.metadata.msg matches "(x+x+)+y"}))');
    if (filter._tag === "Left") throw new Error(filter.left.message);
    const r = filter.right.run({ app: { metadata: { msg: "x".repeat(50_000) } } }, { now: 0 });
    expect(r._tag).toBe("Left");
    expect(r._tag === "Left" && [r.left._tag, r.left.message]).toEqual(["LimitExceeded", expect.stringContaining("exprSteps")]);
  });

  const templates = [
    { source: '{{regexMatch "(a+)+$" .msg}}', expected: "false" },
    { source: '{{regexReplaceAll "(x+x+)+y" .msg "-" | len}}', expected: "10001" },
    { source: '{{regexFindAll "(a|aa)+$" .msg -1 | len}}', expected: "0" },
    { source: '{{regexSplit "(a*)*b" .msg -1 | len}}', expected: "1" },
  ] as const;
  for (const t of templates) {
    it(`sprig ${t.source} answers at once`, () => {
      const compiled = compileGoTemplate(t.source, { name: "t" });
      if (compiled._tag === "Left") throw new Error(compiled.left.message);
      expect(compiled.right.render({ msg }, { now: 0 })).toEqual({ _tag: "Right", right: t.expected });
    });
  }
});
