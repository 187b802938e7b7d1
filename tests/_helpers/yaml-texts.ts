/**
 * YAML texts for differential tests of our reader against the `yaml` library (the oracle): what Kubernetes and Argo
 * users write — block maps and lists at varied indents, compact lists, flow collections over lines, every scalar
 * style, comments, anchors, aliases and merge keys, tags, document markers — and sometimes a line of noise, so that
 * errors are compared too.
 */
import fc from "fast-check";

const words = ["a", "b", "key", "x-y", "k_2", "on", "y", "null", "~", "1", "1.0", "0x1F", "010", "0o7", "true", "<<"];

/** Plain scalars, some of which read as other types in one version or the other. */
const plain = fc.constantFrom(
  "hello",
  "Hello {{.app.metadata.name}} is up.",
  "a == 'b' and c in ['x']",
  "http://x:8080/y",
  "yes",
  "No",
  "off",
  "~",
  "null",
  "NULL",
  "1",
  "-1",
  "+12",
  "1_000",
  "010",
  "0o17",
  "0x1F",
  "0b101",
  "1.5",
  ".5",
  "1e3",
  "-.inf",
  ".NaN",
  "12:30",
  "2001-12-14",
  "a:b",
  "a#b",
  "-x",
  "?x",
  ":x",
  "$secret",
  "é ü 😀",
  "x  y",
  "<<",
);

/** Quoted scalars: escapes, doubled quotes, and line breaks inside (folded). */
const quoted = fc.constantFrom(
  "''",
  '""',
  "'it''s'",
  "'#000080'",
  "'a: b # c'",
  '"tab\\there"',
  '"\\u00e9\\x41\\U0001F600\\n\\"\\\\\\/"',
  '"a\\\n  b"',
  '"esc\\ "',
  "'x\n  y'",
  "'x\n\n  y'",
  '"x\n  y  \n  z"',
  '"yes"',
  "'1'",
);

const blockScalar = fc.tuple(
  fc.constantFrom("|", "|-", "|+", ">", ">-", ">+", "|2", ">1", "|-2", "| # c"),
  fc.array(
    fc.tuple(fc.constantFrom(0, 0, 0, 1, 2), fc.constantFrom("", "text", "{{.x}}", "a: b", "# c", "- x", "  ")),
    {
      minLength: 0,
      maxLength: 4,
    },
  ),
  fc.constantFrom(0, 0, 1, 2),
);

type Node =
  | { t: "plain" | "quoted"; s: string }
  | { t: "block"; header: string; lines: [number, string][]; trailing: number }
  | { t: "alias"; name: string }
  | { t: "flow"; s: string }
  | { t: "map"; entries: [string, Node][]; props: string }
  | { t: "seq"; items: Node[]; props: string; compact: boolean };

const props = fc.constantFrom("", "", "", "", "&a ", "&b ", "!!map ", "!foo ", "&a !!str ");
const scalarProps = fc.constantFrom("", "", "", "", "", "&a ", "&b ", "!!str ", "!!int ", "!foo ", "! ", "!!float ");
const keyText = fc.oneof(
  { arbitrary: fc.constantFrom(...words), weight: 8 },
  { arbitrary: fc.constantFrom("'a'", '"b"', "&k a", "!!str 1", "*a", "? a", "[x]", "{x: 1}", '"<<"'), weight: 1 },
);

const flowText: fc.Arbitrary<string> = fc.letrec<{ flow: string; item: string }>((tie) => ({
  flow: fc.oneof(
    fc.array(tie("item"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
    fc.array(fc.tuple(fc.constantFrom(...words), tie("item")), { maxLength: 3 }).map((xs) =>
      `{${xs.map(([k, v]) => `${k}: ${v}`).join(", ")}}`
    ),
    fc.constantFrom("[a,\n  b]", "{a: 1,\n  b: [c,\n   d]}", "[ a , b , ]", "{a, b: }", "[a: 1, b]", "[\n  x\n  y\n]"),
    fc.constantFrom('{"a":1}', "[*a, &c x]", "[!!str 1, '2', \"3\"]", "{ ? a : b }", "[a, , b]", "[a]]"),
  ),
  item: fc.oneof({ depthSize: "small" }, plain, quoted, tie("flow")),
})).flow;

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    plain.map((s): Node => ({ t: "plain", s })),
    quoted.map((s): Node => ({ t: "quoted", s })),
    blockScalar.map(([header, lines, trailing]): Node => ({ t: "block", header, lines, trailing })),
    fc.constantFrom<Node>({ t: "alias", name: "a" }, { t: "alias", name: "b" }),
    flowText.map((s): Node => ({ t: "flow", s })),
    tie("map"),
    tie("seq"),
  ),
  map: fc.record({
    t: fc.constant("map" as const),
    entries: fc.array(fc.tuple(keyText, tie("node")), { minLength: 1, maxLength: 4 }),
    props,
  }),
  seq: fc.record({
    t: fc.constant("seq" as const),
    items: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
    props,
    compact: fc.boolean(),
  }),
})).node;

