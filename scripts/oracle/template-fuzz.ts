/**
 * Differential fuzzing of our Go text/template + sprig (lib/templates/go, lib/templates/sprig, lib/gofmt) against the
 * Go oracle (Go 1.19 text/template + sprig 3.2.3, `/work/shared/oracle/bin/oracle` or `$ORACLE`).
 *
 *     npx tsx scripts/oracle/template-fuzz.ts [--seed 1] [--cases 3000] [--out /tmp/template-fuzz.json] [--show 20]
 *
 * A small grammar-based generator, driven by a seeded PRNG so a run is reproducible, writes random templates (text,
 * if/else/range/with/define/template/block, variables, pipelines, Go's builtins, printf verbs with flags, width and
 * precision, the sprig functions real configurations use most) over random Kubernetes-like data (nested maps, lists,
 * strings with unicode, quotes and `<>&`, int64s, float64s, bools, null, missing keys). Every case is rendered by the
 * oracle and by `compileGoTemplate`; the outcome (ok or error, phase), the text and the error message must be equal.
 * Divergences are grouped by the first function or construct of the case and written to `--out` for triage.
 *
 * Shapes left out on purpose (they differ by design; see tests/conformance/templates/go-templates.test.ts):
 * - `range` over an integer and `{{else with}}` (we follow Go 1.22+/1.23+; the oracle is Go 1.19);
 * - int literals where Go's reflection tells `int` from `int64` (`duration 5`, `%T` of a function's int64 result…):
 *   our numbers do not carry that difference, so integer literals reach `duration`/`ago`-like functions only as strings;
 * - randomness and I/O (`uuidv4`, `rand*`, `shuffle`, `genCA`…) and `semver*`/`derivePassword` (not ported);
 * - the wall clock: Go's `ago` and `date`/`dateInZone` of a non-time read `time.Now()`, which the oracle does not fix
 *   (only sprig's `now`), so `ago` is left out and `date` only sees times;
 * - sprig 3.3 additions (`sha512sum`, `sortAlphaNum`, `toYaml`…) that the oracle's sprig 3.2.3 lacks; Go's random map
 *   order (`keys`, `values`); `%p` (addresses).
 * - integral float64 values in data: JSON cannot tell `1.0` from `1`, and the oracle decodes both as int64.
 * Fixed divergences become cases of tests/conformance/templates/go-fuzz-golden.json (see template-fuzz-golden.ts).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { compileGoTemplate } from "../../lib/templates/go/mod.ts";

// ---------------------------------------------------------------------------------------------------------------
// PRNG and helpers

/** mulberry32: tiny, seeded, good enough to spread choices. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  constructor(readonly r: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    const total = xs.reduce((s, [w]) => s + w, 0);
    let x = this.r() * total;
    for (const [w, v] of xs) {
      x -= w;
      if (x < 0) return v;
    }
    return (xs[xs.length - 1] as readonly [number, T])[1];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data

/** `gint` is a Go `int` parameter: data integers (int64) do not fit it, so it gets literals. */
type Kind = "gint" | "str" | "int" | "float" | "bool" | "null" | "list" | "map" | "any";

const keys = [
  "name",
  "status",
  "a",
  "b",
  "items",
  "labels",
  "count",
  "ratio",
  "ok",
  "msg",
  "tags",
  "spec",
  "x",
  "y-z",
  "Name",
];
const words = [
  "",
  "a",
  "web",
  "Hello World",
  "héllo",
  "日本語",
  "☃",
  'a"b',
  "it's",
  "<b>&amp;</b>",
  "x&y",
  "line1\nline2",
  "  pad  ",
  "tab\there",
  "1.5",
  "42",
  "-7",
  "true",
  "null",
  "a,b,c",
  "a b c",
  "foo-bar_baz",
  "UPPER",
  "camelCase",
  "\\back",
  "emoji 😀",
  "2024-01-02T03:04:05Z",
  "1h30m",
  "v1.2.3",
  "é",
  "ß",
  "ǅ",
  "\u0000",
  "%d %s",
  "{{x}}",
  "https://x.io/a b?q=1&r=<>",
];

function genString(g: Gen): string {
  if (g.chance(0.8)) return g.pick(words);
  let s = "";
  for (let i = g.int(0, 8); i > 0; i--) {
    s += g.pick([
      "a",
      "Z",
      " ",
      "é",
      '"',
      "'",
      "<",
      ">",
      "&",
      "\\",
      "\n",
      "0",
      "9",
      "-",
      "_",
      "😀",
      "日",
      ".",
      ",",
      "%",
    ]);
  }
  return s;
}

