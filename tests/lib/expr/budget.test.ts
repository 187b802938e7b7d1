/**
 * The budget of an expression run (#7): every limit, hit on purpose, fails the run with a `LimitExceeded` diagnostic
 * that names it, after a bounded amount of work. Work is measured as the steps the run spent (and, where a loop calls
 * it, as calls of a host function), never as time.
 */
import { describe, expect, it } from "vitest";
import { compileExpr } from "../../../lib/expr/mod.ts";
import { defaultLimits, type Limits, resolveLimits } from "../../../lib/limits.ts";
import { countedRun } from "../../_helpers/sandbox.ts";

function nested(levels: number, map = false): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = map ? { a: v } : [v];
  return v;
}

const vars = {
  s: "a".repeat(1 << 20),
  u: "é".repeat(50_000),
  big: Array.from({ length: 200_000 }, (_, i) => i),
  words: Array.from({ length: 50_000 }, (_, i) => `w${i}`),
  deep: nested(100_000),
  deep2: nested(100_000),
  deepMap: nested(100_000, true),
  wide: Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`k${i}`, i])),
  json: `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
};

/** `let`s binding `${name}${n}` to a list that prints 2^n times larger than it is (each level holds the last twice). */
const lets = (name: string, n: number): string =>
  [`let ${name}0 = [1];`, ...Array.from({ length: n }, (_, i) => `let ${name}${i + 1} = [${name}${i}, ${name}${i}];`)].join(" ");
const doubling = (n: number): string => `${lets("v", n)} v${n}`;

describe("a run past a limit fails with LimitExceeded naming it (#7)", () => {
  const cases: { name: string; src: string; limit: keyof Limits; limits?: Partial<Limits>; maxSteps?: number }[] = [
    // exprSteps: loops, nested loops, work per element.
    { name: "nested predicates", src: "any(0..99999, any(0..99999, false))", limit: "exprSteps" },
    { name: "a long reduce", src: "reduce(0..99999, reduce(0..99, #acc + 1, 0) + #acc, 0)", limit: "exprSteps" },
    { name: "== over large lists in a loop", src: "count(0..999, big[0:99999] == big[1:100000])", limit: "exprSteps" },
    { name: "in over a large list in a loop", src: "count(0..9999, -1 in big)", limit: "exprSteps" },
    { name: "len of a long string in a loop", src: "count(0..9999, len(s) > 0)", limit: "exprSteps" },
    { name: "contains on a long string in a loop", src: "count(0..9999, s contains 'b')", limit: "exprSteps" },
    { name: "matches on a long string in a loop", src: "count(0..9999, s matches 'b')", limit: "exprSteps" },
    { name: "uniq of lists (compared one by one)", src: "len(uniq(map(0..9999, [#])))", limit: "exprSteps" },
    { name: "toJSON of a list that doubles at every level", src: `len(toJSON(${doubling(30)}))`, limit: "exprSteps" },
    { name: "flatten of a list that doubles at every level", src: `len(flatten(${doubling(30)}))`, limit: "exprSteps" },
    { name: "string() of a list that doubles at every level", src: `len(string(${doubling(30)}))`, limit: "exprSteps" },
    { name: "== of lists that double at every level", src: `${lets("v", 30)} ${lets("w", 30)} v30 == w30`, limit: "exprSteps" },
    { name: "calls in a loop", src: "count(0..99999, len(upper('x')) > 5)", limit: "exprSteps", limits: { exprSteps: 100_000 } },
    // maxListLength: lists built.
    { name: "a huge range", src: "0..1000000000", limit: "maxListLength", maxSteps: 0 },
    { name: "map over a large list", src: "map(big, #)", limit: "maxListLength", maxSteps: 0 },
    { name: "filter keeping a large list", src: "filter(big, true)", limit: "maxListLength" },
    { name: "sortBy of a large list", src: "sortBy(big, #)", limit: "maxListLength", maxSteps: 0 },
    { name: "groupBy into many groups", src: "groupBy(big, #)", limit: "maxListLength" },
    { name: "split into many parts", src: "split(s, '')", limit: "maxListLength" },
    { name: "keys of a wide map", src: "keys(wide)", limit: "maxListLength" },
    { name: "concat of large lists", src: "concat(big[0:90000], big[0:90000])", limit: "maxListLength" },
    { name: "sort of a large list", src: "sort(big)", limit: "maxListLength", maxSteps: 0 },
    { name: "reverse of a large list", src: "reverse(big)", limit: "maxListLength", maxSteps: 0 },
    { name: "a small limit", src: "1..11", limit: "maxListLength", limits: { maxListLength: 10 }, maxSteps: 0 },
    // maxStringLength: strings built, checked before they are built.
    { name: "repeat", src: "repeat('x', 100000000)", limit: "maxStringLength", maxSteps: 0 },
    { name: "+ that doubles", src: "reduce(1..100, #acc + #acc, 'ab')", limit: "maxStringLength" },
    { name: "join of many long strings", src: "join(map(1..1000, s), '')", limit: "maxStringLength" },
    { name: "replace that grows", src: "replace(s, 'a', 'bb')", limit: "maxStringLength" },
    { name: "replace of the empty string", src: "replace(s, '', 'x')", limit: "maxStringLength" },
    { name: "strings.ReplaceAll that grows", src: "strings.ReplaceAll(s, '', 'xx')", limit: "maxStringLength" },
    { name: "toJSON of a large list", src: "toJSON(big)", limit: "maxStringLength" },
    { name: "string() of a large list", src: "string(big)", limit: "maxStringLength" },
    { name: "toBase64 of a long string", src: "toBase64(s)", limit: "maxStringLength" },
    { name: "upper of a string at a small limit", src: "upper(repeat('x', 100))", limit: "maxStringLength", limits: { maxStringLength: 99 } },
    // maxValueDepth: recursive walks of deep values.
    { name: "== of deep lists", src: "deep == deep2", limit: "maxValueDepth" },
    { name: "in over deep lists", src: "deep in [deep2]", limit: "maxValueDepth" },
    { name: "toJSON of a deep list", src: "toJSON(deep)", limit: "maxValueDepth", maxSteps: 101 },
    { name: "string() of a deep map", src: "string(deepMap)", limit: "maxValueDepth", maxSteps: 101 },
    { name: "fromJSON of a deep document", src: "fromJSON(json)", limit: "maxValueDepth" },
    { name: "flatten of a deep list", src: "flatten(deep)", limit: "maxValueDepth" },
    { name: "max of a deep list", src: "max(deep)", limit: "maxValueDepth" },
    { name: "groupBy with deep keys", src: "groupBy([deep], #)", limit: "maxValueDepth" },
    { name: "uniq of deep lists", src: "uniq([deep, deep2])", limit: "maxValueDepth" },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.src.length > 60 ? `${c.src.slice(0, 57)}...` : c.src}`, () => {
      const limits = resolveLimits(c.limits);
      const compiled = compileExpr(c.src);
      if (compiled._tag === "Left") throw new Error(compiled.left.message);
      const r = compiled.right.run(vars, { now: 0, limits });
      expect(r._tag).toBe("Left");
      if (r._tag === "Left") {
        expect(r.left._tag).toBe("LimitExceeded");
        expect(r.left.message).toContain(`limit exceeded: ${c.limit} (${limits[c.limit]})`);
      }
      const counted = countedRun(c.src, vars, { limits });
      expect(counted.failure?.limit).toBe(c.limit);
      // The work done before stopping: within the budget (one operation may overshoot by what it would have cost).
      expect(counted.steps).toBeLessThanOrEqual(c.maxSteps ?? limits.exprSteps + limits.maxListLength);
    });
  }

  it("stops a loop of host calls after at most exprSteps calls", () => {
    let calls = 0;
    const tick = (): number => ++calls;
    const limits = resolveLimits({ exprSteps: 5_000 });
    const r = countedRun("count(0..99, count(0..99, tick() < 0) > 0)", {}, { limits, functions: { tick } });
    expect(r.failure?.limit).toBe("exprSteps");
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(limits.exprSteps);
  });

  it("reports the position of the operation that passed the limit", () => {
    const c = compileExpr("1 +\n  len(0..1000000000)");
    if (c._tag === "Left") throw new Error(c.left.message);
    const r = c.right.run({}, { now: 0 });
    expect(r._tag === "Left" ? [r.left._tag, r.left.line, r.left.column] : r).toEqual(["LimitExceeded", 2, 8]);
  });
});

