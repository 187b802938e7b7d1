import { describe, expect, it } from "vitest";
import { E } from "../../../lib/fp.ts";
import { pairNamed, parseYaml } from "../../../lib/config/_yaml-position.ts";
import type { PairIndex } from "../../../lib/config/_yaml-position.ts";
import type { Position, YamlPath, YamlValue, YamlVersion } from "../../../lib/config/_yaml-position.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { readYaml } from "../../../lib/yaml/mod.ts";
import type { YamlMap } from "../../../lib/yaml/mod.ts";

/** The root map of `source`, read by our reader. */
const rootMap = (source: string): YamlMap => {
  const root = readYaml(source, { version: "1.1" }).root;
  if (root?.kind !== "map") throw new TypeError("not a map");
  return root;
};

const parse = (source: string, version: YamlVersion = "1.1"): YamlValue => {
  const r = parseYaml(source, version);
  if (E.isLeft(r)) throw new TypeError(`unexpected YAML error: ${r.left[0]?.message}`);
  return r.right;
};

const doc = "- when: a == 1\n  send: [x, y]\n- when: |\n    b ==\n      c\n  oncePer: 'k'\n";

const positions: readonly { name: string; path: YamlPath; value?: Position; key?: Position }[] = [
  { name: "a list item", path: [1], value: { line: 3, column: 3 }, key: { line: 3, column: 3 } },
  { name: "a field", path: [0, "when"], value: { line: 1, column: 9 }, key: { line: 1, column: 3 } },
  { name: "a flow list item", path: [0, "send", 1], value: { line: 2, column: 13 } },
  { name: "a quoted scalar", path: [1, "oncePer"], value: { line: 6, column: 12 } },
  { name: "the nearest ancestor of a missing path", path: [0, "nothing", 3], value: { line: 1, column: 3 } },
  {
    name: "a field written in another case, as Go reads it",
    path: [0, "SEND", 0],
    value: { line: 2, column: 10 },
    key: { line: 2, column: 10 },
  },
];

const inside = [
  { name: "a plain scalar", path: [0, "when"], inner: { line: 1, column: 3 }, expected: { line: 1, column: 11 } },
  {
    name: "a quoted scalar (after the quote)",
    path: [1, "oncePer"],
    inner: { line: 1, column: 1 },
    expected: { line: 6, column: 13 },
  },
  { name: "a literal block", path: [1, "when"], inner: { line: 2, column: 3 }, expected: { line: 5, column: 7 } },
] as const;

// Each scalar's text is `ab'"c`, or `ab` then `c` on a second line; the position asked for is the `c`.
const scalars = "plain: ab c\n" +
  "single: 'ab''\"c'\n" +
  'double: "ab\\u0027\\"c"\n' +
  'escaped: "ab\\nc"\n' +
  "strip: |-\n    ab\n    c\n" +
  "keep: |+ # comment\n\n    ab\n    c\n\n" +
  "indicator: |2\n    ab\n    c\n" +
  "folded: >\n  ab\n  c\n" +
  "multiline: ab\n  c\n" +
  "number: 12\n";
const scalarCases = [
  { name: "a plain scalar", path: ["plain"], inner: { line: 1, column: 4 }, expected: { line: 1, column: 11 } },
  {
    name: "a single-quoted scalar, doubled quotes counted",
    path: ["single"],
    inner: { line: 1, column: 5 },
    expected: { line: 2, column: 15 },
  },
  {
    name: "a double-quoted scalar, escapes counted",
    path: ["double"],
    inner: { line: 1, column: 5 },
    expected: { line: 3, column: 20 },
  },
  {
    name: "a double-quoted scalar's second line (an escaped newline)",
    path: ["escaped"],
    inner: { line: 2, column: 1 },
    expected: { line: 4, column: 15 },
  },
  {
    name: "the end of a quoted scalar, as its closing quote",
    path: ["single"],
    inner: { line: 1, column: 6 },
    expected: { line: 2, column: 16 },
  },
  {
    name: "a stripped literal block",
    path: ["strip"],
    inner: { line: 2, column: 1 },
    expected: { line: 7, column: 5 },
  },
  {
    name: "a kept literal block with a comment and a leading empty line",
    path: ["keep"],
    inner: { line: 3, column: 1 },
    expected: { line: 11, column: 5 },
  },
  {
    name: "a literal block with an indentation indicator, at its start",
    path: ["indicator"],
    inner: { line: 2, column: 1 },
    expected: { line: 13, column: 12 },
  },
  {
    name: "a folded block, at its start",
    path: ["folded"],
    inner: { line: 2, column: 1 },
    expected: { line: 16, column: 9 },
  },
  {
    name: "a plain scalar over two lines, at its start",
    path: ["multiline"],
    inner: { line: 2, column: 1 },
    expected: { line: 19, column: 12 },
  },
  {
    name: "a number, in its text",
    path: ["number"],
    inner: { line: 1, column: 2 },
    expected: { line: 21, column: 10 },
  },
  { name: "a map, at its start", path: [], inner: { line: 1, column: 2 }, expected: { line: 1, column: 1 } },
] as const;