function genInt(g: Gen): number {
  return g.weighted<number>([
    [5, g.int(-3, 10)],
    [3, g.int(-1000, 100000)],
    [1, g.pick([2147483647, -2147483648, 4294967296, 9007199254740991, -9007199254740991, 1e15])],
  ]);
}

function genFloat(g: Gen): number {
  const f = g.weighted<number>([
    [5, Math.round((g.r() * 200 - 100) * 1000) / 1000],
    [2, g.pick([0.5, 1.5, 2.5, -0.5, 0.1, 0.25, 3.14159, 2.675, 1e-7, 123456.789, 1e-5, 0.000012345])],
    [1, g.r() * 1e10 + 0.5],
  ]);
  return Number.isInteger(f) ? f + 0.5 : f;
}

export function genValue(g: Gen, depth: number): unknown {
  const kind = g.weighted<Kind>([
    [5, "str"],
    [3, "int"],
    [2, "float"],
    [2, "bool"],
    [1, "null"],
    [depth > 0 ? 2 : 0, "list"],
    [depth > 0 ? 3 : 0, "map"],
  ]);
  switch (kind) {
    case "str":
      return genString(g);
    case "int":
      return genInt(g);
    case "float":
      return genFloat(g);
    case "bool":
      return g.chance(0.5);
    case "null":
      return null;
    case "list": {
      const n = g.int(0, 4);
      const same = g.chance(0.5) ? g.pick<Kind>(["str", "int", "float"]) : undefined;
      return Array.from(
        { length: n },
        () =>
          same === "str"
            ? genString(g)
            : same === "int"
            ? genInt(g)
            : same === "float"
            ? genFloat(g)
            : genValue(g, depth - 1),
      );
    }
    default: {
      const m: Record<string, unknown> = {};
      for (let i = g.int(0, 5); i > 0; i--) m[g.pick(keys)] = genValue(g, depth - 1);
      return m;
    }
  }
}

function kindOf(v: unknown): Kind {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  if (typeof v === "string") return "str";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  return "map";
}

/** Every field path of the data (`.a.b`), by the kind of value it reaches. */
function collectPaths(v: unknown, prefix: string, out: Map<Kind, string[]>): void {
  if (prefix !== "") {
    const k = kindOf(v);
    out.set(k, [...(out.get(k) ?? []), prefix]);
  }
  if (kindOf(v) !== "map") return;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) continue;
    collectPaths(x, `${prefix}.${k}`, out);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Templates

/** Argument kinds of a function; `R` is the result kind. */
interface Spec {
  readonly args: readonly Kind[];
  readonly ret: Kind;
  /** Extra literal choices per argument index (formats, regexps, layouts…). */
  readonly lit?: Readonly<Record<number, readonly string[]>>;
  /** Variadic: the last argument kind repeats 0..3 times. */
  readonly variadic?: boolean;
  /** Only the literal choices, never a random operand, and never a piped value (`date` of a non-time is the wall clock). */
  readonly litOnly?: boolean;
}

const q = (s: string): string => JSON.stringify(s);
const layouts = [
  "2006-01-02",
  "2006-01-02T15:04:05Z07:00",
  "Jan 2, 2006 at 3:04pm (MST)",
  "15:04:05.000",
  "Mon Jan _2",
  "060102 03PM .999",
].map(q);
const regexps = ["a", "^[a-z]+$", "(\\\\w+)-(\\\\w+)", "[0-9]+", "é", ".", "(?i)HELLO", "b*", "^$", "\\\\s+"].map((s) =>
  `"${s}"`
);
/** Time values: sprig's `date` falls back to the wall clock for anything else, which the oracle cannot fix. */
const times = [
  "now",
  '(now | dateModify "-90m")',
  '(toDate "2006-01-02" "2024-02-29")',
  '(toDate "2006-01-02T15:04:05Z07:00" "2023-06-15T10:00:00+02:00")',
  "0",
  "1700000000",
  "(int64 1700000000)",
];
/** Counts for functions that allocate by them (`until`, `repeat`…): a huge one would exhaust the oracle's memory. */
const small = ["-1", "0", "1", "2", "3", "5", "8"];
const smallLits: Readonly<Record<number, readonly string[]>> = { 0: small, 1: small, 2: small };
const timeStrings = ["2024-01-02T03:04:05Z", "2023-06-15T10:00:00+02:00", "2024-02-29", "bad", "1999-12-31T23:59:59.5Z"]
  .map(q);

