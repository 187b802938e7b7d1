import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readPlainYaml } from "../../../lib/yaml/read-plain-yaml.ts";
import { readYaml } from "../../../lib/yaml/read-yaml.ts";
import type { YamlVersion } from "../../../lib/yaml/read-yaml.ts";
import { E } from "../../../lib/fp.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { argoCdConfigMap } from "../../_helpers/argocd.ts";

const versions: readonly YamlVersion[] = ["1.1", "1.2"];

/** What the YAML library reads: the data when it finds no error, no warning and no collection key; else undefined. */
function library(source: string, version: YamlVersion): { value: unknown } | undefined {
  const read = readYaml(source, { version });
  if (read.errors.length > 0 || read.collectionKeys.length > 0 || (read.doc?.warnings.length ?? 0) > 0) {
    return undefined;
  }
  const data = read.toData();
  return E.isRight(data) ? { value: data.right } : undefined;
}

describe("readPlainYaml()", () => {
  const read = [
    {
      name: "a template document",
      source: 'message: |\n  Hi {{.a}}\n\n  bye\nslack:\n  groupingKey: ""\n  notifyBroadcast: false\n' +
        "  color: '#18be52'\n  deliveryPolicy: Post\n",
    },
    { name: "nested maps and a dedent of two levels", source: "a:\n  b:\n    c: x y z\nd: true\n" },
    { name: "a key without a value", source: "a:\nb: text\n" },
    { name: "a strip block, blank lines inside and after it", source: "a: |-\n\n    x\n\n      y\n\n\nb: c\n" },
    { name: "a block at the end", source: "a:\n  b: |\n    {{if .x}}\n    {{end}}\n" },
    { name: "plain text with braces, quotes and colons", source: "a: Application {{.x}} is 'ok', see http://x\n" },
    { name: "a list", source: "- a\n" },
    { name: "no final newline", source: "a: b" },
    { name: "small integers and a secret reference", source: "port: 587\nzero: 0\npassword: $email-password\n" },
    { name: "a plain value folded over the next lines", source: "a: x\n  * y ['z',\n    'w']\nb: c\n" },
    {
      name: "a trigger: a list of maps, a list at its key's indent, a flow list",
      source: "- description: x\n  send:\n  - app-created\n  when: a == 'b'\n- send: [a, b-c]\n  when: \"true\"\n",
    },
  ];
  for (const c of read) {
    it(`reads ${c.name} to the YAML library's data`, () => {
      const plain = readPlainYaml(c.source, defaultLimits);
      expect(plain).toBeDefined();
      for (const v of versions) expect(plain).toEqual(library(c.source, v));
    });
  }

  const left = [
    { name: "a tab", source: "a:\tb\n" },
    { name: "a carriage return", source: "a: b\r\n" },
    { name: "a comment", source: "# c\na: b\n" },
    { name: "a comment after a value", source: "a: b # c\n" },
    { name: "a word YAML 1.1 reads as a boolean", source: "a: yes\n" },
    { name: "a key YAML 1.1 reads as a boolean", source: "on: push\n" },
    { name: "null", source: "a: null\n" },
    { name: "a number YAML 1.1 reads as octal", source: "a: 010\n" },
    { name: "a large number", source: "a: 12345678901\n" },
    { name: "a quoted value continued on the next line", source: "a: 'x'\n  y\n" },
    { name: "a folded value with an empty line", source: "a: x\n\n  y\n" },
    { name: "a folded line that starts with an indicator", source: "a: x\n  - y\n" },
    { name: "a folded line with a comment", source: "a: x\n  y # c\n" },
    { name: "a list of lists", source: "- - a\n" },
    { name: "a list item on more lines", source: "- a\n  b\n" },
    { name: "a key after a top-level list", source: "- a\nb: c\n" },
    { name: "a flow list with a boolean", source: "a: [x, on]\n" },
    { name: "a flow list with a trailing comma", source: "a: [x, ]\n" },
    { name: "a flow list of quoted words", source: "a: ['x']\n" },
    { name: "a block at the end without a final newline", source: "a: |\n  x" },
    { name: "a repeated key", source: "a: x\na: y\n" },
    { name: "a value with a colon and a space", source: "a: b: c\n" },
    { name: "a flow map", source: "a: {b: c}\n" },
    { name: "an escape in double quotes", source: 'a: "\\n"\n' },
    { name: "a keep block", source: "a: |+\n  x\n" },
    { name: "an empty block", source: "a: |\nb: c\n" },
    { name: "a line of spaces in a block", source: "a: |\n  x\n   \n  y\n" },
    { name: "an indentation that matches no map", source: "a:\n    b: c\n  d: e\n" },
    { name: "an anchor", source: "a: &x b\n" },
    { name: "a document marker", source: "---\na: b\n" },
    { name: "trailing spaces", source: "a: b \n" },
    { name: "a map nested to maxYamlDepth", source: "a:\n b:\n  c: d\n", limits: { maxYamlDepth: 3 } },
    { name: "a map of maxYamlNodes nodes", source: "a: b\nc: d\n", limits: { maxYamlNodes: 5 } },
    { name: "a list nested to maxYamlDepth", source: "- a:\n  - b\n", limits: { maxYamlDepth: 3 } },
    { name: "a flow list nested to maxYamlDepth", source: "a:\n  b: [c]\n", limits: { maxYamlDepth: 3 } },
    { name: "a list of maxYamlNodes nodes", source: "- a\n- b\n", limits: { maxYamlNodes: 3 } },
    { name: "a flow list of maxYamlNodes nodes", source: "a: [b, c]\n", limits: { maxYamlNodes: 5 } },
  ];
  for (const c of left) {
    it(`leaves ${c.name} to the YAML library`, () => {
      expect(readPlainYaml(c.source, { ...defaultLimits, ...c.limits })).toBeUndefined();
    });
  }

  it("reads every template of the Argo CD catalog, to the YAML library's data", () => {
    const templates = Object.entries(argoCdConfigMap().data).filter(([k]) => k.startsWith("template."));
    expect(templates.length).toBe(8);
    for (const [, source] of templates) {
      expect(readPlainYaml(source, defaultLimits)).toEqual(library(source, "1.1"));
    }
  });

  it("reads every trigger, service and the context of the Argo CD catalog, to the YAML library's data", () => {
    const others = Object.entries(argoCdConfigMap().data).filter(([k]) => !k.startsWith("template."));
    expect(others.filter(([k]) => k.startsWith("trigger.")).length).toBe(8);
    expect(others.length).toBe(12);
    for (const [key, source] of others) {
      const plain = readPlainYaml(source, defaultLimits);
      expect({ key, plain }).toEqual({ key, plain: library(source, key.startsWith("service.") ? "1.2" : "1.1") });
      expect(plain).toBeDefined();
    }
  });

  it("reads what it takes to the YAML library's data, without errors or warnings there (differential)", () => {
    // Mostly what the subset has, sometimes what it must leave to the library.
    const word = fc.oneof(
      { arbitrary: fc.constantFrom("a", "b", "c", "msg", "title", "x-y", "k_2", "slack"), weight: 12 },
      { arbitrary: fc.constantFrom("Yes", "on", "null", "ÿ", "1"), weight: 1 },
    );
    const text = fc.oneof(
      {
        arbitrary: fc.constantFrom(
          "hello",
          "Hello {{.app.metadata.name}} is up.",
          "true",
          "false",
          '""',
          '"quoted"',
          "'#000080'",
          "http://x",
          "a 'b' c",
          "587",
          "0",
          "$slack-token",
          "a == 'b' and c in ['x']",
          "[a, b]",
          "[]",
          "[app-created]",
        ),
        weight: 10,
      },
      {
        arbitrary: fc.constantFrom(
          "yes",
          "No",
          "~",
          "1",
          "'it''s'",
          '"a\\tb"',
          "x: y",
          "x #c",
          "x:",
          "x ",
          "[a]",
          "{a: 1}",
          "&a x",
          "*a",
          "!!str x",
          "- x",
          "010",
          "12345678901",
          "[a, on]",
          "[a, ]",
          "['a']",
          "[a b]",
          "-1",
          "0x1F",
          "1.5",
          "[a, [b]]",
          "$",
        ),
        weight: 1,
      },
    );
    const block = fc.tuple(
      fc.constantFrom("|", "|", "|-", "|-", "|+", "|2", "| "),
      fc.array(
        fc.tuple(
          fc.constantFrom(0, 0, 0, 1, 2, 4),
          fc.constantFrom("", "{{.x}}", "{{.x}}", "a: b", "# c", "- x", "  "),
        ),
        {
          minLength: 0,
          maxLength: 4,
        },
      ),
    ).map(([header, body]) => ({
      header,
      body: body.map(([extra, s]) => (s === "" ? "" : `${" ".repeat(extra)}${s}`)),
    }));
    const continuation = fc.oneof(
      {
        arbitrary: fc.constantFrom("and b == 'c'", "* time.Minute)", "'Failed']", "[x]", '"q"', "(!a.b(1", "x"),
        weight: 8,
      },
      {
        arbitrary: fc.constantFrom("- x", "# c", "x: y", "x #c", "? x", ": x", "{a}", "&a", "!t", "|", ">", "x:", "x "),
        weight: 1,
      },
    );
    const folded = fc.tuple(
      text,
      fc.array(fc.tuple(fc.constantFrom(0, 0, 1, 3), continuation), { minLength: 1, maxLength: 3 }),
    );
    type Item = string | Entry[];
    type Entry = {
      key: string;
      value:
        | string
        | { header: string; body: string[] }
        | { folded: [string, [number, string][]] }
        | { list: Item[]; compact: boolean }
        | Entry[]
        | undefined;
    };
    const list = (n: number): fc.Arbitrary<{ list: Item[]; compact: boolean }> =>
      fc.record({
        list: fc.array(n > 1 ? fc.oneof(text, map(n - 1), map(n - 1)) : text, { minLength: 1, maxLength: 3 }),
        compact: fc.boolean(),
      }) as fc.Arbitrary<{ list: Item[]; compact: boolean }>;
    const map: fc.Memo<Entry[]> = fc.memo((n) =>
      fc.array(
        fc.record({
          key: word,
          value: n > 1
            ? fc.oneof(
              text,
              text,
              block,
              folded.map((f) => ({ folded: f })),
              list(n - 1),
              map(n - 1),
              fc.constant(undefined),
            )
            : fc.oneof(text, block, folded.map((f) => ({ folded: f })), fc.constant(undefined)),
        }),
        { minLength: 1, maxLength: 4 },
      ) as fc.Arbitrary<Entry[]>
    );
    const renderList = (items: Item[], indent: number, step: number): string[] =>
      items.flatMap((item) => {
        if (typeof item === "string") return [`${" ".repeat(indent)}- ${item}`];
        const [first, ...rest] = render(item, indent + 2, step);
        return [`${" ".repeat(indent)}- ${first!.trimStart()}`, ...rest];
      });
    const render = (entries: Entry[], indent: number, step: number): string[] =>
      entries.flatMap(({ key, value }) => {
        const head = `${" ".repeat(indent)}${key}:`;
        if (value === undefined) return [head];
        if (typeof value === "string") return [`${head} ${value}`];
        if (Array.isArray(value)) return [head, ...render(value, indent + step, step)];
        if ("list" in value) return [head, ...renderList(value.list, value.compact ? indent : indent + step, step)];
        if ("folded" in value) {
          const [first, more] = value.folded;
          return [`${head} ${first}`, ...more.map(([extra, l]) => `${" ".repeat(indent + step + extra)}${l}`)];
        }
        return [
          `${head} ${value.header}`,
          ...value.body.map((l) => (l === "" ? "" : `${" ".repeat(indent + step)}${l}`)),
        ];
      });
    const noise = fc.constantFrom("", "  ", "\t", "---", "# c", "  x", "- y", "a: b", " c:", "  - z");
    const top = fc.oneof(map(3).map((m) => ({ map: m })), list(3).map((l) => ({ list: l.list })));
    const source = fc.tuple(top, fc.constantFrom(1, 2, 4), fc.array(fc.tuple(fc.nat(), noise), { maxLength: 1 }))
      .chain(([doc, step, inserts]) => {
        const lines = "map" in doc ? render(doc.map, 0, step) : renderList(doc.list, 0, step);
        for (const [at, l] of inserts) lines.splice(at % (lines.length + 1), 0, l);
        return fc.constantFrom(`${lines.join("\n")}\n`, `${lines.join("\n")}\n`, lines.join("\n"));
      });
    let taken = 0;
    fc.assert(
      fc.property(source, (s) => {
        const plain = readPlainYaml(s, defaultLimits);
        if (plain === undefined) return;
        taken++;
        for (const v of versions) expect(plain).toEqual(library(s, v));
      }),
      { numRuns: 6000, seed: 8 },
    );
    expect(taken).toBeGreaterThan(600);
  });
});
