import { describe, expect, it } from "vitest";
import { E } from "../../../lib/fp.ts";
import { parseYaml } from "../../../lib/config/_yaml-position.ts";
import type { Position, YamlPath, YamlValue, YamlVersion } from "../../../lib/config/_yaml-position.ts";

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
];

const inside = [
  { name: "a plain scalar", path: [0, "when"], inner: { line: 1, column: 3 }, expected: { line: 1, column: 11 } },
  { name: "a quoted scalar (after the quote)", path: [1, "oncePer"], inner: { line: 1, column: 1 }, expected: { line: 6, column: 13 } },
  { name: "a literal block", path: [1, "when"], inner: { line: 2, column: 3 }, expected: { line: 5, column: 7 } },
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

  const versions = [
    { name: "YAML 1.1 reads yes/on/y as booleans, like goyaml.v2", version: "1.1", expected: { a: true, b: true, c: true, d: false } },
    { name: "YAML 1.2 keeps them strings, like yaml.v3", version: "1.2", expected: { a: "yes", b: "on", c: "y", d: "no" } },
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

  it("refuses an alias bomb instead of expanding it", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
      .concat(["b", "c", "d", "e", "f", "g"].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${"abcdef"[i]}`).join(", ")}]`))
      .join("\n");
    expect(E.isLeft(parseYaml(bomb, "1.1"))).toBe(true);
  });
});
