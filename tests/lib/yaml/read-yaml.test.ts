import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDocument } from "yaml";
import type { Tags } from "yaml";
import { readYaml } from "../../../lib/yaml/read-yaml.ts";
import type { YamlProblem, YamlVersion } from "../../../lib/yaml/read-yaml.ts";
import { E } from "../../../lib/fp.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { growth, nearLinear } from "../../_helpers/growth.ts";

const limits = (over: Partial<typeof defaultLimits>) => ({ ...defaultLimits, ...over });

/** Where the YAML library's own (quadratic) duplicate-key check finds repeats and other errors, for the differential test. */
function libraryErrors(source: string, version: YamlVersion): { message: string; offset: number | undefined }[] {
  const goyamlV2Tags = (tags: Tags): Tags =>
    tags.filter((t) => typeof t === "string" || (t.format !== "TIME" && t.tag !== "tag:yaml.org,2002:timestamp"));
  const doc = parseDocument(source, {
    version,
    logLevel: "error",
    prettyErrors: false,
    ...(version === "1.1" ? { customTags: goyamlV2Tags } : {}),
  });
  return doc.errors.map((e) => ({ message: e.message, offset: e.pos[0] >= 0 ? e.pos[0] : undefined }));
}

const ours = (source: string, version: YamlVersion) =>
  readYaml(source, { version }).errors.map((e: YamlProblem) => ({ message: e.message, offset: e.offset }));

type Tree = { kind: "scalar"; text: string } | { kind: "map"; flow: boolean; items: [string, Tree][] } | {
  kind: "seq";
  items: Tree[];
};

/** Keys from a small pool, so that repeats are common, in the spellings the duplicate rule must tell apart. */
const keyText = fc.constantFrom(
  "a",
  "b",
  "'a'",
  '"a"',
  "1",
  "1.0",
  "0x1",
  "01",
  "~",
  "null",
  ".nan",
  ".inf",
  "<<",
  "true",
  "yes",
  "&k a",
  "!!str 1",
  '"<<"',
);

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Tree>({ kind: "scalar", text: "v" }, { kind: "scalar", text: "'q'" }),
    tie("map"),
    tie("seq"),
  ),
  map: fc.record({
    kind: fc.constant("map" as const),
    flow: fc.boolean(),
    items: fc.array(fc.tuple(keyText, tie("node")), { minLength: 1, maxLength: 6 }),
  }),
  seq: fc.record({ kind: fc.constant("seq" as const), items: fc.array(tie("node"), { maxLength: 3 }) }),
})).map;

function render(t: Tree, indent: string, flow: boolean): string {
  if (t.kind === "scalar") return t.text;
  if (t.kind === "seq") return `[${t.items.map((i) => render(i, "", true)).join(", ")}]`;
  if (flow || t.flow) return `{${t.items.map(([k, v]) => `${k}: ${render(v, "", true)}`).join(", ")}}`;
  return t.items.map(([k, v]) =>
    v.kind === "map" && !v.flow
      ? `${indent}${k}:\n${render(v, `${indent}  `, false)}`
      : `${indent}${k}: ${render(v, "", true)}`
  ).join("\n");
}