const functions: Readonly<Record<string, Spec>> = {
  // Go builtins
  eq: { args: ["any", "any"], ret: "bool", variadic: true },
  ne: { args: ["any", "any"], ret: "bool" },
  lt: { args: ["any", "any"], ret: "bool" },
  le: { args: ["any", "any"], ret: "bool" },
  gt: { args: ["any", "any"], ret: "bool" },
  ge: { args: ["any", "any"], ret: "bool" },
  and: { args: ["any", "any"], ret: "any", variadic: true },
  or: { args: ["any", "any"], ret: "any", variadic: true },
  not: { args: ["any"], ret: "bool" },
  len: { args: ["any"], ret: "int" },
  index: { args: ["any", "any"], ret: "any", variadic: true },
  slice: { args: ["any", "int"], ret: "any", variadic: true },
  print: { args: ["any"], ret: "str", variadic: true },
  println: { args: ["any"], ret: "str", variadic: true },
  html: { args: ["any"], ret: "str", variadic: true },
  js: { args: ["any"], ret: "str", variadic: true },
  urlquery: { args: ["any"], ret: "str", variadic: true },
  // sprig
  toJson: { args: ["any"], ret: "str" },
  toPrettyJson: { args: ["any"], ret: "str" },
  toRawJson: { args: ["any"], ret: "str" },
  quote: { args: ["any"], ret: "str", variadic: true },
  squote: { args: ["any"], ret: "str", variadic: true },
  trunc: { args: ["gint", "str"], ret: "str" },
  default: { args: ["any", "any"], ret: "any" },
  empty: { args: ["any"], ret: "bool" },
  coalesce: { args: ["any", "any"], ret: "any", variadic: true },
  ternary: { args: ["any", "any", "bool"], ret: "any" },
  upper: { args: ["str"], ret: "str" },
  lower: { args: ["str"], ret: "str" },
  title: { args: ["str"], ret: "str" },
  untitle: { args: ["str"], ret: "str" },
  replace: { args: ["str", "str", "str"], ret: "str" },
  trim: { args: ["str"], ret: "str" },
  trimAll: { args: ["str", "str"], ret: "str" },
  trimPrefix: { args: ["str", "str"], ret: "str" },
  trimSuffix: { args: ["str", "str"], ret: "str" },
  contains: { args: ["str", "str"], ret: "bool" },
  hasPrefix: { args: ["str", "str"], ret: "bool" },
  hasSuffix: { args: ["str", "str"], ret: "bool" },
  split: { args: ["str", "str"], ret: "map" },
  splitList: { args: ["str", "str"], ret: "list" },
  join: { args: ["str", "list"], ret: "str" },
  list: { args: ["any"], ret: "list", variadic: true },
  dict: { args: ["str", "any"], ret: "map", variadic: true },
  get: { args: ["map", "str"], ret: "any" },
  set: { args: ["map", "str", "any"], ret: "map" },
  unset: { args: ["map", "str"], ret: "map" },
  hasKey: { args: ["map", "str"], ret: "bool" },
  pluck: { args: ["str", "map"], ret: "list", variadic: true },
  merge: { args: ["map", "map"], ret: "map" },
  first: { args: ["list"], ret: "any" },
  last: { args: ["list"], ret: "any" },
  rest: { args: ["list"], ret: "list" },
  initial: { args: ["list"], ret: "list" },
  uniq: { args: ["list"], ret: "list" },
  has: { args: ["any", "list"], ret: "bool" },
  without: { args: ["list", "any"], ret: "list", variadic: true },
  append: { args: ["list", "any"], ret: "list" },
  prepend: { args: ["list", "any"], ret: "list" },
  concat: { args: ["list", "list"], ret: "list" },
  reverse: { args: ["list"], ret: "list" },
  compact: { args: ["list"], ret: "list" },
  sortAlpha: { args: ["list"], ret: "list" },
  add: { args: ["int", "int"], ret: "int", variadic: true },
  add1: { args: ["int"], ret: "int" },
  sub: { args: ["int", "int"], ret: "int" },
  mul: { args: ["int", "int"], ret: "int", variadic: true },
  div: { args: ["int", "int"], ret: "int" },
  mod: { args: ["int", "int"], ret: "int" },
  max: { args: ["int", "int"], ret: "int", variadic: true },
  min: { args: ["int", "int"], ret: "int", variadic: true },
  addf: { args: ["float", "float"], ret: "float", variadic: true },
  subf: { args: ["float", "float"], ret: "float" },
  mulf: { args: ["float", "float"], ret: "float" },
  divf: { args: ["float", "float"], ret: "float" },
  maxf: { args: ["float", "float"], ret: "float" },
  floor: { args: ["float"], ret: "float" },
  ceil: { args: ["float"], ret: "float" },
  round: { args: ["float", "gint"], ret: "float", variadic: true },
  b64enc: { args: ["str"], ret: "str" },
  b64dec: { args: ["str"], ret: "str" },
  b32enc: { args: ["str"], ret: "str" },
  sha256sum: { args: ["str"], ret: "str" },
  sha1sum: { args: ["str"], ret: "str" },
  adler32sum: { args: ["str"], ret: "str" },
  date: { args: ["str", "any"], ret: "str", lit: { 0: layouts, 1: times }, litOnly: true },
  dateInZone: {
    args: ["str", "any", "str"],
    ret: "str",
    lit: { 0: layouts, 1: times, 2: [q("UTC"), q("Europe/Paris"), q("Nowhere")] },
    litOnly: true,
  },
  toDate: {
    args: ["str", "str"],
    ret: "any",
    lit: { 0: [q("2006-01-02"), q("2006-01-02T15:04:05Z07:00")], 1: timeStrings },
  },
  mustToDate: {
    args: ["str", "str"],
    ret: "any",
    lit: { 0: [q("2006-01-02"), q("2006-01-02T15:04:05Z07:00")], 1: timeStrings },
  },
  dateModify: {
    args: ["str", "any"],
    ret: "any",
    lit: { 0: [q("1h"), q("-30m"), q("bad"), q("1.5h")], 1: times.slice(0, 4) },
  },
  duration: { args: ["str"], ret: "str", lit: { 0: [q("90"), q("3600"), q("-5"), q("x")] } },
  durationRound: { args: ["str"], ret: "str", lit: { 0: [q("1h30m"), q("2h"), q("45s"), q("bad")] } },
  unixEpoch: { args: ["any"], ret: "str", lit: { 0: times.slice(0, 4) } },
  int: { args: ["any"], ret: "int" },
  int64: { args: ["any"], ret: "int" },
  float64: { args: ["any"], ret: "float" },
  toString: { args: ["any"], ret: "str" },
  toStrings: { args: ["any"], ret: "list" },
  atoi: { args: ["str"], ret: "int" },
  regexMatch: { args: ["str", "str"], ret: "bool", lit: { 0: regexps } },
  regexFind: { args: ["str", "str"], ret: "str", lit: { 0: regexps } },
  regexFindAll: { args: ["str", "str", "gint"], ret: "list", lit: { 0: regexps } },
  regexReplaceAll: {
    args: ["str", "str", "str"],
    ret: "str",
    lit: { 0: regexps, 2: [q("$1"), q("${2}-$1"), q("x"), q("$$")] },
  },
  regexReplaceAllLiteral: { args: ["str", "str", "str"], ret: "str", lit: { 0: regexps, 2: [q("$1"), q("x")] } },
  regexSplit: { args: ["str", "str", "gint"], ret: "list", lit: { 0: regexps } },
  regexQuoteMeta: { args: ["str"], ret: "str" },
  nindent: { args: ["gint", "str"], ret: "str" },
  indent: { args: ["gint", "str"], ret: "str" },
  repeat: { args: ["gint", "str"], ret: "str", lit: { 0: small } },
  substr: { args: ["gint", "gint", "str"], ret: "str" },
  wrap: { args: ["gint", "str"], ret: "str" },
  wrapWith: { args: ["gint", "str", "str"], ret: "str" },
  abbrev: { args: ["gint", "str"], ret: "str" },
  abbrevboth: { args: ["gint", "gint", "str"], ret: "str" },
  nospace: { args: ["str"], ret: "str" },
  initials: { args: ["str"], ret: "str" },
  snakecase: { args: ["str"], ret: "str" },
  camelcase: { args: ["str"], ret: "str" },
  kebabcase: { args: ["str"], ret: "str" },
  swapcase: { args: ["str"], ret: "str" },
  plural: { args: ["str", "str", "gint"], ret: "str" },
  cat: { args: ["any"], ret: "str", variadic: true },
  typeOf: { args: ["any"], ret: "str" },
  kindOf: { args: ["any"], ret: "str" },
  typeIs: {
    args: ["str", "any"],
    ret: "bool",
    lit: { 0: [q("string"), q("int64"), q("float64"), q("bool"), q("map[string]interface {}")] },
  },
  deepEqual: { args: ["any", "any"], ret: "bool" },
  fromJson: { args: ["str"], ret: "any" },
  mustFromJson: { args: ["str"], ret: "any" },
  fail: { args: ["str"], ret: "str" },
  until: { args: ["gint"], ret: "list", lit: smallLits },
  untilStep: { args: ["gint", "gint", "gint"], ret: "list", lit: smallLits },
  seq: { args: ["int"], ret: "str", variadic: true, lit: smallLits },
  dig: { args: ["str", "any", "map"], ret: "any" },
  pick: { args: ["map", "str"], ret: "map", variadic: true },
  omit: { args: ["map", "str"], ret: "map", variadic: true },
  chunk: { args: ["gint", "list"], ret: "list" },
  urlParse: { args: ["str"], ret: "map" },
  base: { args: ["str"], ret: "str" },
  ext: { args: ["str"], ret: "str" },
  clean: { args: ["str"], ret: "str" },
  mustRegexMatch: { args: ["str", "str"], ret: "bool", lit: { 0: regexps } },
};

