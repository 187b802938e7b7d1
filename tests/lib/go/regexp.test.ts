import { describe, expect, it } from "vitest";
import { compileGoRegexp, compileGoRegexpUncached, type GoRegexp, quoteMeta } from "../../../lib/go/regexp.ts";

const compile = (pattern: string): GoRegexp => {
  const re = compileGoRegexp(pattern);
  if (re._tag === "Left") throw new Error(re.left);
  return re.right;
};

describe("compileGoRegexp()", () => {
  const matches = [
    { name: "is unanchored", pattern: "b", text: "abc", expected: true },
    { name: "turns (?i) into a flag", pattern: "(?i)ABC", text: "xabcx", expected: true },
    { name: "supports POSIX classes", pattern: "^[[:digit:]]+$", text: "123", expected: true },
    { name: "supports a negated POSIX class", pattern: "^[[:^digit:]]+$", text: "abc", expected: true },
    { name: "refuses digits in a negated POSIX class", pattern: "^[[:^digit:]]+$", text: "a1", expected: false },
    { name: "supports \\pL", pattern: "^\\pL+$", text: "héllo", expected: true },
    { name: "supports \\p{Greek}", pattern: "^\\p{Greek}+$", text: "αβ", expected: true },
    { name: "anchors \\A and \\z", pattern: "\\Aab\\z", text: "ab", expected: true },
    { name: "\\z does not match before a final newline", pattern: "ab\\z", text: "ab\n", expected: false },
    { name: "keeps \\s ASCII, as RE2 does", pattern: "^\\s$", text: "\u00a0", expected: false },
    { name: "quotes \\Q…\\E literally", pattern: "^\\Qa.b\\E$", text: "a.b", expected: true },
    { name: "\\Q…\\E does not make . a wildcard", pattern: "^\\Qa.b\\E$", text: "axb", expected: false },
    { name: "supports (?P<name>…)", pattern: "(?P<x>a)b", text: "ab", expected: true },
    // Found by differential fuzzing: a `{` that starts no repeat is a literal in RE2.
    { name: "reads {{x}} literally", pattern: "^{{x}}$", text: "{{x}}", expected: true },
    { name: "reads a{,3} and a{1 literally", pattern: "^a{,3}a{1$", text: "a{,3}a{1", expected: true },
    { name: "still repeats with a{2}", pattern: "^a{2}$", text: "aa", expected: true },
    { name: "supports \\a and \\v", pattern: "^\\a\\v$", text: "\u0007\u000b", expected: true },
    // Found by differential fuzzing of expr: a lone `]` or `}` is a literal, `(?)` an empty flag group.
    { name: "reads a lone ] literally", pattern: "^x]$", text: "x]", expected: true },
    { name: "reads a lone } literally", pattern: "^x}$", text: "x}", expected: true },
    { name: "accepts an empty flag group (?)", pattern: "^a(?)b$", text: "ab", expected: true },
    // Beyond the old RegExp translation: flag groups, ungreedy mode, Go's Unicode names, folding specials.
    { name: "scopes (?i:…) to its group", pattern: "^(?i:ab)C$", text: "ABC", expected: true },
    { name: "ends (?i:…) with its group", pattern: "^(?i:ab)C$", text: "ABc", expected: false },
    { name: "turns a flag off with (?-i)", pattern: "(?i)a(?-i)b", text: "AB", expected: false },
    { name: "supports (?U)", pattern: "^(?U)a+$", text: "aaa", expected: true },
    { name: "folds k to the Kelvin sign", pattern: "(?i)^k$", text: "\u212a", expected: true },
    { name: "folds s to the long s", pattern: "(?i)^S$", text: "\u017f", expected: true },
    { name: "does not fold the dotless i", pattern: "(?i)^ı$", text: "I", expected: false },
    { name: "folds classes before negating \\W", pattern: "(?i)\\W", text: "\u017f", expected: false },
    {
      name: "looks \\p names up loosely (Go 1.25+)",
      pattern: "^\\p{greek}\\p{Letter}\\p{L_u}$",
      text: "αbC",
      expected: true,
    },
    {
      name: "supports \\p{Any}, \\p{Assigned}, \\p{ASCII}",
      pattern: "^\\p{Any}\\p{Assigned}\\p{ASCII}$",
      text: "\u0378éa",
      expected: true,
    },
    { name: "counts unassigned code points in \\pC", pattern: "^\\pC$", text: "\u0378", expected: true },
    { name: "reads a lone surrogate as U+FFFD", pattern: "^\\x{FFFD}$", text: "\ud800", expected: true },
    { name: "matches an astral character with .", pattern: "^.$", text: "😀", expected: true },
    { name: "keeps \\b ASCII", pattern: "\\bé", text: "é", expected: false },
    { name: "anchors ^ at the start only, without (?m)", pattern: "^b", text: "a\nb", expected: false },
    { name: "anchors $ at the very end, without (?m)", pattern: "a$", text: "a\n", expected: false },
    { name: "reads ^* as a repeated assertion", pattern: "^*a", text: "a", expected: true },
    { name: "skips to a literal after \\b", pattern: "\\bfoo\\b", text: "afoo xfoo foo!", expected: true },
    { name: "skips to a folded literal", pattern: "(?i)\\bfoo", text: "afoo xFOO", expected: false },
    { name: "skips to a first character", pattern: "(?i)abc|xyz", text: "---------XyZ", expected: true },
    { name: "stops an anchored search early", pattern: "^ab", text: "b" + "a".repeat(1000) + "ab", expected: false },
    { name: "matches a folded literal set", pattern: "(?i)ab1|日|é", text: "xxÉ", expected: true },
    { name: "folds the Kelvin sign in a literal set", pattern: "(?i)kb|zz", text: "\u212aB", expected: true },
    { name: "keeps case outside (?i) next to a literal set", pattern: "a(?i)b|zz", text: "AB", expected: false },
    { name: "matches an empty alternative anywhere", pattern: "x|", text: "abc", expected: true },
    { name: "matches a case-sensitive literal set", pattern: "Failed|Error", text: "error", expected: false },
  ] as const;
  for (const c of matches) {
    it(`${c.name}`, () => {
      const re = compileGoRegexp(c.pattern);
      expect(re._tag === "Right" && re.right.matchString(c.text)).toBe(c.expected);
    });
  }

  const errors = [
    { pattern: "a(?=b)", expected: "error parsing regexp: invalid or unsupported Perl syntax: `(?=`" },
    { pattern: "(a)\\1", expected: "error parsing regexp: invalid escape sequence: `\\1`" },
    { pattern: "[", expected: "error parsing regexp: missing closing ]: `[`" },
    { pattern: "a)", expected: "error parsing regexp: unexpected ): `a)`" },
    { pattern: "(a", expected: "error parsing regexp: missing closing ): `(a`" },
    { pattern: "*a", expected: "error parsing regexp: missing argument to repetition operator: `*`" },
    { pattern: "a\\", expected: "error parsing regexp: trailing backslash at end of expression: ``" },
    { pattern: "\\q", expected: "error parsing regexp: invalid escape sequence: `\\q`" },
    { pattern: "\\日", expected: "error parsing regexp: invalid escape sequence: `\\日`" },
    { pattern: "[\\b]", expected: "error parsing regexp: invalid escape sequence: `\\b`" },
    { pattern: "x{2,1}", expected: "error parsing regexp: invalid repeat count: `{2,1}`" },
    { pattern: "a{1001}", expected: "error parsing regexp: invalid repeat count: `{1001}`" },
    { pattern: "(a{500}){3}", expected: "error parsing regexp: invalid repeat count: `{3}`" },
    { pattern: "a**", expected: "error parsing regexp: invalid nested repetition operator: `**`" },
    { pattern: "a{2}{3}", expected: "error parsing regexp: invalid nested repetition operator: `{2}{3}`" },
    { pattern: "(?P<>a)", expected: "error parsing regexp: invalid named capture: `(?P<>`" },
    { pattern: "(?P<é>a)", expected: "error parsing regexp: invalid named capture: `(?P<é>`" },
    { pattern: "(?<=a)b", expected: "error parsing regexp: invalid named capture: `(?<=a)b`" },
    { pattern: "(?i", expected: "error parsing regexp: invalid or unsupported Perl syntax: `(?i`" },
    { pattern: "\\p{Foo}", expected: "error parsing regexp: invalid character class range: `\\p{Foo}`" },
    { pattern: "\\p{Old_Italic}", expected: "error parsing regexp: invalid character class range: `\\p{Old_Italic}`" },
    { pattern: "\\p{Grek}", expected: "error parsing regexp: invalid character class range: `\\p{Grek}`" },
    { pattern: "\\pL\\p{", expected: "error parsing regexp: invalid character class range: `\\p{`" },
    { pattern: "[[:foo:]]", expected: "error parsing regexp: invalid character class range: `[:foo:]`" },
    { pattern: "[z-a]", expected: "error parsing regexp: invalid character class range: `z-a`" },
    { pattern: "x[ab(c)", expected: "error parsing regexp: missing closing ]: `[ab(c)`" },
    { pattern: "\\x{110000}", expected: "error parsing regexp: invalid escape sequence: `\\x{110000`" },
    { pattern: "\\xZ1", expected: "error parsing regexp: invalid escape sequence: `\\xZ1`" },
    { pattern: "\\C", expected: "error parsing regexp: invalid escape sequence: `\\C`" },
  ] as const;
  for (const c of errors) {
    it(`refuses ${JSON.stringify(c.pattern)} with Go's message`, () => {
      expect(compileGoRegexp(c.pattern)).toEqual({ _tag: "Left", left: c.expected });
    });
  }
});