/** Renders `n` as the value after `key:` or `- ` (`lead`), its lines at `indent`. */
function render(n: Node, indent: number, step: number, after: "key" | "item" | "top", tagged: string): string[] {
  const pad = " ".repeat(indent);
  switch (n.t) {
    case "plain":
    case "quoted":
    case "flow":
      return [`${tagged}${n.s.replace(/\n/g, `\n${pad}`)}`];
    case "alias":
      return [`*${n.name}`];
    case "block":
      return [
        `${tagged}${n.header}`,
        ...n.lines.map(([extra, s]) => (s === "" ? "" : `${pad}${" ".repeat(extra)}${s}`)),
        ...Array<string>(n.trailing).fill(""),
      ];
    case "map": {
      const lines = n.entries.flatMap(([k, v], i) => {
        const head = `${pad}${k}:`;
        const inner = render(v, indent + step, step, "key", "");
        if (v.t === "map" || (v.t === "seq" && !v.compact)) {
          return [`${head}${v.props ? ` ${v.props.trimEnd()}` : ""}`, ...inner];
        }
        if (v.t === "seq") return [head, ...render(v, indent, step, "key", "")];
        return [`${head} ${inner[0]}`, ...inner.slice(1)].map((l, j) => (i === 0 && j === 0 ? l : l));
      });
      if (after === "item") lines[0] = lines[0]!.trimStart();
      return after === "top" && n.props !== "" ? [n.props.trimEnd(), ...lines] : lines;
    }
    case "seq": {
      const lines = n.items.flatMap((v) => {
        const inner = render(v, indent + 2, step, "item", "");
        return [`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
      });
      if (after === "item") lines[0] = lines[0]!.trimStart();
      return after === "top" && n.props !== "" ? [n.props.trimEnd(), ...lines] : lines;
    }
  }
}

/** Lines inserted at random: comments, blank lines, markers, and noise that is sometimes an error. */
const noise = fc.constantFrom(
  "",
  "# c",
  "  # c",
  "---",
  "...",
  "  x",
  "- y",
  "a: b",
  "\tz: 1",
  "  - z",
  "%YAML 1.2",
  "{",
  "'",
);

/** A YAML text: a document, maybe with a scalar prefix (`&a x`) that aliases can name, and maybe some noise. */
export const yamlText: fc.Arbitrary<string> = fc
  .tuple(
    node,
    fc.constantFrom(1, 2, 4),
    scalarProps,
    fc.array(fc.tuple(fc.nat(), noise), { maxLength: 1 }),
    fc.constantFrom("", "", "", "---\n", "--- # c\n", "%YAML 1.1\n---\n"),
    fc.constantFrom("\n", "\n", ""),
  )
  .map(([n, step, p, inserts, start, end]) => {
    const doc: Node = n.t === "map" || n.t === "seq"
      ? n
      : { t: "map", entries: [["s", { t: "plain", s: "x" }], ["v", n]], props: "" };
    const first: Node = {
      t: "map",
      entries: [["anchors", { t: "flow", s: `[${p}&a x, &b {k: v}]` }], ["doc", doc]],
      props: "",
    };
    const lines = render(
      doc.t === "map" ? { ...doc, entries: [...first.entries.slice(0, 1), ...doc.entries] } : first,
      0,
      step,
      "top",
      "",
    );
    for (const [at, l] of inserts) lines.splice(at % (lines.length + 1), 0, l);
    return start + lines.join("\n") + end;
  });

/** Lines that make or break YAML, put together at random indents: a rougher differential than {@linkcode yamlText}. */
const snippets = [
  "a: b",
  "a: 'b'",
  'key: "x\\ty"',
  "b:",
  "- x",
  "- a: 1",
  "-",
  "- - y",
  "  c: d",
  "x: |",
  "x: >-",
  "  text",
  "    more",
  "",
  "# comment",
  "a: b # c",
  "a: [1, 2]",
  "a: {k: v}",
  "a: [1,",
  "  2]",
  "a: &x y",
  "b: *x",
  "<<: {m: 1}",
  "a: !!str 1",
  "a: !t x",
  "---",
  "...",
  "a : b",
  '"q:k": v',
  "a: b: c",
  "a: 'x",
  "  y'",
  "plain",
  "  continued",
  "a:\tb",
  "\ta: b",
  "a: b\t# c",
  "{a: 1}",
  "[a, b]",
  "a: -1",
  "a: yes",
  "a: 0x1F",
  "a: ~",
  "*x",
  "&y",
  "!!map",
  "a: @b",
  "a: `b",
  "a: %b",
  "[a: b, c]",
  "a: [b, {c: [d, e]}]",
  "- |-",
  "- >",
  "a: |2",
  'a: "\\',
  "a: 'it''s'",
];

export const yamlLines: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(0, 0, 0, 2, 2, 4, 1), fc.constantFrom(...snippets)), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.constantFrom("\n", "\n", "\r\n"),
    fc.boolean(),
  )
  .map(([lines, nl, end]) => lines.map(([n, s]) => `${" ".repeat(n)}${s}`).join(nl) + (end ? nl : ""));