const printfVerbs = [
  "v",
  "+v",
  "#v",
  "T",
  "d",
  "s",
  "q",
  "x",
  "X",
  "o",
  "b",
  "c",
  "U",
  "e",
  "E",
  "f",
  "F",
  "g",
  "G",
  "t",
  "%",
  "z",
];

/** The names of functions a case uses, to group divergences. */
interface Ctx {
  readonly g: Gen;
  readonly paths: Map<Kind, string[]>;
  vars: string[];
  depth: number;
  readonly used: string[];
  readonly defined: string[];
}

function literal(ctx: Ctx, kind: Kind): string {
  const { g } = ctx;
  switch (kind) {
    case "str":
      return g.chance(0.1) ? "`" + g.pick(words).replace(/`/g, "") + "`" : q(genString(g));
    case "gint":
      return String(g.int(-2, 12));
    case "int":
      return String(g.weighted<number>([[6, g.int(-2, 12)], [1, genInt(g)]]));
    case "float":
      return g.pick(["1.5", "0.5", "2.675", "-3.25", "1e3", "1.0", "0.1", "3.14159", "1e-7", "2.5"]);
    case "bool":
      return g.pick(["true", "false"]);
    case "null":
      return "nil";
    case "list":
      return `(list ${
        Array.from({ length: g.int(0, 3) }, () => literal(ctx, g.pick<Kind>(["str", "int", "float", "bool"]))).join(" ")
      })`;
    case "map":
      return `(dict ${
        Array.from({ length: g.int(0, 2) }, () => `${q(g.pick(keys))} ${literal(ctx, g.pick<Kind>(["str", "int"]))}`)
          .join(" ")
      })`;
    default:
      return literal(ctx, g.pick<Kind>(["str", "int", "float", "bool", "list", "map"]));
  }
}

function fieldPath(ctx: Ctx, kind: Kind): string | undefined {
  const { g } = ctx;
  const candidates = kind === "any" ? [...ctx.paths.values()].flat() : ctx.paths.get(kind) ?? [];
  if (candidates.length === 0) return undefined;
  const p = g.pick(candidates);
  return g.chance(0.15) ? `$${p}` : p;
}

/** An operand of the given kind: a literal, a field, a variable, or a parenthesised call. */
function operand(ctx: Ctx, kind: Kind): string {
  const { g } = ctx;
  const choice = g.weighted<string>([
    [4, "lit"],
    [5, "field"],
    [1, "missing"],
    [ctx.vars.length > 0 ? 2 : 0, "var"],
    [ctx.depth < 3 ? 3 : 0, "call"],
    [0.3, "dot"],
  ]);
  switch (choice) {
    case "field":
      return fieldPath(ctx, kind) ?? literal(ctx, kind);
    case "missing":
      return g.pick([".nope", ".name.nope", "$.x.y.z", ".items.nope", ".a.b"]);
    case "var":
      return g.pick(ctx.vars) + (g.chance(0.2) ? "." + g.pick(keys.filter((k) => !k.includes("-"))) : "");
    case "call": {
      ctx.depth++;
      const c = `(${call(ctx, kind)})`;
      ctx.depth--;
      return c;
    }
    case "dot":
      return ".";
    default:
      return literal(ctx, kind);
  }
}

function argFor(ctx: Ctx, spec: Spec, i: number, kind: Kind): string {
  const lits = spec.lit?.[i];
  if (lits !== undefined && (spec.litOnly === true || ctx.g.chance(0.75))) return ctx.g.pick(lits);
  if (spec.lit !== undefined && spec.lit === smallLits) return ctx.g.pick(small);
  if (kind === "gint") return ctx.g.chance(0.93) ? literal(ctx, "int") : operand(ctx, "any");
  // Sometimes a wrong kind on purpose, to compare the errors.
  return operand(ctx, ctx.g.chance(0.1) ? "any" : kind);
}

function call(ctx: Ctx, want: Kind): string {
  const { g } = ctx;
  if (g.chance(0.12)) return printfCall(ctx);
  const names = Object.keys(functions);
  const matching = want === "any"
    ? names
    : names.filter((n) => functions[n]?.ret === want || functions[n]?.ret === "any");
  const name = g.pick(matching.length > 0 ? matching : names);
  const spec = functions[name] as Spec;
  ctx.used.push(name);
  const args = spec.args.map((k, i) => argFor(ctx, spec, i, k));
  if (spec.variadic === true) {
    const last = spec.args[spec.args.length - 1] as Kind;
    for (let n = g.int(0, 2); n > 0; n--) args.push(argFor(ctx, spec, spec.args.length - 1, last));
  }
  // Arity errors, now and then.
  if (g.chance(0.03)) args.pop();
  // deno-lint-ignore no-dupe-else-if -- two independent draws
  else if (g.chance(0.03)) args.push(operand(ctx, "any"));
  return [name, ...args].join(" ");
}

function printfCall(ctx: Ctx): string {
  const { g } = ctx;
  ctx.used.push("printf");
  const parts: string[] = [];
  const args: string[] = [];
  for (let n = g.int(1, 3); n > 0; n--) {
    let spec = "%";
    for (const f of ["-", "+", " ", "0", "#"]) if (g.chance(0.12)) spec += f;
    if (g.chance(0.3)) spec += String(g.int(0, 12));
    if (g.chance(0.25)) spec += "." + (g.chance(0.2) ? "" : String(g.int(0, 8)));
    if (g.chance(0.03)) spec = "%[" + String(g.int(0, 3)) + "]";
    const verb = g.pick(printfVerbs);
    spec += verb;
    parts.push(g.chance(0.3) ? g.pick(["a", " ", "|", "é", "\\n"]) + spec : spec);
    if (verb !== "%") {
      const kind = verb === "d" || verb === "c" || verb === "U" || verb === "o" || verb === "b"
        ? "int"
        : "eEfFgG".includes(verb)
        ? "float"
        : verb === "t"
        ? "bool"
        : verb === "s" || verb === "q"
        ? "str"
        : "any";
      args.push(operand(ctx, g.chance(0.8) ? kind : "any"));
    }
  }
  if (g.chance(0.05)) args.pop();
  if (g.chance(0.05)) args.push(operand(ctx, "any"));
  return ["printf", `"${parts.join("")}"`, ...args].join(" ");
}

/** A pipeline: an operand or call, optionally piped into functions (the piped value is the last argument). */
function pipeline(ctx: Ctx, want: Kind = "any"): string {
  const { g } = ctx;
  let head = g.chance(0.5) ? call(ctx, want) : operand(ctx, want);
  let kind = want;
  for (let n = g.weighted<number>([[5, 0], [3, 1], [1, 2]]); n > 0; n--) {
    const names = Object.keys(functions).filter((k) =>
      (functions[k]?.args.length ?? 0) <= 3 && functions[k]?.litOnly !== true
    );
    // Mostly a function that takes what the pipeline carries (the piped value is the last argument).
    const fitting = names.filter((k) => {
      const last = functions[k]?.args[(functions[k]?.args.length ?? 1) - 1];
      return last === "any" || last === kind;
    });
    const name = g.pick(g.chance(0.8) && fitting.length > 0 ? fitting : names);
    const spec = functions[name] as Spec;
    ctx.used.push(name);
    const args = spec.args.slice(0, -1).map((k, i) => argFor(ctx, spec, i, k));
    head += ` | ${[name, ...args].join(" ")}`;
    kind = spec.ret;
  }
  return head;
}

function trim(g: Gen, open: boolean): string {
  return g.chance(0.1) ? (open ? "{{- " : " -}}") : open ? "{{" : "}}";
}

function declared(ctx: Ctx): string {
  const name = `$${ctx.g.pick(["x", "y", "v", "i", "k", "e"])}`;
  if (!ctx.vars.includes(name)) ctx.vars.push(name);
  return name;
}

function body(ctx: Ctx, depth: number): string {
  const { g } = ctx;
  let out = "";
  for (let n = g.int(1, depth > 0 ? 4 : 2); n > 0; n--) {
    const what = g.weighted<string>([
      [3, "text"],
      [8, "action"],
      [depth > 0 ? 2 : 0, "if"],
      [depth > 0 ? 2 : 0, "range"],
      [depth > 0 ? 1 : 0, "with"],
      [1, "assign"],
      [ctx.defined.length > 0 ? 1 : 0, "template"],
      [0.3, "comment"],
    ]);
    const o = trim(g, true);
    const c = trim(g, false);
    const saved = [...ctx.vars];
    switch (what) {
      case "text":
        out += g.pick([" ", "\n", "x", " | ", "é<&>", "\n  ", ": "]);
        break;
      case "action":
        out += `${o}${pipeline(ctx)}${c}`;
        break;
      case "assign": {
        const v = declared(ctx);
        out += `${o}${v} := ${pipeline(ctx)}${c}`;
        break;
      }
      case "comment":
        out += `{{/* c */}}`;
        break;
      case "template":
        out += `${o}template ${q(g.pick(ctx.defined))} ${pipeline(ctx)}${c}`;
        break;
      case "if": {
        out += `${o}if ${pipeline(ctx, g.chance(0.5) ? "bool" : "any")}${c}${body(ctx, depth - 1)}`;
        if (g.chance(0.3)) out += `{{else if ${pipeline(ctx)}}}${body(ctx, depth - 1)}`;
        if (g.chance(0.4)) out += `{{else}}${body(ctx, depth - 1)}`;
        out += `{{end}}`;
        break;
      }
      case "with": {
        out += `${o}with ${g.chance(0.3) ? `${declared(ctx)} := ` : ""}${pipeline(ctx)}${c}${body(ctx, depth - 1)}`;
        if (g.chance(0.3)) out += `{{else}}${body(ctx, depth - 1)}`;
        out += `{{end}}`;
        break;
      }
      case "range": {
        const decl = g.weighted<string>([[3, ""], [2, `${declared(ctx)} := `], [
          2,
          `${declared(ctx)}, ${declared(ctx)} := `,
        ]]);
        const over = g.chance(0.7)
          ? (fieldPath(ctx, g.pick<Kind>(["list", "map"])) ?? pipeline(ctx, "list"))
          : pipeline(ctx, "list");
        out += `${o}range ${decl}${over}${c}${body(ctx, depth - 1)}`;
        if (g.chance(0.1)) out += g.pick(["{{break}}", "{{continue}}"]);
        if (g.chance(0.3)) out += `{{else}}${body(ctx, depth - 1)}`;
        out += `{{end}}`;
        break;
      }
    }
    if (what !== "assign") ctx.vars = saved;
  }
  return out;
}

export interface FuzzCase {
  readonly id: string;
  readonly source: string;
  readonly vars: Record<string, unknown>;
  readonly used: readonly string[];
}

export function genCase(g: Gen, id: string): FuzzCase {
  const vars: Record<string, unknown> = {};
  for (let i = g.int(2, 6); i > 0; i--) vars[g.pick(keys)] = genValue(g, 3);
  const paths = new Map<Kind, string[]>();
  collectPaths(vars, "", paths);
  const ctx: Ctx = { g, paths, vars: [], depth: 0, used: [], defined: [] };
  let defs = "";
  if (g.chance(0.15)) {
    const name = g.pick(["t", "sub", "x y"]);
    defs = `{{define ${q(name)}}}${body({ ...ctx, vars: [] }, 1)}{{end}}`;
    ctx.defined.push(name);
  }
  let source = defs + body(ctx, 2);
  if (g.chance(0.05)) source = `{{block "b" .}}${body(ctx, 1)}{{end}}` + source;
  return { id, source, vars, used: ctx.used };
}

// ---------------------------------------------------------------------------------------------------------------
// Running

export type Outcome = { ok: true; text: string } | { ok: false; phase: string; error: string };

export const fuzzNow = "2024-01-02T03:04:05Z";

/**
 * Renders cases with the oracle. A case that kills it (Go's fatal stack overflow printing a map that contains itself,
 * e.g. after `set .m "k" .m`, cannot be recovered) is answered as `{ ok: false, phase: "crash" }` and the rest resumed.
 */
export function runOracle(cases: readonly { id: string; source: string; vars: unknown }[]): Outcome[] {
  const oracle = process.env.ORACLE ?? "/work/shared/oracle/bin/oracle";
  const out: Outcome[] = [];
  while (out.length < cases.length) {
    const rest = cases.slice(out.length);
    const stdin = rest.map((c) =>
      JSON.stringify({ id: c.id, kind: "template", name: c.id, source: c.source, vars: c.vars, now: fuzzNow })
    ).join("\n") + "\n";
    const run = spawnSync(oracle, {
      input: stdin,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      stdio: ["pipe", "pipe", "ignore"],
    });
    const lines = (run.stdout ?? "").split("\n").filter((l) =>
      l.endsWith("}")
    );
    for (const l of lines) {
      const r = JSON.parse(l) as { ok: boolean; text?: string; error?: string; phase?: string };
      out.push(r.ok ? { ok: true, text: r.text ?? "" } : { ok: false, phase: r.phase ?? "", error: r.error ?? "" });
    }
    if (out.length < cases.length && run.status !== 0) {
      out.push({
        ok: false,
        phase: "crash",
        error: "the oracle crashed",
      });
    } else if (out.length < cases.length) {
      throw new Error(`oracle answered ${out.length} of ${cases.length} cases`);
    }
  }
  return out;
}

export function runOurs(c: { id: string; source: string; vars: unknown }): Outcome {
  const compiled = compileGoTemplate(c.source, { name: c.id });
  if (compiled._tag === "Left") return { ok: false, phase: "compile", error: compiled.left.message };
  const r = compiled.right.render(c.vars as Record<string, unknown>, { now: Date.parse(fuzzNow) });
  return r._tag === "Right" ? { ok: true, text: r.right } : { ok: false, phase: "run", error: r.left.message };
}

/**
 * Divergences that are intended (see the module doc), by the reason: the value model's int vs int64, and Go 1.22's
 * range over an integer.
 */
export function intended(go: Outcome, ours: Outcome): string | undefined {
  const goText = go.ok ? go.text : go.error;
  const ourText = ours.ok ? ours.text : ours.error;
  if (/int64/.test(goText) && !/int64/.test(ourText)) return "value model: int vs int64";
  if (!go.ok && /range can't iterate over -?\d+$/.test(go.error)) return "range over int (Go 1.22+)";
  return undefined;
}

/** Why two outcomes differ, or undefined when they agree. */
export function compare(go: Outcome, ours: Outcome): string | undefined {
  if (!go.ok && go.phase === "crash") return undefined;
  if (go.ok && ours.ok) return go.text === ours.text ? undefined : "text";
  if (go.ok !== ours.ok) return go.ok ? "we fail, Go renders" : "we render, Go fails";
  if (!go.ok && !ours.ok) {
    if (go.phase !== ours.phase) return "phase";
    return go.error === ours.error ? undefined : "message";
  }
  return undefined;
}

function main(): void {
  const arg = (name: string, dflt: string): string => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] ?? dflt : dflt;
  };
  const seed = Number(arg("seed", "1"));
  const count = Number(arg("cases", "3000"));
  const out = arg("out", "/tmp/template-fuzz.json");
  const show = Number(arg("show", "15"));
  const g = new Gen(prng(seed));
  const cases = Array.from({ length: count }, (_, i) => genCase(g, `f${seed}-${i}`));
  const go = runOracle(cases);
  const diverging: {
    id: string;
    why: string;
    group: string;
    source: string;
    vars: unknown;
    go: Outcome;
    ours: Outcome;
  }[] = [];
  const byWhy = new Map<string, number>();
  let goOk = 0;
  for (const [i, c] of cases.entries()) {
    const expected = go[i] as Outcome;
    if (expected.ok) goOk++;
    let ours: Outcome;
    try {
      ours = runOurs(c);
    } catch (e) {
      ours = { ok: false, phase: "threw", error: String(e) };
    }
    const differs = compare(expected, ours);
    if (differs === undefined) continue;
    const why = intended(expected, ours) ?? differs;
    const group = c.used[0] ?? "(none)";
    byWhy.set(why, (byWhy.get(why) ?? 0) + 1);
    diverging.push({ id: c.id, why, group, source: c.source, vars: c.vars, go: expected, ours });
  }
  diverging.sort((a, b) => a.source.length - b.source.length);
  writeFileSync(out, JSON.stringify(diverging, null, 1));
  console.log(
    `seed ${seed}: ${count} cases (${goOk} render in Go, ${count - goOk} fail), ${diverging.length} divergences`,
  );
  for (const [why, n] of byWhy) console.log(`  ${why}: ${n}`);
  for (const d of diverging.slice(0, show)) {
    console.log(
      `\n[${d.why}] ${d.id} ${d.source}\n  vars ${JSON.stringify(d.vars).slice(0, 300)}\n  go   ${
        JSON.stringify(d.go).slice(0, 400)
      }\n  ours ${JSON.stringify(d.ours).slice(0, 400)}`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) main();
