import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { LabelSelector, Requirement } from "../../../lib/subscriptions/selector.ts";
import {
  formatRequirement,
  formatSelector,
  matchesSelector,
  parseSelector,
} from "../../../lib/subscriptions/selector.ts";

const req = (
  key: string,
  operator: Requirement["operator"],
  values: string[] = [],
): Requirement => ({ key, operator, values });

function parsed(source: string): LabelSelector {
  const r = parseSelector(source);
  if (r._tag === "Left") throw new Error(`unexpected: ${r.left.message}`);
  return r.right;
}

describe("parseSelector()", () => {
  const valid: readonly {
    name: string;
    input: string;
    expected: readonly Requirement[];
  }[] = [
    { name: "reads the empty selector", input: "", expected: [] },
    { name: "reads a blank selector", input: " \t\n ", expected: [] },
    { name: "reads equality", input: "a=b", expected: [req("a", "=", ["b"])] },
    {
      name: "reads double equality",
      input: "a==b",
      expected: [req("a", "==", ["b"])],
    },
    {
      name: "reads inequality",
      input: "a!=b",
      expected: [req("a", "!=", ["b"])],
    },
    {
      name: "reads an empty value",
      input: "a=",
      expected: [req("a", "=", [""])],
    },
    {
      name: "reads an empty value before a comma",
      input: "a=,b",
      expected: [req("a", "=", [""]), req("b", "exists")],
    },
    { name: "reads existence", input: "a", expected: [req("a", "exists")] },
    { name: "reads non-existence", input: "!a", expected: [req("a", "!")] },
    {
      name: "reads non-existence with spaces",
      input: "! a",
      expected: [req("a", "!")],
    },
    {
      name: "reads in, sorting and de-duplicating values",
      input: "x in (b, a, a)",
      expected: [req("x", "in", ["a", "b"])],
    },
    {
      name: "reads notin",
      input: "x notin (a)",
      expected: [req("x", "notin", ["a"])],
    },
    {
      name: "reads an empty set as the empty value",
      input: "x in ()",
      expected: [req("x", "in", [""])],
    },
    {
      name: "reads empty members of a set",
      input: "x in (,a,)",
      expected: [req("x", "in", ["", "a"])],
    },
    {
      name: "reads gt and lt",
      input: "a>1,b<20",
      expected: [req("a", "gt", ["1"]), req("b", "lt", ["20"])],
    },
    {
      name: "sorts requirements by key",
      input: "z=1,a=2,m",
      expected: [
        req("a", "=", ["2"]),
        req("m", "exists"),
        req("z", "=", ["1"]),
      ],
    },
    {
      name: "keeps keys that look like keywords",
      input: "in in (notin)",
      expected: [req("in", "in", ["notin"])],
    },
    {
      name: "allows whitespace anywhere between tokens",
      input: "  a  =  b ,  c  notin  ( x , y ) ",
      expected: [req("a", "=", ["b"]), req("c", "notin", ["x", "y"])],
    },
    {
      name: "reads a prefixed key",
      input: "app.kubernetes.io/name=web",
      expected: [req("app.kubernetes.io/name", "=", ["web"])],
    },
    {
      name: "reads values with dots, dashes and underscores",
      input: "v=1.2_3-b",
      expected: [req("v", "=", ["1.2_3-b"])],
    },
    {
      name: "reads a 63-character name",
      input: `${"k".repeat(63)}`,
      expected: [req("k".repeat(63), "exists")],
    },
    {
      name: "stops at a NUL character as Go does",
      input: "a=b\0garbage",
      expected: [req("a", "=", ["b"])],
    },
    {
      name: "repeats a key as separate requirements",
      input: "a=1,a!=2",
      expected: [req("a", "=", ["1"]), req("a", "!=", ["2"])],
    },
  ];
  for (const c of valid) {
    it(
      c.name,
      () =>
        expect(parseSelector(c.input)).toEqual({
          _tag: "Right",
          right: { source: c.input, requirements: c.expected },
        }),
    );
  }

  const invalid: readonly {
    name: string;
    input: string;
    column: number;
    message: RegExp;
  }[] = [
    {
      name: "rejects an unclosed set",
      input: "a in (",
      column: 7,
      message: /found end of string, expected: ',', '\)' or identifier/,
    },
    {
      name: "rejects a set without parentheses",
      input: "a in b",
      column: 6,
      message: /expected: '\('/,
    },
    {
      name: "rejects a dangling comma",
      input: "a,",
      column: 3,
      message: /identifier after ','/,
    },
    {
      name: "rejects a leading comma",
      input: ",a",
      column: 1,
      message: /expected: !, identifier/,
    },
    {
      name: "rejects two values",
      input: "a=b c",
      column: 5,
      message: /found 'c', expected: ',' or 'end of string'/,
    },
    {
      name: "rejects chained operators",
      input: "a=b=c",
      column: 4,
      message: /found '='/,
    },
    {
      name: "rejects an operator after !key",
      input: "!a=b",
      column: 3,
      message: /found '='/,
    },
    {
      name: "rejects an empty key",
      input: "=b",
      column: 1,
      message: /expected: !, identifier/,
    },
    {
      name: "rejects a key starting with a dash",
      input: "-a=b",
      column: 1,
      message: /invalid label key "-a"/,
    },
    {
      name: "rejects a key longer than 63 characters",
      input: `${"k".repeat(64)}=v`,
      column: 1,
      message: /no more than 63 bytes/,
    },
    {
      name: "rejects an empty prefix",
      input: "/a",
      column: 1,
      message: /prefix part must be non-empty/,
    },
    {
      name: "rejects an upper-case prefix",
      input: "Example.com/a",
      column: 1,
      message: /RFC 1123 subdomain/,
    },
    {
      name: "rejects two slashes",
      input: "a/b/c",
      column: 1,
      message: /optional DNS subdomain prefix/,
    },
    {
      name: "rejects an empty name after a prefix",
      input: "example.com/",
      column: 1,
      message: /name part must be non-empty/,
    },
    {
      name: "rejects an invalid value",
      input: "a=b$",
      column: 3,
      message: /invalid value "b\$"/,
    },
    {
      name: "rejects a value longer than 63 characters",
      input: `a=${"v".repeat(64)}`,
      column: 3,
      message: /no more than 63 bytes/,
    },
    {
      name: "rejects an invalid value in a set",
      input: "a in (ok, -bad)",
      column: 6,
      message: /invalid value "-bad"/,
    },
    {
      name: "rejects a non-integer gt",
      input: "a>b",
      column: 3,
      message: /must be an integer/,
    },
    {
      name: "rejects a negative lt, which is no label value",
      input: "a<-1",
      column: 3,
      message: /invalid value "-1"/,
    },
    {
      name: "rejects an unknown operator",
      input: "a ! b",
      column: 3,
      message: /found '!', expected: in, notin/,
    },
    {
      name: "rejects an operator in a set",
      input: "a in (b=)",
      column: 8,
      message: /expected: ',' or '\)'/,
    },
  ];
  for (const c of invalid) {
    it(c.name, () => {
      const r = parseSelector(c.input);
      expect(r._tag).toBe("Left");
      if (r._tag !== "Left") return;
      expect(r.left._tag).toBe("InvalidSelector");
      expect(r.left.column).toBe(c.column);
      expect(r.left.message).toMatch(c.message);
    });
  }

  it("reports line 2 for an error on the second line", () => {
    const r = parseSelector("a=b,\nc in (");
    expect(r._tag === "Left" && [r.left.line, r.left.column]).toEqual([2, 7]);
  });

  it("never throws", () => {
    const alphabet = fc.constantFrom(
      "a",
      "b",
      "=",
      "!",
      "(",
      ")",
      ",",
      " ",
      "in",
      "notin",
      ">",
      "<",
      "/",
      ".",
      "-",
      "1",
      "\n",
      "é",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 20 }).map((xs) => xs.join("")),
        (s) => {
          const r = parseSelector(s);
          return r._tag === "Left" ? r.left._tag === "InvalidSelector" && (r.left.column ?? 0) >= 1 : true;
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 30 }), (s) => {
      parseSelector(s);
      return true;
    }));
  });
});

