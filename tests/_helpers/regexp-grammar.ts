/**
 * fast-check arbitraries for Go (RE2) regular expressions and their inputs, from a grammar: literals (ASCII, Latin-1,
 * Greek, CJK, an astral emoji, the case-folding specials K/k/K and s/S/ſ), escapes, classes (ranges, negation, POSIX,
 * Perl, Unicode), `.`, anchors `^ $ \A \z \b \B`, flags `(?i)(?s)(?m)(?U)` and flag groups, captures (numbered and
 * named), alternation, and `* + ? {n} {n,} {n,m}`, greedy and lazy; now and then a piece Go refuses (`[`, `a**`, `\q`,
 * `x{2,1}`, `(?P<>a)`, `\p{Foo}`…). Used by the differential tests against re2js and by the oracle script that makes
 * the Go goldens.
 */
import fc from "fast-check";

const literals = [
  "a",
  "b",
  "c",
  "x",
  "A",
  "B",
  "K",
  "k",
  "s",
  "S",
  "\u017f",
  "\u212a",
  "é",
  "É",
  "σ",
  "Σ",
  "ς",
  "日",
  "0",
  "1",
  " ",
  "-",
  "_",
  ",",
  "😀",
];
const escapes = ["\\.", "\\*", "\\(", "\\[", "\\$", "\\\\", "\\x41", "\\x{e9}", "\\n", "\\t", "\\101", "\\{", "\\-"];
const classes = [
  "[abc]",
  "[a-z]",
  "[^a-c]",
  "[A-Z0-9]",
  "[[:alpha:]]",
  "[[:^digit:]]",
  "[[:space:]]",
  "[[:upper:]x]",
  "[\\d\\s]",
  "[^\\w]",
  "[\\pL]",
  "[é-ü]",
  "[a-]",
  "[]a]",
  "[^\\n]",
  "[\\p{Greek}k]",
  "[ſ]",
  "[^K]",
  "[\\x{1F600}-\\x{1F64F}]",
];
const groups = [
  "\\d",
  "\\D",
  "\\w",
  "\\W",
  "\\s",
  "\\S",
  "\\pL",
  "\\p{Lu}",
  "\\p{Ll}",
  "\\PL",
  "\\p{Greek}",
  "\\pN",
  "\\p{^Latin}",
  ".",
];
const anchors = ["^", "$", "\\A", "\\z", "\\b", "\\B"];
const flags = ["(?i)", "(?s)", "(?m)", "(?U)", "(?i-s)", "(?-i)"];
const invalid = [
  "[",
  "(",
  ")",
  "*",
  "a**",
  "\\q",
  "x{2,1}",
  "(?P<>a)",
  "\\8",
  "[z-a]",
  "\\p{Foo}",
  "[[:foo:]]",
  "a{1001}",
  "(?=a)",
  "\\C",
  "(?i",
];

/** A Go pattern: mostly valid, sometimes with a piece Go refuses. Named groups get distinct names (n1, n2, …). */
export const goPattern: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string; piece: string; seq: string }>((
  tie,
) => ({
  atom: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...literals) },
    { weight: 2, arbitrary: fc.constantFrom(...escapes) },
    { weight: 3, arbitrary: fc.constantFrom(...classes) },
    { weight: 3, arbitrary: fc.constantFrom(...groups) },
    { weight: 2, arbitrary: fc.constantFrom(...anchors) },
    { weight: 2, arbitrary: tie("re").map((r) => `(${r})`) },
    { weight: 1, arbitrary: tie("re").map((r) => `(?:${r})`) },
    { weight: 1, arbitrary: tie("re").map((r) => `(?P<NAME>${r})`) },
    { weight: 1, arbitrary: tie("re").map((r) => `(?<NAME>${r})`) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("i", "s", "m", "U", "-i", "i-s"), tie("re")).map(([f, r]) => `(?${f}:${r})`),
    },
  ),
  piece: fc.oneof(
    { weight: 5, arbitrary: tie("atom") },
    {
      weight: 3,
      arbitrary: fc.tuple(
        tie("atom"),
        fc.constantFrom("*", "+", "?", "{2}", "{0,2}", "{1,}", "{2,3}", "{0}"),
        fc.boolean(),
      ).map(
        ([a, op, lazy]) => a + op + (lazy ? "?" : ""),
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...flags) },
  ),
  seq: fc.array(tie("piece"), { maxLength: 4 }).map((ps) => ps.join("")),
  re: fc.oneof(
    { maxDepth: 3, depthSize: "small" },
    { weight: 4, arbitrary: tie("seq") },
    { weight: 1, arbitrary: fc.array(tie("seq"), { minLength: 2, maxLength: 3 }).map((alts) => alts.join("|")) },
  ),
})).re.chain((re) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(re) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.nat(Array.from(re).length), fc.constantFrom(...invalid)).map(([at, bad]) => {
        const cps = Array.from(re);
        return cps.slice(0, at).join("") + bad + cps.slice(at).join("");
      }),
    },
  )
).map((re) => {
  let n = 0;
  return re.replaceAll("NAME", () => `n${++n}`);
});

const inputChars = [
  "a",
  "b",
  "c",
  "x",
  "A",
  "B",
  "K",
  "k",
  "s",
  "S",
  "\u017f",
  "\u212a",
  "é",
  "É",
  "σ",
  "Σ",
  "ς",
  "日",
  "0",
  "1",
  " ",
  "\n",
  "-",
  "_",
  ",",
  ".",
  "😀",
  "$",
  "\t",
];

/** An input for the patterns above: short strings over the same alphabet (ASCII and not). */
export const goInput: fc.Arbitrary<string> = fc.array(fc.constantFrom(...inputChars), { maxLength: 12 }).map((cs) =>
  cs.join("")
);

/** An input likely to match `pattern`: its own characters mixed with the alphabet above. */
export function goInputFor(pattern: string): fc.Arbitrary<string> {
  const own = [...new Set(Array.from(pattern.replace(/[\\^$.|?*+()[\]{}]/g, "")))];
  const chars = own.length === 0 ? inputChars : [...own, ...own, ...inputChars];
  return fc.array(fc.constantFrom(...chars), { maxLength: 16 }).map((cs) => cs.join(""));
}

/** A pattern and a few inputs for it. */
export const goCase: fc.Arbitrary<{ readonly pattern: string; readonly inputs: readonly string[] }> = goPattern.chain((
  pattern,
) =>
  fc.array(fc.oneof(goInputFor(pattern), goInput), { minLength: 1, maxLength: 4 }).map((inputs) => ({
    pattern,
    inputs,
  }))
);

/** A replacement template with `$1`, `${1}`, `$n1`, `${n1}`, `$$`, and malformed references. */
export const goTemplate: fc.Arbitrary<string> = fc.array(
  fc.constantFrom("-", "x", "$1", "${1}", "$2", "$0", "$n1", "${n1}", "${n2}", "$$", "$", "${", "$1x", "${1}x", "$é"),
  { maxLength: 4 },
).map((ps) => ps.join(""));
