/**
 * Go's `regexp` (RE2 syntax, leftmost-first) on top of JS `RegExp`: the syntax is translated (`(?P<n>…)`, leading
 * `(?i)`/`(?s)`/`(?m)`, `\A`, `\z`, `\Q…\E`, `\pL`, POSIX classes, ASCII `\s`), and matching loops follow Go's rules
 * for empty matches and `$name` expansion. Lookarounds and backreferences are refused as RE2 refuses them. Used by
 * expr's `matches` and sprig's `regex…` functions.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";

const posix: Readonly<Record<string, string>> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\t ",
  cntrl: "\\x00-\\x1f\\x7f",
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

/** The first syntax error RE2 reports for the usual mistakes (unbalanced brackets, a dangling repetition). */
function syntaxError(pattern: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : pattern.startsWith("[:", j) ? Math.max(2, pattern.indexOf(":]", j + 2) - j + 2) : 1;
      if (j >= pattern.length) return `missing closing ]: \`${pattern.slice(i)}\``;
      i = j;
    } else if (c === "(") depth++;
    else if (c === ")") {
      if (--depth < 0) return `unexpected ): \`${pattern}\``;
    } else if (
      (c === "*" || c === "+" || c === "?") &&
      (i === 0 || pattern[i - 1] === "|" || (pattern[i - 1] === "(" && c !== "?"))
    ) {
      return `missing argument to repetition operator: \`${c}\``;
    }
  }
  return depth > 0 ? `missing closing ): \`${pattern}\`` : undefined;
}

/** Options of {@linkcode compileGoRegexp}. */
export interface GoRegexpOptions {
  /**
   * Compile with the `g` flag, which {@linkcode findAll}, {@linkcode replaceAll} and {@linkcode splitRegexp} need;
   * leave it off for `test`, which a `g` flag would make stateful.
   */
  readonly global?: boolean;
}

/** Carries Go's message out of the translator; {@linkcode compileGoRegexp} turns it into a `Left`. */
class RegexpSyntaxError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/**
 * Translates a Go (RE2) pattern into a JS `RegExp` with the `u` flag.
 *
 * @param pattern the Go pattern
 * @param options whether to add the `g` flag
 * @returns the `RegExp`, or Go's message when RE2 would refuse the pattern (`error parsing regexp: missing closing ]: \`[\``)
 * @example Go syntax
 * ```ts
 * import { compileGoRegexp } from "./regexp.ts";
 * import { expect } from "vitest";
 * const re = compileGoRegexp("(?i)^[[:alpha:]]+\\z");
 * expect(re._tag === "Right" && re.right.test("Hello")).toBe(true);
 * expect(compileGoRegexp("a(?=b)")._tag).toBe("Left");
 * ```
 */
export function compileGoRegexp(pattern: string, options: GoRegexpOptions = {}): Either<string, RegExp> {
  try {
    return E.right(translate(pattern, options.global === true ? "gu" : "u"));
  } catch (e) {
    if (e instanceof RegexpSyntaxError) return E.left(e.message);
    throw e;
  }
}

