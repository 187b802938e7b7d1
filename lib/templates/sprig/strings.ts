/**
 * sprig's string functions (strings.go and the goutils/xstrings helpers it wraps). Lengths and cuts are in bytes, as
 * in Go.
 * @module
 */
import { quote as goQuote, sprintf, withGoType } from "../../gofmt/mod.ts";
import { sliceBytes, utf8Length } from "../../go/utf8.ts";
import { GoFuncError, type GoFunc } from "../go/func.ts";
import { any, fixed, variadic } from "./_define.ts";
import { abbreviateFull, deleteWhiteSpace, initials, swapCase, uncapitalize, wrapCustom } from "./_goutils.ts";
import { toLowerCaseWords } from "./_xstrings.ts";
import { int, str, strslice, strval } from "./_convert.ts";

/** `strings.Repeat(" ", n)`, which panics on a negative count (Go's template reports the panic as the error). */
function spaces(n: number): string {
  if (n < 0) throw new GoFuncError("strings: negative Repeat count");
  return " ".repeat(n);
}

function isSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(c);
}

/**
 * Go's `unicode.ToTitle` of one rune: the upper case, except the digraphs (`ǆ` → `ǅ`), whose title case is their own
 * letter, and Georgian Mkhedruli, which has an upper case (Mtavruli) but is its own title case.
 */
function toTitle(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x1c4 && c <= 0x1cc) return String.fromCodePoint(0x1c5 + 3 * Math.floor((c - 0x1c4) / 3));
  if (c >= 0x1f1 && c <= 0x1f3) return "\u01f2";
  if ((c >= 0x10d0 && c <= 0x10fa) || (c >= 0x10fd && c <= 0x10ff)) return ch;
  return mapRunes(ch, true);
}

/** Go's `strings.Title`: upper-cases letters that start a word. */
function title(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    // Go's isSeparator: ASCII but alphanumerics and `_`; beyond ASCII only spaces (an emoji joins the word).
    const sep = /^[A-Za-z0-9_]$/.test(prev) ? false : /^[\x00-\x7f]$/.test(prev) ? true : isSpace(prev);
    out += sep ? toTitle(ch) : ch;
    prev = ch;
  }
  return out;
}

const asciiOnly = /^[\x00-\x7f]*$/;

/** Go's per-rune case mapping (`unicode.ToUpper`/`ToLower`): no multi-rune expansions like `ß` → `SS`. */
function mapRunes(s: string, upper: boolean): string {
  // ASCII maps one to one in both, and is the common case.
  if (asciiOnly.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = "";
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += Array.from(m).length === 1 ? m : ch === "\u0130" && !upper ? "i" : ch;
  }
  return out;
}

/** xstrings 1.3's connector: `-`, `_` or a Unicode space. */
function isConnector(c: string): boolean {
  return c === "-" || c === "_" || isSpace(c);
}

/**
 * xstrings 1.3's `ToCamelCase` (what sprig 3.2's `camelcase` calls): a rune after a connector is upper-cased and the
 * connector dropped, other runes lower-cased; leading connectors and runs of connectors are kept.
 */
function camelCase(s: string): string {
  const runes = Array.from(s);
  let i = 0;
  let out = "";
  while (i < runes.length && isConnector(runes[i] ?? "")) out += runes[i++];
  // Only connectors: xstrings writes the last one twice.
  if (i >= runes.length) return out + (runes[runes.length - 1] ?? "");
  let r0 = mapRunes(runes[i++] ?? "", true);
  while (i < runes.length) {
    const r1 = r0;
    r0 = runes[i++] ?? "";
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) r0 = mapRunes(r0, true);
    else {
      r0 = mapRunes(r0, false);
      out += r1;
    }
  }
  return out + r0;
}

function toMap(parts: readonly string[]): Record<string, string> {
  const m: Record<string, string> = {};
  parts.forEach((p, i) => (m[`_${i}`] = p));
  return withGoType(m, "map[string]string");
}