describe("parseYaml()", () => {
  for (const c of positions) {
    it(`finds ${c.name}`, () => {
      const y = parse(doc);
      if (c.value !== undefined) expect(y.valueAt(c.path)).toEqual(c.value);
      if (c.key !== undefined) expect(y.keyAt(c.path)).toEqual(c.key);
    });
  }
  for (const c of inside) {
    it(`maps a position inside ${c.name}`, () => {
      expect(parse(doc).insideScalar(c.path, c.inner)).toEqual(c.expected);
    });
  }
  it("reads the scalars of the position table as intended", () => {
    expect(parse(scalars).value).toEqual({
      plain: "ab c",
      single: "ab'\"c",
      double: "ab'\"c",
      escaped: "ab\nc",
      strip: "ab\nc",
      keep: "\nab\nc\n\n",
      indicator: "  ab\n  c\n",
      folded: "ab c\n",
      multiline: "ab c",
      number: 12,
    });
  });
  for (const c of scalarCases) {
    it(`maps a position inside ${c.name}`, () => {
      expect(parse(scalars).insideScalar(c.path, c.inner)).toEqual(c.expected);
    });
  }

  const warnings = [
    {
      name: "an unknown tag",
      source: "a: !foo x\n",
      message: 'the tag "!foo" is unknown, so the value is read without it',
      line: 1,
      column: 4,
    },
  ] as const;
  for (const c of warnings) {
    it(`warns about ${c.name} and keeps the value`, () => {
      const y = parse(c.source);
      expect(y.value).toEqual({ a: "x" });
      expect(y.warnings).toEqual([{
        _tag: "YamlSyntax",
        severity: "warning",
        message: c.message,
        line: c.line,
        column: c.column,
      }]);
    });
  }
  it("has no warnings for plain YAML", () => {
    expect(parse(doc).warnings).toEqual([]);
  });

  const versions = [
    {
      name: "YAML 1.1 reads yes/on/y as booleans, like goyaml.v2",
      version: "1.1",
      expected: { a: true, b: true, c: true, d: false },
    },
    {
      name: "YAML 1.2 keeps them strings, like yaml.v3",
      version: "1.2",
      expected: { a: "yes", b: "on", c: "y", d: "no" },
    },
  ] as const;
  for (const c of versions) {
    it(c.name, () => {
      expect(parse("a: yes\nb: on\nc: y\nd: no\n", c.version).value).toEqual(c.expected);
    });
  }

  it("keeps timestamps and sexagesimal-looking values as strings in YAML 1.1, like goyaml.v2", () => {
    expect(parse("at: 2001-12-14\nclock: 12:30\n").value).toEqual({ at: "2001-12-14", clock: "12:30" });
  });

  it("reads an empty value as null", () => {
    expect(parse("").value).toBeNull();
  });

  const errors = [
    { name: "an unclosed flow list", source: "send: [a, b\nwhen: x\n", line: 2, column: 1 },
    { name: "a duplicate key", source: "a: 1\na: 2\n", line: 2, column: 1 },
    { name: "a tab indentation", source: "a:\n\t- b\n", line: 2, column: 1 },
    { name: "a map key that is a list", source: "? [a]\n: b\n", line: 1, column: 3 },
    { name: "a map key that is an alias of a map", source: "a: &m {x: 1}\n*m : b\n", line: 2, column: 1 },
  ] as const;
  for (const c of errors) {
    it(`reports ${c.name} with its position`, () => {
      const r = parseYaml(c.source, "1.1");
      expect(E.isLeft(r)).toBe(true);
      if (E.isLeft(r)) {
        expect(r.left[0]).toMatchObject({ _tag: "YamlSyntax", severity: "error", line: c.line, column: c.column });
        expect(r.left[0]?.message.startsWith("the value is not valid YAML: ")).toBe(true);
      }
    });
  }

  it("refuses an alias bomb instead of expanding it, naming the limit", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
      .concat(
        ["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdef"[i]}`).join(", ")}]`),
      )
      .join("\n");
    const r = parseYaml(bomb, "1.1");
    expect(E.isLeft(r) && r.left).toEqual([
      {
        _tag: "LimitExceeded",
        severity: "error",
        message: "limit exceeded: maxYamlAliases (100): the value uses 1234560 aliases, counting each copy",
      },
    ]);
  });

  const limited = [
    {
      name: "maxYamlAliases",
      source: "a: &a x\nb: [*a, *a, *a]\n",
      limits: { maxYamlAliases: 2 },
      position: undefined,
    },
    { name: "maxYamlNodes", source: "a: [1, 2, 3]\n", limits: { maxYamlNodes: 4 }, position: undefined },
    { name: "maxYamlDepth", source: "a:\n  b: [[1]]\n", limits: { maxYamlDepth: 3 }, position: { line: 2, column: 7 } },
  ] as const;
  for (const c of limited) {
    it(`reports a value over ${c.name} as LimitExceeded`, () => {
      const r = parseYaml(c.source, "1.1", { ...defaultLimits, ...c.limits });
      expect(E.isLeft(r) && r.left.map((d) => [d._tag, d.message.split(":")[1], d.line, d.column])).toEqual([
        ["LimitExceeded", ` ${c.name} (${Object.values(c.limits)[0]})`, c.position?.line, c.position?.column],
      ]);
      expect(E.isRight(parseYaml(c.source, "1.1"))).toBe(true);
    });
  }

  it('refuses an alias inside the node its anchor names, with its position (Go: "anchor value contains itself")', () => {
    const r = parseYaml("a: &a {b: *a}\n", "1.2");
    expect(E.isLeft(r) && r.left).toEqual([
      {
        _tag: "YamlSyntax",
        severity: "error",
        line: 1,
        column: 11,
        message: 'the value is not valid YAML: the alias "*a" is inside the node its anchor names',
      },
    ]);
  });

  it("finds the keys of a large map (see pairNamed() for the work)", () => {
    const y = parse(Array.from({ length: 1_000 }, (_, i) => `k${i}: v`).join("\n"));
    expect(y.keyAt(["k999"])).toEqual({ line: 1_000, column: 1 });
    expect(y.valueAt(["K5"])).toEqual({ line: 6, column: 5 });
  });
});