function translate(pattern: string, baseFlags: string): RegExp {
  const bad = syntaxError(pattern);
  if (bad !== undefined) throw new RegexpSyntaxError(`error parsing regexp: ${bad}`);
  let flags = baseFlags;
  let src = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    const f = lead[1] ?? "";
    if (f.includes("U")) throw new RegexpSyntaxError(`error parsing regexp: ungreedy flag is not supported: \`${pattern}\``);
    for (const c of f) if (!flags.includes(c)) flags += c;
    src = src.slice(lead[0].length);
  }
  let out = "";
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\\") {
      const n = String.fromCodePoint(src.codePointAt(i + 1) ?? 0);
      if (i + 1 >= src.length) throw new RegexpSyntaxError("error parsing regexp: trailing backslash at end of expression: ``");
      // RE2 knows these escapes (and any ASCII punctuation); anything else is refused, e.g. `\q` or `\日`.
      const known = inClass ? "afnrtvxdDsSwWpP01234567" : "afnrtvxdDsSwWpPAzbBQ01234567";
      if (/^[A-Za-z0-9]$/.test(n) ? !known.includes(n) : (n.codePointAt(0) ?? 0) >= 0x80) {
        throw new RegexpSyntaxError(`error parsing regexp: invalid escape sequence: \`\\${n}\``);
      }
      if (n === "a" || n === "v") {
        out += n === "a" ? "\\x07" : "\\x0b";
        i++;
        continue;
      }
      i++;
      if (n === "Q") {
        const end = src.indexOf("\\E", i + 1);
        const lit = end < 0 ? src.slice(i + 1) : src.slice(i + 1, end);
        out += Array.from(lit).map((ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`).join("");
        i = end < 0 ? src.length : end + 1;
      } else if (n === "A" && !inClass) out += "(?<![\\s\\S])";
      else if (n === "z" && !inClass) out += "(?![\\s\\S])";
      else if (n === "s") out += inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
      else if (n === "S" && !inClass) out += "[^\\t\\n\\f\\r ]";
      else if (/^[1-9]$/.test(n)) throw new RegexpSyntaxError(`error parsing regexp: invalid escape sequence: \`\\${n}\``);
      else if (n === "p" || n === "P") {
        if (src[i + 1] === "{") {
          const end = src.indexOf("}", i);
          const name = src.slice(i + 2, end).replace(/^\^/, "");
          const negate = src[i + 2] === "^" ? (n === "p" ? "P" : "p") : n;
          out += "\\" + negate + "{" + (/^[LMNPSZC][a-z]?$/.test(name) ? name : "Script=" + name) + "}";
          i = end;
        } else {
          out += `\\${n}{${src[i + 1] ?? ""}}`;
          i++;
        }
      } else if (/^[A-Za-z0-9]$/.test(n)) out += "\\" + n;
      else out += `\\u{${(n.codePointAt(0) ?? 0).toString(16)}}`;
    } else if (inClass) {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
      if (m) {
        const cls = posix[m[2] ?? ""];
        if (cls === undefined) throw new RegexpSyntaxError(`error parsing regexp: invalid character class range: \`${m[0]}\``);
        if (m[1] === "^") throw new RegexpSyntaxError(`error parsing regexp: negated POSIX classes are not supported: \`${m[0]}\``);
        out += cls;
        i += m[0].length - 1;
      } else if (c === "]") {
        inClass = false;
        out += c;
      } else if (c === "[" || c === "/" || c === "|" || c === "(" || c === ")" || c === "{" || c === "}") out += "\\" + c;
      else out += c;
    } else if (c === "[") {
      const negated = /^\[\[:\^([a-z]+):\]\]/.exec(src.slice(i));
      if (negated && posix[negated[1] ?? ""] !== undefined) {
        out += `[^${posix[negated[1] ?? ""]}]`;
        i += negated[0].length - 1;
        continue;
      }
      inClass = true;
      out += c;
      if (src[i + 1] === "^") out += src[++i];
      if (src[i + 1] === "]") {
        out += "\\]";
        i++;
      }
    } else if (c === "(" && src[i + 1] === "?") {
      const rest = src.slice(i);
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += `(?<${named[1]}>`;
        i += named[0].length - 1;
      } else if (rest.startsWith("(?:")) {
        out += "(?:";
        i += 2;
      } else if (rest.startsWith("(?)")) {
        // An empty flag group changes nothing and matches the empty string in RE2.
        out += "(?:)";
        i += 2;
      } else throw new RegexpSyntaxError(`error parsing regexp: invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
    } else if (c === "{") {
      // A `{` that does not start a repeat `{n}`, `{n,}`, `{n,m}` is a literal in RE2 (and an error in a JS `u` regexp).
      const rep = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i));
      if (rep === null) out += "\\{";
      else {
        const lo = Number(rep[1]);
        const hi = rep[2] === undefined ? lo : rep[2] === "" ? -1 : Number(rep[2]);
        if (lo > 1000 || hi > 1000 || (hi >= 0 && hi < lo)) {
          throw new RegexpSyntaxError(`error parsing regexp: invalid repeat count: \`${rep[0]}\``);
        }
        out += rep[0];
        i += rep[0].length - 1;
      }
    } else if (c === "}" || c === "]") out += "\\" + c;
    else out += c;
  }
  try {
    return new RegExp(out, flags);
  } catch {
    throw new RegexpSyntaxError(`error parsing regexp: invalid regexp: \`${pattern}\``);
  }
}

/** Go's `allMatches`: successive matches, skipping an empty match right after the previous one; n < 0 means all. */
export function findAll(re: RegExp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (m === null) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === start && end === pos) {
      if (start === prevEnd) accept = false;
      pos += pos < s.length ? ((s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1) : 1;
    } else if (end === start) {
      if (start === prevEnd) accept = false;
      pos = end + ((s.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** Go's `Regexp.Expand` of `$1`, `${1}`, `$name`, `${name}` and `$$` (a missing group expands to ""). */
export function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (all, d: string, braced?: string, bare?: string) => {
    if (d === "$") return "$";
    const name = braced ?? bare ?? "";
    if (name === "") return all;
    if (/^[0-9]+$/.test(name)) return m[Number(name)] ?? "";
    return m.groups?.[name] ?? "";
  });
}

/** Go's `ReplaceAllString` (`literal`: `ReplaceAllLiteralString`). */
export function replaceAll(re: RegExp, s: string, repl: string, literal: boolean): string {
  let out = "";
  let last = 0;
  let search = 0;
  while (search <= s.length) {
    re.lastIndex = search;
    const m = re.exec(s);
    if (m === null) break;
    const a0 = m.index;
    const a1 = a0 + m[0].length;
    out += s.slice(last, a0);
    if (a1 > last || a0 === 0) out += literal ? repl : expand(repl, m);
    last = a1;
    const width = search < s.length ? ((s.codePointAt(search) ?? 0) > 0xffff ? 2 : 1) : 1;
    if (search + width > a1) search += width;
    else if (search + 1 > a1) search++;
    else search = a1;
  }
  return out + s.slice(last);
}

/** Go's `Regexp.Split`. */
export function splitRegexp(re: RegExp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (re.source.length > 0 && s === "") return [""];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    const mEnd = m.index + m[0].length;
    if (mEnd !== 0) out.push(s.slice(beg, end));
    beg = mEnd;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}