/** Go's `strings.SplitN` (n < 0: all; n == 0: nil; empty separator splits into runes). */
function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === "") {
    const runes = Array.from(s);
    if (n < 0 || n >= runes.length) return runes;
    return [...runes.slice(0, n - 1), runes.slice(n - 1).join("")];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function trimCutset(s: string, cutset: string): string {
  const set = new Set(Array.from(cutset));
  const runes = Array.from(s);
  let a = 0;
  let b = runes.length;
  while (a < b && set.has(runes[a] ?? "")) a++;
  while (b > a && set.has(runes[b - 1] ?? "")) b--;
  return runes.slice(a, b).join("");
}

const str1 = (f: (s: string) => unknown): GoFunc => fixed(["string"], (a) => f(str(a, 0)));
const str2 = (f: (a: string, b: string) => unknown): GoFunc => fixed(["string", "string"], (a) => f(str(a, 0), str(a, 1)));

/** The string family of sprig's function map. */
export const stringFunctions: Readonly<Record<string, GoFunc>> = {
  hello: fixed([], () => "Hello!"),
  abbrev: fixed(["int", "string"], (a) => (int(a, 0) < 4 ? str(a, 1) : abbreviateFull(str(a, 1), 0, int(a, 0)))),
  abbrevboth: fixed(["int", "int", "string"], (a) => {
    const [left, right, s] = [int(a, 0), int(a, 1), str(a, 2)];
    return right < 4 || (left > 0 && right < 7) ? s : abbreviateFull(s, left, right);
  }),
  trunc: fixed(["int", "string"], (a) => {
    const c = int(a, 0);
    const s = str(a, 1);
    const n = utf8Length(s);
    if (c < 0 && n + c > 0) return sliceBytes(s, n + c, n);
    if (c >= 0 && n > c) return sliceBytes(s, 0, c);
    return s;
  }),
  trim: str1((s) => s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "")),
  upper: str1((s) => mapRunes(s, true)),
  lower: str1((s) => mapRunes(s, false)),
  title: str1(title),
  untitle: str1(uncapitalize),
  substr: fixed(["int", "int", "string"], (a) => {
    const [start, end, s] = [int(a, 0), int(a, 1), str(a, 2)];
    const n = utf8Length(s);
    // Go's bounds errors: the high bound is checked first (`[:-2]`, `[:10] with length 3`), then `lo <= hi`.
    const check = (lo: number, hi: number): string => {
      if (hi < 0) throw new GoFuncError(`runtime error: slice bounds out of range [:${hi}]`);
      if (hi > n) throw new GoFuncError(`runtime error: slice bounds out of range [:${hi}] with length ${n}`);
      if (lo > hi) throw new GoFuncError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
      return sliceBytes(s, lo, hi);
    };
    if (start < 0) return check(0, end);
    if (end < 0 || end > n) return check(start, n);
    return check(start, end);
  }),
  repeat: fixed(["int", "string"], (a) => {
    const c = int(a, 0);
    if (c < 0) throw new GoFuncError("strings: negative Repeat count");
    return str(a, 1).repeat(c);
  }),
  trimall: str2((cut, s) => trimCutset(s, cut)),
  trimAll: str2((cut, s) => trimCutset(s, cut)),
  trimSuffix: str2((x, s) => (x !== "" && s.endsWith(x) ? s.slice(0, s.length - x.length) : s)),
  trimPrefix: str2((x, s) => (s.startsWith(x) ? s.slice(x.length) : s)),
  nospace: str1(deleteWhiteSpace),
  initials: str1(initials),
  swapcase: str1(swapCase),
  snakecase: str1((s) => toLowerCaseWords(s, "_")),
  camelcase: str1(camelCase),
  kebabcase: str1((s) => toLowerCaseWords(s, "-")),
  wrap: fixed(["int", "string"], (a) => wrapCustom(str(a, 1), int(a, 0), "", false)),
  wrapWith: fixed(["int", "string", "string"], (a) => wrapCustom(str(a, 2), int(a, 0), str(a, 1), true)),
  contains: str2((sub, s) => s.includes(sub)),
  hasPrefix: str2((p, s) => s.startsWith(p)),
  hasSuffix: str2((p, s) => s.endsWith(p)),
  quote: variadic([], any, (a) => a.filter((x) => x !== null && x !== undefined).map((x) => goQuote(strval(x))).join(" ")),
  squote: variadic([], any, (a) => a.filter((x) => x !== null && x !== undefined).map((x) => sprintf("'%v'", [x])).join(" ")),
  cat: variadic([], any, (a) => {
    const v = a.filter((x) => x !== null && x !== undefined);
    return sprintf(v.map(() => "%v").join(" "), v);
  }),
  indent: fixed(["int", "string"], (a) => {
    const pad = spaces(int(a, 0));
    return pad + str(a, 1).split("\n").join("\n" + pad);
  }),
  nindent: fixed(["int", "string"], (a) => {
    const pad = spaces(int(a, 0));
    return "\n" + pad + str(a, 1).split("\n").join("\n" + pad);
  }),
  replace: fixed(["string", "string", "string"], (a) => {
    const [old, neu, s] = [str(a, 0), str(a, 1), str(a, 2)];
    if (old === "") return Array.from(s).map((c) => neu + c).join("") + neu;
    return s.split(old).join(neu);
  }),
  plural: fixed(["string", "string", "int"], (a) => (int(a, 2) === 1 ? str(a, 0) : str(a, 1))),
  toString: fixed([any], (a) => strval(a[0])),
  toStrings: fixed([any], (a) => withGoType(strslice(a[0]), "[]string")),
  split: str2((sep, s) => toMap(splitN(s, sep, -1))),
  splitList: str2((sep, s) => withGoType(splitN(s, sep, -1), "[]string")),
  splitn: fixed(["string", "int", "string"], (a) => toMap(splitN(str(a, 2), str(a, 0), int(a, 1)))),
  join: fixed(["string", any], (a) => strslice(a[1]).join(str(a, 0))),
  sortAlpha: fixed([any], (a) => {
    const v = a[0];
    const list = Array.isArray(v) || v instanceof Uint8Array ? strslice(v) : [strval(v)];
    return withGoType(list.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), "[]string");
  }),
};