const name = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?$/);
const value = fc.oneof(fc.constant(""), name);
const key = fc.oneof(
  name,
  fc.tuple(fc.stringMatching(/^[a-z0-9]{1,5}(\.[a-z0-9]{1,5}){0,2}$/), name)
    .map(([p, n]) => `${p}/${n}`),
);
const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.tuple(key, fc.constantFrom("=", "==", "!=" as const), value).map((
    [k, op, v],
  ) => req(k, op, [v])),
  fc.tuple(
    key,
    fc.constantFrom("in", "notin" as const),
    fc.uniqueArray(value, { minLength: 1, maxLength: 4 }),
  )
    .map(([k, op, vs]) => req(k, op, [...vs].sort())),
  fc.tuple(key, fc.constantFrom("exists", "!" as const)).map(([k, op]) => req(k, op)),
  fc.tuple(key, fc.constantFrom("gt", "lt" as const), fc.nat({ max: 99999 }))
    .map(([k, op, n]) => req(k, op, [String(n)])),
);

describe("formatSelector()", () => {
  const cases = [
    { input: "b in (y,x),a", expected: "a,b in (x,y)" },
    {
      input: "!a,b!=c,d==e,f>3,g<4,h notin (i)",
      expected: "!a,b!=c,d==e,f>3,g<4,h notin (i)",
    },
    { input: "", expected: "" },
  ];
  for (const c of cases) {
    it(`prints "${c.input}" as "${c.expected}"`, () => expect(formatSelector(parsed(c.input))).toBe(c.expected));
  }

  it("reads back to the same requirements", () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 5 }), (reqs) => {
        const source = reqs.map(formatRequirement).join(",");
        const r = parseSelector(source);
        const sorted = [...reqs].sort((
          a,
          b,
        ) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        return r._tag === "Right" &&
          r.right.requirements.map(formatRequirement).sort().join("|") ===
            sorted.map(formatRequirement).sort().join("|") &&
          r.right.requirements.every((x, i) => x.key === sorted[i]!.key);
      }),
      { numRuns: 500 },
    );
  });
});

