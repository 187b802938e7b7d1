/**
 * The sandbox as a property (#7): expressions generated from the grammar — member chains, indexes, method calls and
 * calls over adversarial names, builtins, predicates, literals — run over random resources with adversarial keys.
 * Whatever they are, a run never throws, never returns a JavaScript built-in function, never changes
 * `Object.prototype`, `Function.prototype`, `Array.prototype`, `String.prototype` or `globalThis`, and stays within
 * its budget.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileExpr } from "../../../lib/expr/mod.ts";
import { resolveLimits } from "../../../lib/limits.ts";
import { countedRun, globalsSnapshot, nativeFunctionsIn } from "../../_helpers/sandbox.ts";

const adversarial = [
  "constructor", "__proto__", "prototype", "toString", "valueOf", "call", "apply", "bind", "hasOwnProperty", "length",
  "name", "caller", "arguments", "isPrototypeOf", "__defineGetter__", "__lookupGetter__", "toJSON", "then", "Function",
  "eval", "globalThis", "process", "Deno", "require", "import",
];
const plain = ["a", "b", "status", "items", "res", "Now", "Parse", "Add", "ToUpper", "Minute", "String", "Unix"];
const names = [...adversarial, ...plain];
const identifiers = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !["import"].includes(n));

const quoted = (s: string): string => `'${s}'`;

const { expr } = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    fc.constantFrom(...identifiers, "$env", "res", "time", "strings", "nil", "true", "1", "2.5", "-1", "[]", "{}", "#", ".name", "#index"),
    fc.constantFrom("tick()", "time.Now()", "now()", "duration('1h')", "b'ab'", "'abc'", "0..3", "res.items"),
    fc.constantFrom("0..5000", "res.deep", "repeat('ab', 6000)", "map(0..999, 0..99)"),
    fc.constantFrom(...names).map(quoted),
  ),
  expr: fc.oneof(
    { maxDepth: 4, depthSize: "small" },
    tie("atom"),
    fc.tuple(tie("expr"), fc.constantFrom(...identifiers)).map(([e, n]) => `(${e}).${n}`),
    fc.tuple(tie("expr"), fc.constantFrom(...identifiers)).map(([e, n]) => `(${e})?.${n}`),
    fc.tuple(tie("expr"), fc.constantFrom(...names)).map(([e, n]) => `(${e})[${quoted(n)}]`),
    fc.tuple(tie("expr"), tie("expr")).map(([e, i]) => `(${e})[${i}]`),
    fc.tuple(tie("expr"), fc.constantFrom(...identifiers), fc.array(tie("expr"), { maxLength: 2 }))
      .map(([e, n, args]) => `(${e}).${n}(${args.join(", ")})`),
    fc.tuple(fc.constantFrom(...identifiers), fc.array(tie("expr"), { maxLength: 2 })).map(([n, args]) => `${n}(${args.join(", ")})`),
    fc.tuple(
      fc.constantFrom("map", "filter", "any", "all", "count", "find", "groupBy", "sortBy", "reduce", "sum"),
      tie("expr"),
      tie("expr"),
    ).map(([f, c, p]) => `${f}(${c}, ${p})`),
    fc.tuple(
      fc.constantFrom(
        "len", "first", "last", "keys", "values", "toPairs", "fromPairs", "toJSON", "fromJSON", "string", "uniq", "flatten",
        "reverse", "sort", "type", "upper", "join", "max", "toBase64",
      ),
      tie("expr"),
    ).map(([f, a]) => `${f}(${a})`),
    fc.tuple(fc.constantFrom("get", "concat", "repeat", "split", "replace", "take"), tie("expr"), tie("expr"))
      .map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc.tuple(tie("expr"), fc.constantFrom("==", "!=", "in", "+", "..", "??", "contains", "matches", "<"), tie("expr"))
      .map(([a, op, b]) => `(${a}) ${op} (${b})`),
    fc.tuple(fc.constantFrom(...identifiers), tie("expr"), tie("expr")).map(([n, v, b]) => `let ${n} = ${v}; ${b}`),
    fc.array(tie("expr"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
    fc.tuple(fc.constantFrom(...names), tie("expr")).map(([k, v]) => `{${quoted(k)}: ${v}}`),
  ),
}));

/** JSON with adversarial keys, parsed so `__proto__` and friends are own data properties, sometimes null-prototype. */
const resource = fc.tuple(
  fc.dictionary(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  fc.boolean(),
  fc.nat({ max: 200 }),
).map(([d, nullProto, depth]) => {
  const parsed = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
  let deep: unknown = parsed;
  for (let i = 0; i < depth; i++) deep = [deep];
  const value = { ...parsed, items: Object.values(parsed), deep };
  return nullProto ? Object.assign(Object.create(null) as Record<string, unknown>, value) : value;
});

describe("any expression over any resource (#7)", () => {
  const limits = resolveLimits({ exprSteps: 20_000, maxListLength: 1_000, maxStringLength: 20_000, maxValueDepth: 50 });

  it("never throws, never returns a built-in function, changes no prototype or global, stays within budget", () => {
    const before = globalsSnapshot();
    fc.assert(
      fc.property(expr, resource, (src, res) => {
        let calls = 0;
        const tick = (): number => ++calls;
        const vars = JSON.parse(`{"__proto__": 1, "constructor": 2, "toString": 3}`) as Record<string, unknown>;
        Object.assign(vars, { res, a: res, b: [res, "x"] });
        const compiled = compileExpr(src, { functions: { tick } });
        if (compiled._tag === "Left") {
          expect(compiled.left._tag).toBe("ExprCompile");
          return;
        }
        const r = compiled.right.run(vars, { now: 0, limits });
        if (r._tag === "Left") expect(["ExprEval", "LimitExceeded"]).toContain(r.left._tag);
        else expect(nativeFunctionsIn(r.right)).toEqual([]);
        expect(calls).toBeLessThanOrEqual(limits.exprSteps);
        const counted = countedRun(src, vars, { limits, functions: { tick } });
        expect(counted.steps).toBeLessThanOrEqual(limits.exprSteps + limits.maxListLength);
        expect((globalThis as Record<string, unknown>)["__pwned"]).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
    expect(globalsSnapshot()).toEqual(before);
  });

  it("generates expressions that reach deep into values, not only compile errors", () => {
    const sample = fc.sample(expr, { numRuns: 500, seed: 7 });
    const ran = sample.filter((src) => {
      const c = compileExpr(src, { functions: { tick: () => 1 } });
      return c._tag === "Right" && c.right.run({ res: { a: 1 } }, { now: 0, limits })._tag === "Right";
    });
    expect(ran.length).toBeGreaterThan(50);
  });
});
