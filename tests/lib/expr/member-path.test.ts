import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EvalFailure } from "../../../lib/expr/_failure.ts";
import { directVarPath, isSafeKey, type MemberPath, rootedPath, unrolledWalk } from "../../../lib/expr/member-path.ts";
import { fetchMember } from "../../../lib/expr/fetch-member.ts";
import { GoTime } from "../../../lib/values/time.ts";
import { GoDuration } from "../../../lib/values/duration.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { namespace } from "../../../lib/expr/namespace.ts";

const pathOf = (keys: readonly string[], optional: readonly boolean[] = keys.map(() => false)): MemberPath => ({
  keys,
  positions: keys.map((_, i) => i * 10),
  optional,
});

/** Runs a chain from the variables; a run-time failure becomes `{ fail: message, pos }`. */
const fromVars = (vars: object, keys: readonly string[], optional?: readonly boolean[]): unknown => {
  try {
    return directVarPath(pathOf(keys, optional))(vars);
  } catch (e) {
    if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
    throw e;
  }
};

/** The reference: a variable read with an own-property check, then `fetchMember` per key, nil rules of `?.`. */
const reference = (vars: Record<string, unknown>, path: MemberPath): unknown => {
  try {
    let b: unknown = Object.prototype.hasOwnProperty.call(vars, path.keys[0]!) ? vars[path.keys[0]!] : null;
    for (let i = 1; i < path.keys.length; i++) {
      if ((b === null || b === undefined) && path.optional[i] === true) return null;
      if (b === null || b === undefined) {
        return { fail: `cannot fetch ${path.keys[i]} from <nil>`, pos: path.positions[i] };
      }
      b = fetchMember(b, path.keys[i], path.positions[i]!);
    }
    return b === undefined ? null : b;
  } catch (e) {
    if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
    throw e;
  }
};

class Host {
  readonly field = 1;
  method(): number {
    return 2;
  }
}

describe("isSafeKey()", () => {
  const cases = [
    { key: "status", safe: true },
    { key: "lastTransitionTime", safe: true },
    { key: "constructor", safe: false },
    { key: "__proto__", safe: false },
    { key: "toString", safe: false },
    { key: "hasOwnProperty", safe: false },
    { key: "0", safe: false },
    { key: "1abc", safe: false },
  ];
  for (const c of cases) it(`${c.key} → ${c.safe}`, () => expect(isSafeKey(c.key)).toBe(c.safe));
});

