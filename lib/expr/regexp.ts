/**
 * Go RE2 patterns as JavaScript regular expressions, for `matches`: leading `(?flags)`, `\A`, `\z`, `\pL`-style
 * classes and POSIX `[[:alpha:]]` classes are translated; constructs RE2 rejects (look-around, back-references) fail.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";

const posix: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Compiles a Go regular expression; the error is a Go-like message. */
export function compileRegexp(pattern: string): Either<string, RegExp> {
  let src = pattern;
  let flags = "";
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead !== null) {
    if (lead[1]!.includes("i")) flags += "i";
    if (lead[1]!.includes("m")) flags += "m";
    if (lead[1]!.includes("s")) flags += "s";
    src = src.slice(lead[0].length);
  }
  if (/\(\?[=!<]|\\[1-9]/.test(src)) return E.left(`error parsing regexp: invalid or unsupported Perl syntax: \`${pattern}\``);
  src = src
    .replace(/\[\[:(\^?)(\w+):\]\]/g, (m, neg: string, name: string) => (posix[name] ? `[${neg}${posix[name]}]` : m))
    .replace(/\[:(\w+):\]/g, (m, name: string) => posix[name] ?? m)
    .replace(/\\A/g, "^")
    .replace(/\\z/g, "$(?![\\s\\S])")
    .replace(/\\([pP])([A-Za-z])/g, "\\$1{$2}");
  for (const f of [`${flags}u`, flags]) {
    try {
      return E.right(new RegExp(src, f));
    } catch {
      // try the next flag set
    }
  }
  return E.left(`error parsing regexp: invalid syntax: \`${pattern}\``);
}
