/**
 * No way from a value to code (#7): every attack of the issue, and their neighbours, as expressions an admin or a
 * tenant could write over a resource anyone could write. Each must fail (or read nil) without running code, return
 * no JavaScript built-in function, and leave `Object.prototype`, `Function.prototype` and `globalThis` as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileExpr } from "../../../lib/expr/mod.ts";
import { timeHelpers } from "../../../lib/expr/helpers/time.ts";
import { stringsHelpers } from "../../../lib/expr/helpers/strings.ts";
import { globalsSnapshot, isNativeFunction, nativeFunctionsIn } from "../../_helpers/sandbox.ts";

const payload = "globalThis.__pwned = 1; return globalThis";
const app = { metadata: { name: "web" }, status: { phase: "Running" }, list: [1, 2] };
const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "toString": "x"}') as unknown;

type Outcome = "compile" | "eval" | "nil" | "value";

/** How a run ended: "compile" error, "eval" error, nil, or another value (then no built-in function in it). */
function outcome(src: string, vars: Readonly<Record<string, unknown>>, functions = {}): { kind: Outcome; value?: unknown; message?: string } {
  const c = compileExpr(src, { functions });
  if (c._tag === "Left") return { kind: "compile", message: c.left.message };
  const r = c.right.run(vars, { now: 0 });
  if (r._tag === "Left") {
    expect(r.left._tag).toBe("ExprEval");
    return { kind: "eval", message: r.left.message };
  }
  return r.right === null ? { kind: "nil" } : { kind: "value", value: r.right };
}