describe("directVarPath()", () => {
  const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
  const time = GoTime.fromUnixMilli(0);
  const cases: { name: string; vars: object; keys: string[]; optional?: boolean[]; expected: unknown }[] = [
    {
      name: "walks plain objects",
      vars: { app: { status: { phase: "Ok" } } },
      keys: ["app", "status", "phase"],
      expected: "Ok",
    },
    { name: "reads a missing variable as nil", vars: {}, keys: ["app"], expected: null },
    { name: "reads a missing last key as nil", vars: { app: {} }, keys: ["app", "status"], expected: null },
    {
      name: "reads an undefined value as nil",
      vars: { app: { status: undefined } },
      keys: ["app", "status"],
      expected: null,
    },
    {
      name: "fails on a member of nil, at that member",
      vars: { app: {} },
      keys: ["app", "status", "phase"],
      expected: { fail: "cannot fetch phase from <nil>", pos: 20 },
    },
    {
      name: "ends the chain with nil at ?.",
      vars: { app: {} },
      keys: ["app", "status", "phase"],
      optional: [false, false, true],
      expected: null,
    },
    { name: "reads null-prototype maps by own keys", vars: { m: nullProto }, keys: ["m", "a"], expected: 1 },
    {
      name: "reads a map with its own constructor key",
      vars: { m: { constructor: "x", a: 2 } },
      keys: ["m", "a"],
      expected: 2,
    },
    {
      name: "does not read array properties",
      vars: { xs: [1] },
      keys: ["xs", "length"],
      expected: { fail: "invalid operation: int(string)", pos: 10 },
    },
    {
      name: "does not read Go value fields",
      vars: { t: time },
      keys: ["t", "sec"],
      expected: { fail: "cannot fetch sec from time.Time", pos: 10 },
    },
    {
      name: "does not read host class fields",
      vars: { h: new Host() },
      keys: ["h", "field"],
      expected: { fail: "cannot fetch field from struct {}", pos: 10 },
    },
    {
      name: "does not read host class methods",
      vars: { h: new Host() },
      keys: ["h", "method"],
      expected: { fail: "cannot fetch method from struct {}", pos: 10 },
    },
    { name: "reads only own variables of a class instance", vars: new Host(), keys: ["method"], expected: null },
    {
      name: "reads a chain from the variables of a class instance",
      vars: Object.assign(new Host(), { app: { a: 1 } }),
      keys: ["app", "a"],
      expected: 1,
    },
    { name: "reads a function variable as nil", vars: { f: () => 1 }, keys: ["f"], expected: null },
    {
      name: "fails on a member of a function variable as on nil",
      vars: { f: { g: () => 1 } },
      keys: ["f", "g", "h"],
      expected: { fail: "cannot fetch h from <nil>", pos: 20 },
    },
    {
      name: "walks chains longer than the unrolled ones",
      vars: { a: { b: { c: { d: { e: { f: 6 } } } } } },
      keys: ["a", "b", "c", "d", "e", "f"],
      expected: 6,
    },
  ];
  for (const c of cases) it(c.name, () => expect(fromVars(c.vars, c.keys, c.optional)).toEqual(c.expected));

  it("binds Go value methods as fetchMember does", () => {
    const f = fromVars({ t: GoTime.fromUnixMilli(1000) }, ["t", "Unix"]);
    expect(typeof f === "function" ? (f as () => unknown)() : f).toBe(1);
  });

  it("agrees with own-property reads through fetchMember on arbitrary JSON and chains", () => {
    const key = fc.constantFrom("a", "b", "status", "phase");
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.array(fc.tuple(key, fc.boolean()), { minLength: 1, maxLength: 5 }),
        (json, steps) => {
          const vars = { a: json };
          const path = pathOf(["a", ...steps.map(([k]) => k)], [false, ...steps.map(([, o]) => o)]);
          expect(fromVars(vars, path.keys, path.optional)).toEqual(reference(vars, path));
        },
      ),
    );
  });
});

describe("rootedPath()", () => {
  it("walks from the root's value", () => {
    const f = rootedPath((ctx: { el: unknown }) => ctx.el, pathOf(["reason"]));
    expect(f({ el: { reason: "Ready" } })).toBe("Ready");
    expect(() => f({ el: null })).toThrow(EvalFailure);
  });
});