describe("readYaml()", () => {
  it("finds the repeated keys the YAML library's own duplicate-key check finds, in source order", () => {
    fc.assert(
      fc.property(tree, fc.constantFrom<YamlVersion>("1.1", "1.2"), (t, version) => {
        const source = `${render(t, "", false)}\n`;
        const library = libraryErrors(source, version);
        expect(library.every((e) => e.message === "Map keys must be unique")).toBe(true);
        expect(ours(source, version)).toEqual(
          library.map((e) => ({ message: "the map has this key already", offset: e.offset }))
            .sort((a, b) => a.offset! - b.offset!),
        );
      }),
      { numRuns: 400 },
    );
  });

  const duplicates = [
    { name: "a repeated plain key", source: "a: 1\nb: 2\na: 3\n", offsets: [10] },
    { name: "a quoted spelling of a plain key", source: "a: 1\n'a': 2\n", offsets: [5] },
    { name: "1 and 1.0, the same number", source: "1: x\n1.0: y\n", offsets: [5] },
    { name: "two keys in a flow map", source: "{a: 1, a: 2}\n", offsets: [7] },
    {
      name: "repeats in nested maps, in document order",
      source: "a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n",
      offsets: [12, 22],
    },
  ] as const;
  for (const c of duplicates) {
    it(`reports ${c.name} where the repeated key starts`, () => {
      const errors = readYaml(c.source, { version: "1.1" }).errors;
      expect(errors.map((e) => [e.tag, e.message, e.offset])).toEqual(
        c.offsets.map((o) => ["YamlSyntax", "the map has this key already", o]),
      );
    });
  }

  it("reports each repeated key once: the YAML library's own check, a scan of the map per key, is off", () => {
    const source = Array.from({ length: 1_000 }, (_, i) => `k${i % 10}: v`).join("\n");
    const errors = readYaml(source, { version: "1.1" }).errors;
    expect(errors).toHaveLength(990);
    expect(new Set(errors.map((e) => e.offset)).size).toBe(990);
  });

  it("does not count .nan keys or YAML 1.1 merge keys as repeats", () => {
    expect(readYaml(".nan: 1\n.nan: 2\n", { version: "1.1" }).errors).toEqual([]);
    expect(readYaml("a: &a {x: 1}\nb: {<<: *a, <<: *a}\n", { version: "1.1" }).errors).toEqual([]);
    expect(readYaml("b: {<<: 1, <<: 2}\n", { version: "1.2" }).errors).toHaveLength(1);
  });

  const equalToLibrary = [
    "a: &x {k: 1}\nb: *x\nc: {<<: *x, d: 2}\n",
    "- &a 1\n- &a 2\n- *a\n",
    "a: &s str\nb: [*s, *s]\n",
    "base: &b {x: 1, y: 2}\nlist: [{<<: [*b], y: 3}]\n",
  ];
  for (const source of equalToLibrary) {
    it(`converts ${JSON.stringify(source)} to the same data as the YAML library`, () => {
      const data = readYaml(source, { version: "1.1" }).toData();
      expect(data).toEqual(E.right(parseDocument(source, { version: "1.1" }).toJS()));
    });
  }

  it("resolves an alias to the last node with its anchor before it", () => {
    const read = readYaml("- &a 1\n- &a 2\n- *a\n", { version: "1.1" });
    expect(read.toData()).toEqual(E.right([1, 2, 2]));
  });

  const keys = [
    { name: "no key that is a collection", source: "a: 1\nb: [c]\n", expected: [] },
    {
      name: "a list key and a map key, outer pair before the pairs inside its key",
      source: "? [x]\n: 1\n? {y: 2}\n: 3\n",
      expected: [{ kind: "a list", offset: 2 }, { kind: "a map", offset: 12 }],
    },
    {
      name: "a key that is an alias of a map, resolved where the alias is",
      source: "a: &m {b: 1}\n? *m\n: 2\n",
      expected: [{ kind: "a map", offset: 15 }],
    },
    {
      name: "a map key inside a map key",
      source: "? {[z]: 1}\n: 2\n",
      expected: [{ kind: "a map", offset: 2 }, { kind: "a list", offset: 3 }],
    },
  ];
  for (const c of keys) {
    it(`finds ${c.name}`, () => {
      expect(readYaml(c.source, { version: "1.1" }).collectionKeys).toEqual(c.expected);
    });
  }

  const refused = [
    {
      name: "an alias inside the list its anchor names",
      source: "a: &a [1, *a]\n",
      expected: { tag: "YamlSyntax", message: 'the alias "*a" is inside the node its anchor names', offset: 10 },
    },
    {
      name: "an alias inside the map its anchor names, through a merge key",
      source: "x: &m {<<: *m}\n",
      expected: { tag: "YamlSyntax", message: 'the alias "*m" is inside the node its anchor names', offset: 11 },
    },
    {
      name: "a billion laughs",
      source: ["a0: &a0 lol"].concat(
        Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`),
      ).join("\n"),
      expected: {
        tag: "LimitExceeded",
        message: "limit exceeded: maxYamlAliases (100): the value uses 1234567890 aliases, counting each copy",
        offset: undefined,
      },
    },
    {
      name: "101 aliases of one scalar",
      source: `a: &a x\nb: [${Array(101).fill("*a").join(", ")}]\n`,
      expected: {
        tag: "LimitExceeded",
        message: "limit exceeded: maxYamlAliases (100): the value uses 101 aliases, counting each copy",
        offset: undefined,
      },
    },
    {
      name: "merge keys counted as aliases",
      source: `a: &a {k: 1}\n${Array.from({ length: 101 }, (_, i) => `m${i}: {<<: *a}`).join("\n")}\n`,
      expected: {
        tag: "LimitExceeded",
        message: "limit exceeded: maxYamlAliases (100): the value uses 101 aliases, counting each copy",
        offset: undefined,
      },
    },
    {
      name: "a few aliases of a large list",
      source: `a: &a [${Array(20_000).fill("1").join(",")}]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n`,
      expected: {
        tag: "LimitExceeded",
        message: "limit exceeded: maxYamlNodes (200000): the value expands to 220015 nodes",
        offset: undefined,
      },
      limits: { maxYamlNodes: 200_000 },
    },
  ] as const;
  for (const c of refused) {
    it(`refuses ${c.name} without expanding it`, () => {
      const read = readYaml(c.source, { version: "1.1", limits: limits("limits" in c ? c.limits : {}) });
      expect(read.errors).toEqual([]);
      expect(read.toData()).toEqual(E.left(c.expected));
    });
  }

  it("takes 100 aliases and a million nodes by default", () => {
    const source = `a: &a [${Array(9_000).fill("1").join(",")}]\nb: [${Array(100).fill("*a").join(", ")}]\n`;
    const data = readYaml(source, { version: "1.1" }).toData();
    expect(E.isRight(data) && (data.right as { b: unknown[][] }).b.map((l) => l.length)).toEqual(
      Array(100).fill(9_000),
    );
  });

  const deep = [
    { name: "flow lists", at: (n: number) => `${"[".repeat(n)}${"]".repeat(n)}` },
    { name: "flow maps", at: (n: number) => `${"{a: ".repeat(n)}1${"}".repeat(n)}` },
    {
      name: "block maps",
      at: (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:`).join("\n") + " 1\n",
    },
    { name: "block lists", at: (n: number) => `${"- ".repeat(n)}x\n` },
  ];
  for (const c of deep) {
    it(`takes ${c.name} nested maxYamlDepth deep and refuses one more, before building them`, () => {
      const ok = readYaml(c.at(20), { version: "1.1", limits: limits({ maxYamlDepth: 20 }) });
      expect(ok.errors).toEqual([]);
      expect(E.isRight(ok.toData())).toBe(true);
      const tooDeep = readYaml(c.at(21), { version: "1.1", limits: limits({ maxYamlDepth: 20 }) });
      expect(tooDeep.root).toBeUndefined();
      expect(tooDeep.errors).toEqual([
        expect.objectContaining({
          tag: "LimitExceeded",
          message: "limit exceeded: maxYamlDepth (20): lists and maps nest deeper than that",
        }),
      ]);
    });
  }

  it("refuses a value nested 20,000 deep without exhausting the stack", () => {
    const read = readYaml(`${"[".repeat(20_000)}${"]".repeat(20_000)}`, { version: "1.1" });
    expect(read.errors.map((e) => e.tag)).toEqual(["LimitExceeded"]);
    expect(E.isLeft(read.toData())).toBe(true);
  });

  it("reports a second document where it starts, as the YAML library does", () => {
    expect(libraryErrors("a: 1\n---\nb: 2\n", "1.1").map((e) => e.offset)).toEqual([5]);
    expect(ours("a: 1\n---\nb: 2\n", "1.1")).toEqual([
      { message: "the text holds more than one YAML document", offset: 5 },
    ]);
  });

  const big = [
    { name: "keys of one map", make: (n: number) => Array.from({ length: n }, (_, i) => `k${i}: v${i}`).join("\n") },
    {
      name: "anchors, with 100 aliases",
      make: (n: number) =>
        Array.from({ length: n }, (_, i) => `k${i}: &a${i} v`).concat(
          Array.from({ length: 100 }, (_, i) => `r${i}: *a${i}`),
        )
          .join("\n"),
    },
  ];
  for (const c of big) {
    it(`reads many ${c.name} in near-linear time`, () => {
      const read = readYaml(c.make(20_000), { version: "1.1" });
      expect(read.root?.kind).toBe("map");
      const ratio = growth((n) => {
        const source = c.make(n);
        return () => readYaml(source, { version: "1.1" }).toData();
      }, 500);
      expect(ratio).toBeLessThan(nearLinear);
    });
  }
});