describe("matchesSelector()", () => {
  const cases = [
    {
      name: "matches everything when empty",
      selector: "",
      labels: {},
      expected: true,
    },
    {
      name: "matches equality",
      selector: "a=b",
      labels: { a: "b" },
      expected: true,
    },
    {
      name: "fails equality on another value",
      selector: "a=b",
      labels: { a: "c" },
      expected: false,
    },
    {
      name: "fails equality when absent",
      selector: "a==b",
      labels: {},
      expected: false,
    },
    {
      name: "matches != when absent",
      selector: "a!=b",
      labels: {},
      expected: true,
    },
    {
      name: "fails != on the value",
      selector: "a!=b",
      labels: { a: "b" },
      expected: false,
    },
    {
      name: "matches in",
      selector: "a in (x,y)",
      labels: { a: "y" },
      expected: true,
    },
    {
      name: "fails in when absent",
      selector: "a in (x,y)",
      labels: {},
      expected: false,
    },
    {
      name: "matches notin when absent",
      selector: "a notin (x)",
      labels: {},
      expected: true,
    },
    {
      name: "fails notin on a member",
      selector: "a notin (x)",
      labels: { a: "x" },
      expected: false,
    },
    {
      name: "matches exists",
      selector: "a",
      labels: { a: "" },
      expected: true,
    },
    {
      name: "fails exists when absent",
      selector: "a",
      labels: { b: "a" },
      expected: false,
    },
    {
      name: "matches does-not-exist",
      selector: "!a",
      labels: { b: "1" },
      expected: true,
    },
    {
      name: "fails does-not-exist when present",
      selector: "!a",
      labels: { a: "" },
      expected: false,
    },
    {
      name: "matches the empty value",
      selector: "a=",
      labels: { a: "" },
      expected: true,
    },
    { name: "matches gt", selector: "a>5", labels: { a: "6" }, expected: true },
    {
      name: "fails gt on equal",
      selector: "a>5",
      labels: { a: "5" },
      expected: false,
    },
    {
      name: "fails gt on a non-integer label",
      selector: "a>5",
      labels: { a: "x" },
      expected: false,
    },
    {
      name: "matches lt",
      selector: "a<5",
      labels: { a: "-3" },
      expected: true,
    },
    {
      name: "fails lt when absent",
      selector: "a<5",
      labels: {},
      expected: false,
    },
    {
      name: "needs every requirement",
      selector: "a=1,b=2",
      labels: { a: "1", b: "3" },
      expected: false,
    },
    {
      name: "does not see inherited properties",
      selector: "constructor",
      labels: {},
      expected: false,
    },
    {
      name: "does not see inherited properties for !=",
      selector: "toString!=x",
      labels: {},
      expected: true,
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      () => expect(matchesSelector(parsed(c.selector), c.labels)).toBe(c.expected),
    );
  }

  it("agrees with the negation pairs", () => {
    const labels = fc.dictionary(
      fc.constantFrom("a", "b", "c"),
      fc.constantFrom("", "x", "y"),
    );
    fc.assert(
      fc.property(
        labels,
        fc.constantFrom("a", "b"),
        fc.constantFrom("x", "y"),
        (ls, k, v) =>
          matchesSelector(parsed(`${k}=${v}`), ls) ===
            !matchesSelector(parsed(`${k}!=${v}`), ls) &&
          matchesSelector(parsed(`${k} in (${v})`), ls) ===
            !matchesSelector(parsed(`${k} notin (${v})`), ls) &&
          matchesSelector(parsed(k), ls) ===
            !matchesSelector(parsed(`!${k}`), ls),
      ),
    );
  });
});