describe("the fast walk is fetchMember (#7)", () => {
  /** Applies fetchMember key by key from `root`, with `?.` ending the chain at nil: the one access function. */
  const byFetchMember = (root: unknown, path: MemberPath): unknown => {
    try {
      let b = root;
      for (let i = 0; i < path.keys.length; i++) {
        if ((b === null || b === undefined) && path.optional[i] === true) return null;
        b = fetchMember(b, path.keys[i], path.positions[i]!);
      }
      return b === undefined ? null : b;
    } catch (e) {
      if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
      throw e;
    }
  };
  const callOutcome = (f: unknown): unknown => {
    try {
      return { ok: (f as () => unknown)() };
    } catch (e) {
      return { fail: e instanceof EvalFailure ? e.message : String(e) };
    }
  };
  const outcome = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      if (e instanceof EvalFailure) return { fail: e.message, pos: e.pos };
      throw e;
    }
  };
  const byWalk = (root: unknown, path: MemberPath): unknown =>
    outcome(() => rootedPath((ctx: { el: unknown }) => ctx.el, path)({ el: root }));
  /** The unrolled walk of the same keys, and the chain from a variable holding `root` in variables of `kind`. */
  const byUnrolled = (root: unknown, path: MemberPath): unknown =>
    outcome(() => unrolledWalk(path, 0, path.keys.length)(root));
  const fromVariable = (root: unknown, path: MemberPath, kind: string): unknown => {
    const vars = (kind === "null" ? Object.create(null) : kind === "class" ? new Host() : {}) as Record<
      string,
      unknown
    >;
    vars["v"] = root;
    const varChain = {
      keys: ["v", ...path.keys],
      positions: [-5, ...path.positions],
      optional: [false, ...path.optional],
    };
    return outcome(() => directVarPath(varChain)(vars));
  };
  /** A variable read as the language reads one (own property, a function is nil), then fetchMember key by key. */
  const fromVariableByFetchMember = (root: unknown, path: MemberPath): unknown =>
    byFetchMember(typeof root === "function" ? null : root, path);

  const keys = ["a", "b", "status", "Add", "Unix", "f"];
  const ownKeys = fc.constantFrom(...keys, "constructor", "__proto__", "toString", "hasOwnProperty", "0");
  /** Every kind of value of the value model, with adversarial own keys (made as own data properties). */
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 4, depthSize: "small" },
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom<unknown>(
        null,
        undefined,
        "text",
        3,
        2.5,
        true,
        new GoFloat(1),
        GoTime.fromUnixMilli(1000),
        new GoDuration(5e9),
        Uint8Array.from([1, 2]),
        () => "f",
        Function,
        Object,
        namespace({ f: () => "ns", a: 1 }),
        new (class Host {})(),
      ),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.tuple(
        fc.array(fc.tuple(ownKeys, tie("value")), { maxLength: 4 }),
        fc.constantFrom("plain", "null", "ownCtor", "nullCtor"),
      )
        .map(([entries, kind]) => {
          const o = (kind === "null" || kind === "nullCtor" ? Object.create(null) : {}) as Record<string, unknown>;
          for (const [k, v] of entries) {
            Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
          }
          if (kind === "ownCtor" || kind === "nullCtor") {
            Object.defineProperty(o, "constructor", { value: Object, enumerable: true });
          }
          return o;
        }),
    ),
  }));
  const paths = fc.array(fc.tuple(fc.constantFrom(...keys), fc.boolean()), { minLength: 1, maxLength: 5 })
    .map((steps) => pathOf(steps.map(([k]) => k), steps.map(([, o]) => o)));

  const agree = (a: unknown, b: unknown): void => {
    if (typeof a === "function" || typeof b === "function") {
      // Bound Go methods are fresh closures: compare what calling them does.
      expect([typeof a, typeof b]).toEqual(["function", "function"]);
      if (a !== b) expect(callOutcome(a)).toEqual(callOutcome(b));
      return;
    }
    expect(a).toEqual(b);
  };

  it("agrees with fetchMember on every value of the value model, for every chain of safe keys", () => {
    fc.assert(
      fc.property(value, paths, (root, path) => {
        const expected = byFetchMember(root, path);
        agree(byWalk(root, path), expected);
        agree(byUnrolled(root, path), expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads chains from a variable as the variable read and fetchMember do, whatever object holds the variables", () => {
    fc.assert(
      fc.property(value, paths, fc.constantFrom("plain", "null", "class"), (root, path, kind) => {
        agree(fromVariable(root, path, kind), fromVariableByFetchMember(root, path));
      }),
      { numRuns: 3000 },
    );
  });

  it("reads a function stored in data as nil, and a namespace's function as itself", () => {
    const f = () => 1;
    const ns = namespace({ f });
    const cases = [
      { root: { a: { f } }, keys: ["a", "f"], expected: null },
      { root: { a: Function }, keys: ["a"], expected: null },
      { root: { a: ns }, keys: ["a", "f"], expected: f },
      { root: ns, keys: ["f"], expected: f },
    ];
    for (const c of cases) {
      expect(byWalk(c.root, pathOf(c.keys))).toBe(c.expected);
      expect(byFetchMember(c.root, pathOf(c.keys))).toBe(c.expected);
    }
  });
});
