/**
 * Produces `tests/conformance/templates/sprig-regex-fuzz.json` from the Go oracle (`/work/shared/oracle/bin/oracle` or
 * `$ORACLE`; built with the machine's Go, 1.26 here, so Go 1.26's regexp): sprig's regex functions on random patterns,
 * inputs, replacement templates and counts from tests/_helpers/regexp-grammar.ts (a fixed seed), plus hand-picked cases
 * where Go's behaviour is specific (and re2js, the other oracle, differs or is silent): Go 1.25+ Unicode class names,
 * duplicate group names, `$name` expansion, Unicode 15 case folding, messages.
 *
 *     ORACLE=/path/to/oracle npx tsx scripts/oracle/regexp-goldens.ts
 *
 * Run it by hand when the grammar changes and commit the JSON; CI never needs Go.
 */
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { goCase, goTemplate } from "../../tests/_helpers/regexp-grammar.ts";
import { fuzzNow, runOracle } from "./template-fuzz.ts";

/** Every function of the family on one pattern, input, template and count; lists printed element by element. */
export const regexTemplate =
  "{{regexMatch .p .s}}|{{regexFind .p .s}}|[{{range regexFindAll .p .s (int .n)}}<{{.}}>{{end}}]|" +
  "{{regexReplaceAll .p .s .r}}|{{regexReplaceAllLiteral .p .s .r}}|[{{range regexSplit .p .s (int .n)}}<{{.}}>{{end}}]";

const handPicked: readonly { p: string; s: string; r?: string; n?: number }[] = [
  { p: "\\p{greek}+", s: "abc αβγ" },
  { p: "\\p{Letter}+", s: "12héllo3" },
  { p: "\\p{L u}", s: "aB" },
  { p: "\\p{Old_Italic}", s: "x" },
  { p: "\\p{Grek}", s: "α" },
  { p: "\\p{Any}+", s: "a\nb" },
  { p: "\\p{Assigned}+", s: "ab\u0378c" },
  { p: "\\pC", s: "a\u0378b" },
  { p: "\\p{Cn}", s: "a\u0378b" },
  { p: "\\p{LC}+", s: "aBǅ1" },
  { p: "(?i)\\p{ascii}+", s: "xſK日" },
  { p: "(?i)\\p{Lu}+", s: "abcD1" },
  { p: "(?i)[^\\P{Lu}]+", s: "abcD1" },
  { p: "(?i)\\P{Lu}+", s: "abcD1" },
  { p: "(?i)\\W", s: "ſK-" },
  { p: "(?i)[k]+", s: "kK\u212a" },
  { p: "(?i)ı", s: "Iiı" },
  { p: "(?i)İ", s: "Iiİ" },
  { p: "(?i)ǅ+", s: "ǄǅǆDž" },
  { p: "(?i)ß", s: "ẞSS" },
  { p: "(?i)σ+", s: "ΣσςX" },
  { p: "(?P<x>a)(?P<x>b)", s: "ab", r: "[${x}]" },
  { p: "(?P<x>a)|(?P<x>b)", s: "ab", r: "[${x}]" },
  { p: "(?<word>\\w+)", s: "hi there", r: "<$word>" },
  { p: "(?P<é>a)", s: "a", r: "[$é]" },
  { p: "(a)(b)?", s: "a ab", r: "$1|$2|$3|${1}x|$1x|$01|$$|$" },
  { p: "a\\", s: "a" },
  { p: "\\Qa.b", s: "a.b axb" },
  { p: "\\x{10FFFF}|\\x{110000}", s: "" },
  { p: "(?U)a+", s: "aaa" },
  { p: "(?U)a+?", s: "aaa" },
  { p: "\\8", s: "" },
  { p: "(?i)(?-i:A)a", s: "aA Aa AA" },
  { p: "(?m)^$", s: "a\n\nb\n", n: -1 },
  { p: "\\b", s: "héllo wörld", r: "|" },
  { p: "", s: "😀é", r: "-" },
  { p: "x*", s: "😀x😀", r: "-" },
  { p: "[😀-😂]+", s: "a😁😂b" },
  { p: "a{2}{3}", s: "" },
  { p: "(a{500}){3}", s: "" },
  { p: "(?i)\\Q*K\\E", s: "*k *\u212a" },
  { p: "[[:word:][:^alpha:]]+", s: "ab-_1 é" },
  { p: "[^\\x00-\\x{10FFFF}]", s: "abc" },
  { p: "\\C", s: "" },
  { p: "(?P<n>", s: "" },
  { p: "(?<=a)b", s: "ab" },
  { p: "x++", s: "" },
  { p: "(|a)*", s: "aa", r: "<$1>" },
  { p: "(a*)+", s: "b", r: "<$1>" },
  { p: "(a|ab)(c|bcd)(d*)", s: "abcd", r: "$1-$2-$3" },
];

const n = fc.constantFrom(-1, 0, 1, 2, 3);
const random = fc.sample(fc.tuple(goCase, goTemplate, n), { numRuns: 500, seed: 20_260_101 }).map(([c, r, k]) => ({
  p: c.pattern,
  s: c.inputs[0] ?? "",
  r,
  n: k,
}));
const cases = [...handPicked, ...random].map((c, i) => ({
  id: `regex-fuzz-${String(i + 1).padStart(3, "0")}`,
  source: regexTemplate,
  vars: { p: c.p, s: c.s, r: c.r ?? "<$0>", n: c.n ?? -1 },
}));
const outcomes = runOracle(cases);
const goldens = cases.map((c, i) => ({ id: c.id, vars: c.vars, expected: outcomes[i] }));
const file = new URL("../../tests/conformance/templates/sprig-regex-fuzz.json", import.meta.url);
writeFileSync(file, JSON.stringify({ now: fuzzNow, source: regexTemplate, cases: goldens }, null, 1) + "\n");
console.log(
  `sprig-regex-fuzz.json: ${goldens.length} cases, ${goldens.filter((g) => g.expected?.ok === false).length} errors`,
);
