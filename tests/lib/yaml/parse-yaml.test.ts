import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { parseYaml as parsePositions } from "../../../lib/config/_yaml-position.ts";
import type { YamlPath } from "../../../lib/config/_yaml-position.ts";
import { E } from "../../../lib/fp.ts";
import { parseYaml } from "../../../lib/yaml/parse-yaml.ts";
import { readYamlDocuments } from "../../../lib/yaml/read-yaml.ts";
import type { YamlVersion } from "../../../lib/yaml/scalar-value.ts";
import { parseYaml as oracle } from "../../_helpers/yaml-position-oracle.ts";
import { yamlLines, yamlText } from "../../_helpers/yaml-texts.ts";

/** Every path into plain data, the root first. */
function paths(v: unknown, at: YamlPath = [], out: YamlPath[] = []): YamlPath[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (typeof v === "object" && v !== null) { for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out); }
  return out;
}

const get = (v: unknown, path: YamlPath): unknown =>
  path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], v);

/**
 * What the engine makes of one ConfigMap value, with our reader and with the `yaml` library (the oracle): whether
 * it is refused, the data, the warnings' positions, and the position of every path in it (and inside every string).
 */
function both(source: string, version: YamlVersion) {
  const view = (r: ReturnType<typeof oracle>) => {
    if (E.isLeft(r)) return { refused: true };
    const y = r.right;
    return {
      refused: false,
      value: y.value,
      warnings: y.warnings.map((w) => [w.line, w.column]),
      positions: paths(y.value).map((p) => {
        const s = get(y.value, p);
        const inside = typeof s === "string" && s !== "" ? y.insideScalar(p, { line: 1, column: 2 }) : undefined;
        return [p, y.valueAt(p), y.keyAt(p), inside];
      }),
    };
  };
  return { ours: view(parsePositions(source, version)), library: view(oracle(source, version)) };
}

/** Our reader's refusals of what it does not support, by design (the library reads them). */
const unsupported = (source: string, version: YamlVersion): boolean => {
  const r = parsePositions(source, version);
  return E.isLeft(r) && r.left.some((d) => d.message.includes("not supported"));
};