describe("pairNamed()", () => {
  /** A map of `n` keys whose item reads are counted. */
  const countedMap = (n: number): { map: YamlMap; reads: () => number } => {
    const map = rootMap(Array.from({ length: n }, (_, i) => `k${i}: v`).join("\n"));
    let reads = 0;
    const pairs = new Proxy(map.pairs, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^[0-9]+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { map: { ...map, pairs }, reads: () => reads };
  };

  it("finds the first key written exactly so, else the first in another case", () => {
    const map = rootMap("a: 1\nB: 2\nb: 3\nA: 4\n");
    const indexes = new Map<YamlMap, PairIndex>();
    const value = (name: string) => (pairNamed(map, name, indexes)?.value as { value?: unknown } | undefined)?.value;
    expect([value("a"), value("b"), value("A"), value("B"), value("c")]).toEqual([1, 3, 4, 2, undefined]);
  });

  it("reads each item of a map once for any number of lookups (one index per map)", () => {
    for (const n of [100, 3_000]) {
      const { map, reads } = countedMap(n);
      const indexes = new Map<YamlMap, PairIndex>();
      for (let i = 0; i < n; i++) expect(pairNamed(map, `k${i}`, indexes)?.key).toBeDefined();
      expect(reads()).toBe(n);
    }
  });
});
