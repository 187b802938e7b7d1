import { describe, expect, it } from "vitest";
import { compileGoRegexp, type GoRegexp } from "../../../lib/go/regexp.ts";

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
  ] as const;
  for (const c of errors) {
    it(`refuses ${JSON.stringify(c.pattern)} with Go's message`, () => {
      expect(compileGoRegexp(c.pattern)).toEqual({ _tag: "Left", left: c.expected });
    });
  }
});

describe("GoRegexp find, replace, split and expand", () => {
  const cases = [
    { name: "findAllString() takes successive matches", got: () => compile("a+").findAllString("baaca", -1), want: ["aa", "a"] },
    { name: "findAllString() stops at n", got: () => compile("a").findAllString("aaa", 2).length, want: 2 },
    { name: "findAllString() skips an empty match right after a match", got: () => compile("a*").findAllString("baaa", -1), want: ["", "aaa"] },
    { name: "replaceAllString() expands $1 and ${name}", got: () => compile("(?P<x>a)(b)").replaceAllString("abab", "${x}-$2"), want: "a-ba-b" },
    { name: "replaceAllString() reads $1x as the group named 1x", got: () => compile("(a)").replaceAllString("a", "$1x"), want: "" },
    { name: "replaceAllLiteralString() keeps $", got: () => compile("a").replaceAllLiteralString("aa", "$1"), want: "$1$1" },
    { name: "replaceAllString() of an empty match", got: () => compile("x*").replaceAllString("ab", "-"), want: "-a-b-" },
    { name: "split() splits on every match", got: () => compile(",").split("a,b,c", -1), want: ["a", "b", "c"] },
    { name: "split() keeps the rest after n-1 cuts", got: () => compile(",").split("a,b,c", 2), want: ["a", "b,c"] },
    { name: "split() with n = 0 is empty", got: () => compile(",").split("a,b", 0), want: [] },
    { name: "expand() writes $$ as $", got: () => compile("a").expand("$$", "a", [0, 1]), want: "$" },
  ] as const;
  for (const c of cases) it(c.name, () => expect(c.got()).toEqual(c.want));
});