describe("parseYaml()", () => {
  it("reads what the yaml library reads, to the same data, warnings and positions, and refuses what it refuses (differential)", () => {
    let refused = 0;
    fc.assert(
      fc.property(yamlText, fc.constantFrom<YamlVersion>("1.1", "1.2"), (source, version) => {
        // `%YAML 1.1` under "1.2": the old wrapper read YAML 1.1 with timestamps there; ours reads it as goyaml.v2
        if (version === "1.2" && source.includes("%YAML 1.1")) return;
        if (unsupported(source, version)) return;
        const { ours, library } = both(source, version);
        expect(ours).toEqual(library);
        if (ours.refused) refused++;
      }),
      { numRuns: 3000, seed: 8 },
    );
    // the texts exercise errors too
    expect(refused).toBeGreaterThan(100);
  });

  it("agrees with the yaml library on lines put together at random, CRLF included: refused or read alike (differential)", () => {
    let refused = 0;
    fc.assert(
      fc.property(yamlLines, fc.constantFrom<YamlVersion>("1.1", "1.2"), (source, version) => {
        const { ours, library } = both(source, version);
        expect(ours).toEqual(library);
        if (ours.refused) refused++;
      }),
      { numRuns: 3000, seed: 8 },
    );
    expect(refused).toBeGreaterThan(1000);
    expect(refused).toBeLessThan(2900);
  });

  const corpus = (dir: URL): URL[] =>
    readdirSync(dir).flatMap((name) => {
      const url = new URL(name, dir);
      if (statSync(url).isDirectory()) return corpus(new URL(`${name}/`, dir));
      return /\.ya?ml$/.test(name) ? [url] : [];
    });
  const files = corpus(new URL("../../fixtures/", import.meta.url));

  it("reads every YAML file of tests/fixtures (the conformance catalogs, samples, rule files) as the library does", () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const library = Array.from(parseAllDocuments(text), (d) => (d.errors.length > 0 ? "refused" : d.toJS()));
      const ours = readYamlDocuments(text, { version: "1.2" }).map((d) => {
        const data = d.toData();
        return E.isRight(data) ? data.right : "refused";
      });
      expect({ file: file.pathname, data: ours }).toEqual({ file: file.pathname, data: library });
    }
  });

  it("reads every ConfigMap and Secret value of tests/fixtures as the library does, positions included", () => {
    let values = 0;
    for (const file of files) {
      for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
        const data = doc.toJS() as { data?: unknown; stringData?: unknown } | null;
        for (const field of [data?.data, data?.stringData]) {
          if (typeof field !== "object" || field === null) continue;
          for (const [key, value] of Object.entries(field)) {
            if (typeof value !== "string") continue;
            for (const version of ["1.1", "1.2"] as const) {
              const { ours, library } = both(value, version);
              expect({ file: file.pathname, key, version, ...ours }).toEqual({
                file: file.pathname,
                key,
                version,
                ...library,
              });
              values++;
            }
          }
        }
      }
    }
    expect(values).toBe(94);
  });

  const suite = JSON.parse(
    readFileSync(new URL("../../fixtures/yaml-test-suite/cases.json", import.meta.url), "utf8"),
  ) as { id: string; name: string; yaml: string; json?: unknown[]; error?: true }[];

  it("reads the cases of the official YAML test suite it supports to the suite's JSON, and refuses its error cases", () => {
    expect(suite.length).toBe(345);
    for (const c of suite) {
      const docs = readYamlDocuments(c.yaml, { version: "1.2" });
      const data = docs.map((d) => d.toData());
      const read = data.every(E.isRight) ? data.map((d) => (d as { right: unknown }).right) : "refused";
      const empty = read !== "refused" && docs.length === 1 && docs[0]!.root === undefined;
      expect({ id: c.id, name: c.name, read: empty ? [] : read }).toEqual({
        id: c.id,
        name: c.name,
        read: c.error === true ? "refused" : c.json,
      });
    }
  });

  const refusals = [
    {
      name: "an explicit key in a flow map",
      source: "{? a : b}\n",
      message: "explicit keys (?) in flow collections are not supported",
      offset: 1,
    },
    {
      name: "a %TAG directive",
      source: "%TAG ! tag:x,2000:\n--- a\n",
      message: "the %TAG directive is not supported",
      offset: 0,
    },
    { name: "a binary value", source: "a: !!binary aGk=\n", message: "the tag !!binary is not supported", offset: 3 },
    { name: "a set", source: "!!set\n? a\n", message: "the tag !!set is not supported", offset: 0 },
    { name: "an unclosed flow list", source: "a: [b, c\n", message: "the flow list is not closed", offset: 3 },
    {
      name: "a flow list whose lines are not indented",
      source: "a: [b,\nc]\n",
      message: "the lines of a flow collection must be indented more than its key or list item",
      offset: 7,
    },
    { name: "an unclosed quote", source: "a: 'b\n", message: "the quoted value is not closed", offset: 3 },
    {
      name: "an alias of no anchor",
      source: "a: *b\n",
      message: 'the alias "*b" names no anchor before it',
      offset: 3,
    },
    {
      name: "a tab as indentation",
      source: "a:\n\tb: 1\n",
      message: "a tab indents this line; YAML indents with spaces",
      offset: 3,
    },
    {
      name: "a map on the line of its key",
      source: "a: b: c\n",
      message: "a map cannot start on the line of its key; start it on the next line",
      offset: 3,
    },
    {
      name: "a list on the line of its key",
      source: "a: - b\n",
      message: "a list cannot start on the line of its key; start it on the next line",
      offset: 3,
    },
    { name: "a key without a colon", source: "a: 1\nb\n", message: 'a map key must be followed by ":"', offset: 5 },
    { name: "a bad escape", source: 'a: "\\q"\n', message: 'an unknown escape "\\q"', offset: 4 },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}, saying where`, () => {
      const [doc] = parseYaml(c.source, "1.1", 100);
      expect(doc?.errors).toEqual([{ tag: "YamlSyntax", message: c.message, offset: c.offset }]);
    });
  }

  it("reads a value nested 20,000 deep without exhausting the stack: refused at maxYamlDepth", () => {
    for (const source of [`${"[".repeat(20_000)}${"]".repeat(20_000)}`, `${"- ".repeat(20_000)}x\n`]) {
      const [doc] = parseYaml(source, "1.1", 100);
      expect(doc?.errors.map((e) => e.tag)).toEqual(["LimitExceeded"]);
    }
  });

  it("refuses, as too deep, a value nested deeper than the stack holds when maxYamlDepth is raised past it", () => {
    for (const source of [`${"[".repeat(100_000)}${"]".repeat(100_000)}`, `${"- ".repeat(100_000)}x\n`]) {
      const [doc] = parseYaml(source, "1.1", 1e9);
      expect(doc?.errors).toEqual([{
        tag: "LimitExceeded",
        message:
          "limit exceeded: maxYamlDepth (1000000000): lists and maps nest deeper than this host's stack can read",
        offset: undefined,
      }]);
    }
  });
});