describe("linear where Go's semantics allow (#7)", () => {
  const limits = resolveLimits({ exprSteps: 200_000 });
  const cases = [
    { name: "indexing one long string in a loop encodes it once", src: "len(filter(0..9999, s[#] == 97))", expected: 10_000 },
    { name: "indexing a non-ASCII string in a loop encodes it once", src: "len(filter(0..9999, u[#] == 0xc3))", expected: 5_000 },
    { name: "slicing one long string in a loop encodes it once", src: "count(0..9999, s[# : # + 2] == 'aa')", expected: 10_000 },
    { name: "uniq of many strings uses a set", src: "len(uniq(words))", expected: 50_000 },
    { name: "uniq of many numbers uses a set", src: "len(uniq(big[0:50000]))", expected: 50_000 },
    { name: "in over a literal list of strings is a lookup", src: "count(0..49999, 'x' in ['a', 'b', 'c'])", expected: 0 },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.src}`, () => {
      const r = countedRun(c.src, vars, { limits });
      expect(r.failure).toBeUndefined();
      expect(r.value).toBe(c.expected);
      expect(r.steps).toBeLessThanOrEqual(limits.exprSteps);
    });
  }

  it("keeps uniq's first occurrences and Go's equality across int and float", () => {
    const c = compileExpr("uniq([1, 1.0, 'a', nil, 'a', true, nil, false, true, [1], [1], 2])");
    if (c._tag === "Left") throw new Error(c.left.message);
    const r = c.right.run({}, { now: 0 });
    expect(r).toEqual({ _tag: "Right", right: [1, "a", null, true, false, [1], 2] });
  });
});

describe("defaultLimits", () => {
  it("lets every real trigger through: the budget of a run is far above what a catalog condition spends", () => {
    const src = "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and " +
      "time.Parse(app.status.health.lastTransitionTime).Add(1 * time.Minute).Before(time.Parse(app.status.operationState.finishedAt))";
    const app = { status: { operationState: { phase: "Succeeded", finishedAt: "2024-01-01T00:05:00Z" }, health: { lastTransitionTime: "2024-01-01T00:00:00Z" } } };
    const r = countedRun(src, { app }, { limits: defaultLimits });
    expect(r.value).toBe(true);
    expect(r.steps).toBeLessThan(100);
  });
});