describe("GoRegexp find, replace, split and expand", () => {
  const cases = [
    {
      name: "findAllString() takes successive matches",
      got: () => compile("a+").findAllString("baaca", -1),
      want: ["aa", "a"],
    },
    { name: "findAllString() stops at n", got: () => compile("a").findAllString("aaa", 2).length, want: 2 },
    {
      name: "findAllString() skips an empty match right after a match",
      got: () => compile("a*").findAllString("baaa", -1),
      want: ["", "aaa"],
    },
    {
      name: "replaceAllString() expands $1 and ${name}",
      got: () => compile("(?P<x>a)(b)").replaceAllString("abab", "${x}-$2"),
      want: "a-ba-b",
    },
    {
      name: "replaceAllString() reads $1x as the group named 1x",
      got: () => compile("(a)").replaceAllString("a", "$1x"),
      want: "",
    },
    {
      name: "replaceAllLiteralString() keeps $",
      got: () => compile("a").replaceAllLiteralString("aa", "$1"),
      want: "$1$1",
    },
    {
      name: "replaceAllString() of an empty match",
      got: () => compile("x*").replaceAllString("ab", "-"),
      want: "-a-b-",
    },
    { name: "split() splits on every match", got: () => compile(",").split("a,b,c", -1), want: ["a", "b", "c"] },
    { name: "split() keeps the rest after n-1 cuts", got: () => compile(",").split("a,b,c", 2), want: ["a", "b,c"] },
    { name: "split() with n = 0 is empty", got: () => compile(",").split("a,b", 0), want: [] },
    { name: "expand() writes $$ as $", got: () => compile("a").expand("$$", "a", [0, 1]), want: "$" },
    {
      name: "expand() takes the first named group that took part",
      got: () => compile("(?P<x>a)|(?P<x>b)").replaceAllString("ab", "[${x}]"),
      want: "[a][b]",
    },
    {
      name: "expand() reads Unicode letters in names",
      got: () => compile("(a)").expand("$1é|${1}é", "a", [0, 1, 0, 1]),
      want: "|aé",
    },
    {
      name: "expand() keeps a malformed reference",
      got: () => compile("(a)").expand("${1|$", "a", [0, 1, 0, 1]),
      want: "${1|$",
    },
    { name: "expand() reads $01 as a name", got: () => compile("(a)").expand("[$01]", "a", [0, 1, 0, 1]), want: "[]" },
    {
      name: "findStringSubmatchIndex() gives UTF-16 indices",
      got: () => compile("(é)(😀)?(x)").findStringSubmatchIndex("aé😀x"),
      want: [1, 5, 1, 2, 2, 4, 4, 5],
    },
    {
      name: "findStringSubmatchIndex() marks unused groups -1",
      got: () => compile("(a)|(b)").findStringSubmatchIndex("b"),
      want: [0, 1, -1, -1, 0, 1],
    },
    {
      name: "findStringSubmatchIndex() of no match",
      got: () => compile("z").findStringSubmatchIndex("abc"),
      want: undefined,
    },
    {
      name: "findAllStringSubmatchIndex() steps over astral characters",
      got: () => compile("").findAllStringSubmatchIndex("😀a", -1),
      want: [[0, 0], [2, 2], [3, 3]],
    },
    { name: "findAllString() with n = 0 is empty", got: () => compile("a").findAllString("aaa", 0), want: [] },
    { name: "split() of an empty input", got: () => compile("x*").split("", -1), want: [""] },
    { name: "split() on empty matches", got: () => compile("").split("abc", -1), want: ["a", "b", "c"] },
    { name: "split() keeps a trailing empty piece", got: () => compile(",").split("a,", -1), want: ["a", ""] },
    {
      name: "replaceAllString() without $ copies repl",
      got: () => compile("b+").replaceAllString("abbc", "x"),
      want: "axc",
    },
    {
      name: "numSubexp and subexpNames",
      got: () => [compile("(a)(?P<n>b)(?:c)").numSubexp, compile("(a)(?P<n>b)(?:c)").subexpNames],
      want: [2, ["", "", "n"]],
    },
    {
      name: "quoteMeta() escapes every metacharacter",
      got: () => quoteMeta("1.5*[x]+(y)?{z}^$|\\"),
      want: "1\\.5\\*\\[x\\]\\+\\(y\\)\\?\\{z\\}\\^\\$\\|\\\\",
    },
    {
      name: "quoteMeta() round-trips through the matcher",
      got: () => compile(quoteMeta("a.b*c")).findAllString("a.b*c axbbc", -1),
      want: ["a.b*c"],
    },
  ] as const;
  for (const c of cases) it(c.name, () => expect(c.got()).toEqual(c.want));
});

describe("compileGoRegexp() limits", () => {
  it("refuses a program of more than maxInstructions as too large (Go's own limit is 3.3 million)", () => {
    const pattern = "(?:" + "a".repeat(101) + "){1000}";
    expect(compileGoRegexp(pattern)).toEqual({
      _tag: "Left",
      left: `error parsing regexp: expression too large: \`${pattern}\``,
    });
    expect(compileGoRegexp("(?:" + "a".repeat(99) + "){1000}")._tag).toBe("Right");
  });
});

describe("compileGoRegexp() cache", () => {
  it("returns the same compiled regexp for the same pattern", () => {
    const a = compileGoRegexp("cache-(\\d+)");
    expect(compileGoRegexp("cache-(\\d+)")).toBe(a);
    expect(compileGoRegexpUncached("cache-(\\d+)")).not.toBe(a);
  });

  it("keeps the error of a refused pattern", () => {
    expect(compileGoRegexp("cache-(")).toBe(compileGoRegexp("cache-("));
  });

  it("stays bounded: old patterns are compiled again after many others", () => {
    const first = compileGoRegexp("cache-first");
    for (let i = 0; i < 300; i++) compileGoRegexp(`cache-${i}`);
    const again = compileGoRegexp("cache-first");
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