describe("expressions cannot reach code (#7)", () => {
  let before: unknown[] = [];
  beforeEach(() => {
    before = globalsSnapshot();
  });
  afterEach(() => {
    expect((globalThis as Record<string, unknown>)["__pwned"]).toBeUndefined();
    expect(globalsSnapshot()).toEqual(before);
  });

  const vars = { app, hostile, fn: Function, evil: { run: Function, eval: globalThis.eval } };
  const cases: { src: string; expected: Outcome; message?: string }[] = [
    // The constructor chain from data, by member, index and $env.
    { src: `app.constructor.constructor("${payload}")()`, expected: "compile" },
    { src: `app.constructor.constructor("${payload}")`, expected: "eval", message: "cannot fetch constructor from <nil>" },
    { src: `app["constructor"]["constructor"]("${payload}")`, expected: "compile" },
    { src: `app["constructor"]["constructor"]`, expected: "eval", message: "cannot fetch constructor from <nil>" },
    { src: `app.constructor`, expected: "nil" },
    { src: `app?.constructor?.constructor`, expected: "nil" },
    { src: `$env["constructor"]`, expected: "nil" },
    { src: `$env.constructor.constructor("${payload}")`, expected: "eval", message: "cannot fetch constructor from <nil>" },
    { src: `$env["__proto__"]`, expected: "nil" },
    { src: `$env.app.__proto__`, expected: "nil" },
    { src: `app["__proto__"]["constructor"]`, expected: "eval", message: "cannot fetch constructor from <nil>" },
    { src: `app.list.constructor`, expected: "eval", message: "invalid operation: int(string)" },
    { src: `app.metadata.name.constructor`, expected: "eval", message: "invalid operation: int(string)" },
    { src: `app.toString()`, expected: "eval", message: "cannot call nil" },
    { src: `app.hasOwnProperty("metadata")`, expected: "eval", message: "cannot call nil" },
    { src: `app.valueOf`, expected: "nil" },
    // Bare names are variables, and there is no such variable.
    { src: `constructor("${payload}")`, expected: "eval", message: "cannot call nil" },
    { src: `Function("${payload}")`, expected: "eval", message: "cannot call nil" },
    { src: `eval("1")`, expected: "eval", message: "cannot call nil" },
    { src: `globalThis`, expected: "nil" },
    { src: `toString`, expected: "nil" },
    { src: `__proto__`, expected: "nil" },
    { src: `process`, expected: "nil" },
    // Functions of the helper namespaces and methods of Go values have no readable members.
    { src: `time.Parse.constructor`, expected: "eval", message: "cannot fetch constructor from func" },
    { src: `time.Parse["constructor"]("${payload}")`, expected: "compile" },
    { src: `time.Parse["constructor"]`, expected: "eval", message: "cannot fetch constructor from func" },
    { src: `strings.ReplaceAll.constructor`, expected: "eval", message: "cannot fetch constructor from func" },
    { src: `time.Now().Add.constructor`, expected: "eval", message: "cannot fetch constructor from func" },
    { src: `duration("1h").Hours.call`, expected: "eval", message: "cannot fetch call from func" },
    ...["name", "length", "call", "apply", "bind", "prototype", "caller", "arguments", "toString"].map((m) => ({
      src: `time.Parse.${m}`,
      expected: "eval" as const,
      message: `cannot fetch ${m} from func`,
    })),
    { src: `time.Now().constructor`, expected: "eval", message: "cannot fetch constructor from time.Time" },
    { src: `time.Now()["__proto__"]`, expected: "eval", message: "cannot fetch __proto__ from time.Time" },
    { src: `now().Month().constructor`, expected: "eval", message: "cannot fetch constructor from time.Month" },
    { src: `time.Now().sec`, expected: "eval", message: "cannot fetch sec from time.Time" },
    { src: `time.constructor`, expected: "nil" },
    { src: `strings.__proto__`, expected: "nil" },
    // Functions stored in data (only a host can put them there) read as nil.
    { src: `fn("${payload}")`, expected: "eval", message: "cannot call nil" },
    { src: `evil.run("${payload}")`, expected: "eval", message: "cannot call nil" },
    { src: `evil["eval"]("1")`, expected: "compile" },
    { src: `evil.eval("1")`, expected: "eval", message: "cannot call nil" },
    { src: `evil.eval`, expected: "nil" },
    { src: `map([evil], #.run)`, expected: "value" },
    // Builtins that read members go through the same access.
    { src: `get(app, "constructor")`, expected: "nil" },
    { src: `get(app, "__proto__")`, expected: "nil" },
    { src: `map([app], #.constructor)`, expected: "value" },
    { src: `map([app], .toString)`, expected: "value" },
    { src: `values(hostile)`, expected: "value" },
    // Keys named after the prototype stay own data; nothing is polluted.
    { src: `hostile.__proto__.polluted`, expected: "value" },
    { src: `hostile.polluted`, expected: "nil" },
    { src: `hostile.constructor.prototype.polluted`, expected: "value" },
    { src: `fromJSON('{"__proto__": {"polluted": true}}').polluted`, expected: "nil" },
    { src: `fromJSON('{"__proto__": {"polluted": true}}')["__proto__"].polluted`, expected: "value" },
    { src: `fromPairs([["__proto__", {"polluted": true}]]).polluted`, expected: "nil" },
    { src: `{"__proto__": {"polluted": true}}.polluted`, expected: "nil" },
    { src: `groupBy(["__proto__", "constructor"], #).__proto__`, expected: "value" },
    { src: `{}.polluted`, expected: "nil" },
  ];
  for (const c of cases) {
    it(`${c.src} → ${c.expected}`, () => {
      const got = outcome(c.src, vars);
      expect(got.kind).toBe(c.expected);
      if (c.message !== undefined) expect(got.message).toContain(c.message);
      expect(nativeFunctionsIn(got.value)).toEqual([]);
    });
  }

  it("gives out helper functions and bound Go methods, never a built-in", () => {
    for (const src of ["time.Now", "time.Parse", "strings.ToUpper", "time.Now().Add", "duration('1h').Hours", "[time.Now, strings.ToLower]"]) {
      const got = outcome(src, {});
      expect(got.kind).toBe("value");
      expect(nativeFunctionsIn(got.value)).toEqual([]);
    }
  });

  it("reaches host functions only through their names, and reads nothing of them", () => {
    const functions = { "repo.RepoURLToHTTPS": (u: unknown) => String(u), double: (x: unknown) => 2 * Number(x) };
    expect(outcome("repo.RepoURLToHTTPS('a')", {}, functions)).toEqual({ kind: "value", value: "a" });
    expect(outcome("double(2)", {}, functions)).toEqual({ kind: "value", value: 4 });
    expect(outcome("repo.constructor", {}, functions)).toEqual({ kind: "nil" });
    expect(outcome("repo.RepoURLToHTTPS.constructor", {}, functions).kind).toBe("eval");
    expect(outcome("double.constructor", {}, functions).kind).toBe("eval");
    expect(outcome("double.call", {}, functions).kind).toBe("eval");
  });
});

describe("helper namespaces", () => {
  const tables = [
    { name: "time", table: timeHelpers(0) },
    { name: "strings", table: stringsHelpers },
  ];
  for (const t of tables) {
    it(`${t.name} is a frozen null-prototype table of our own functions`, () => {
      expect(Object.isFrozen(t.table)).toBe(true);
      expect(Object.getPrototypeOf(t.table)).toBe(null);
      for (const v of Object.values(t.table)) expect(isNativeFunction(v)).toBe(false);
    });
  }
});