// Behaviours of k8s.io/apimachinery's own tests (pkg/labels/selector_test.go: TestSelectorParse, TestSetSelectorParser,
// TestSelectorMatches), restated as data.
describe("parseSelector() agrees with labels.Parse", () => {
  const reprint = [
    "x=a,y=b,z=c",
    "",
    "x!=a,y=b",
    "x=",
    "x= ",
    "x=,z= ",
    "x= ,z= ",
    "!x",
    "x>1",
    "x>1,z<5",
  ];
  for (const s of reprint) {
    it(`prints ${JSON.stringify(s)} back without spaces`, () =>
      expect(formatSelector(parsed(s))).toBe(s.replaceAll(" ", "")));
  }

  const good: readonly [string, string][] = [
    ["\rx", "x"],
    [
      "this-is-a-dns.domain.com/key-with-dash",
      "this-is-a-dns.domain.com/key-with-dash",
    ],
    [
      "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
      "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
    ],
    ["foo  in\t (abc)", "foo in (abc)"],
    ["x notin\n (abc)", "x notin (abc)"],
    ["x in (abc,)", "x in (,abc)"],
    ["x in (abc,abc)", "x in (abc)"],
    ["x in (a,,,,,,)", "x in (,a)"],
    ["x in (a,,a,,a,,a,,)", "x in (,a)"],
    ["x notin (abc,,def),bar,z in (),w", "bar,w,x notin (,abc,def),z in ()"],
    ["x,y in (a)", "x,y in (a)"],
    ["x notin ( )", "x notin ()"],
    ["x notin (, a)", "x notin (,a)"],
    ["a ", "a"],
    ["a in (x,y,notin, z,in)", "a in (in,notin,x,y,z)"],
    ["x=a,a=x", "a=x,x=a"],
    ["notin=in", "notin=in"],
  ];
  for (const [input, printed] of good) {
    it(`accepts ${JSON.stringify(input)}`, () => expect(formatSelector(parsed(input))).toBe(printed));
  }

  const bad = [
    "x=a||y=b",
    "x==a==b",
    "!x=a",
    "x<a",
    "x,,y",
    ",x,y",
    "x nott in (y)",
    "a in (xyz),",
    "a in (xyz)b notin ()",
    "a in (xyz abc)",
    "a notin(",
    "a (",
    "(",
    "x>",
    `${"a".repeat(254)}`,
  ];
  for (const input of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => expect(parseSelector(input)._tag).toBe("Left"));
  }

  const matches: readonly [string, Record<string, string>, boolean][] = [
    ["", { x: "y" }, true],
    ["x=y,z=w", { x: "y", z: "w" }, true],
    ["x!=y,z!=w", { x: "z", z: "a" }, true],
    ["x!=y,z!=w", { x: "z", z: "w" }, false],
    ["x=y,z=w", { x: "w", z: "w" }, false],
    ["x<1", { x: "0" }, true],
    ["x<1", { x: "2" }, false],
    ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }, false],
  ];
  for (const [s, labels, expected] of matches) {
    it(`${expected ? "matches" : "does not match"} ${JSON.stringify(s)} on ${JSON.stringify(labels)}`, () =>
      expect(matchesSelector(parsed(s), labels)).toBe(expected));
  }
});
