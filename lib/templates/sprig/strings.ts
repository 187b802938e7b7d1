/**
 * sprig's string functions (strings.go and the goutils/xstrings helpers it wraps). Lengths and cuts are in bytes, as
 * in Go. The functions that build a longer string than they are given (`repeat`, `indent`, `replace`, `join`,
 * `quote`, `cat`, `wrapWith`…) compute its length first and check it against `maxStringLength`; the ones that build a
 * list (`splitList`, `split`…) count its elements first and check `maxListLength`.
 * @module
 */
import { quote as goQuote, sprintf, withGoType } from "../../gofmt/mod.ts";
import { goCount, goReplace, goSplit, goTrim, isGoSpace, sliceBytes, utf8Length } from "../../go/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { budgetOf, chargeList, chargeString, formatWithin } from "../go/budget.ts";
import { any, fixed, variadic } from "./_define.ts";
import {
  abbreviateFull,
  deleteWhiteSpace,
  initials,
  swapCase,
  titleRune,
  uncapitalize,
  wrapCustom,
} from "./_goutils.ts";
import { isConnector, mapRune, toLowerCaseWords } from "./_xstrings.ts";
import { int, str, strslice, strval } from "./_convert.ts";

/** The code point of a one-rune string. */
const codeOf = (ch: string): number => ch.codePointAt(0) ?? 0;

/** Go's `strings.Title`: upper-cases letters that start a word. */
function title(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    // Go's isSeparator: ASCII but alphanumerics and `_`; beyond ASCII only spaces (an emoji joins the word).
    // deno-lint-ignore no-control-regex -- the ASCII range
    const sep = /^[A-Za-z0-9_]$/.test(prev) ? false : /^[\x00-\x7f]$/.test(prev) ? true : isGoSpace(codeOf(prev));
    out += sep ? String.fromCodePoint(titleRune(codeOf(ch))) : ch;
    prev = ch;
  }
  return out;
}

// deno-lint-ignore no-control-regex -- the ASCII range
const asciiOnly = /^[\x00-\x7f]*$/;

/** Go's per-rune case mapping (`unicode.ToUpper`/`ToLower`): no multi-rune expansions like `ß` → `SS`. */
function mapRunes(s: string, upper: boolean): string {
  // ASCII maps one to one in both, and is the common case.
  if (asciiOnly.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = "";
  for (const ch of s) out += String.fromCodePoint(mapRune(codeOf(ch), upper));
  return out;
}

/**
 * xstrings 1.3's `ToCamelCase` (what sprig 3.2's `camelcase` calls): a rune after a connector is upper-cased and the
 * connector dropped, other runes lower-cased; leading connectors and runs of connectors are kept.
 */
function camelCase(s: string): string {
  const runes = Array.from(s);
  let i = 0;
  let out = "";
  while (i < runes.length && isConnector(codeOf(runes[i] ?? ""))) out += runes[i++];
  // Only connectors: xstrings writes the last one twice.
  if (i >= runes.length) return out + (runes[runes.length - 1] ?? "");
  let r0 = mapRunes(runes[i++] ?? "", true);
  while (i < runes.length) {
    const r1 = r0;
    r0 = runes[i++] ?? "";
    if (isConnector(codeOf(r0)) && isConnector(codeOf(r1))) {
      out += r1;
      continue;
    }
    if (isConnector(codeOf(r1))) r0 = mapRunes(r0, true);
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

/** Go's `strings.SplitN` (n < 0: all; n == 0: nil; empty separator splits into runes), within `maxListLength`. */
function splitN(ctx: FuncContext, s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  const pieces = sep === "" ? goCount(s, "") - 1 : goCount(s, sep) + 1;
  chargeList(ctx, n < 0 ? pieces : Math.min(pieces, n), "split");
  return goSplit(s, sep, n);
}

/** `strings.Repeat(s, n)`, within `maxStringLength`. */
function repeat(ctx: FuncContext, n: number, s: string): string {
  if (n < 0) throw new GoFuncError("strings: negative Repeat count");
  chargeString(ctx, s.length * n, "repeat");
  return s.repeat(n);
}

/** sprig's `indent`: `pad` spaces before every line (and a newline first for `nindent`), within `maxStringLength`. */
function indent(ctx: FuncContext, n: number, s: string, first: string): string {
  if (n < 0) throw new GoFuncError("strings: negative Repeat count");
  chargeString(ctx, first.length + s.length + n * goCount(s, "\n") + n, first === "" ? "indent" : "nindent");
  const pad = " ".repeat(n);
  return first + pad + s.split("\n").join("\n" + pad);
}

/** Go's `strings.ReplaceAll`, within `maxStringLength`. */
function replace(ctx: FuncContext, old: string, neu: string, s: string): string {
  chargeString(ctx, s.length + goCount(s, old) * (neu.length - old.length), "replace");
  return goReplace(s, old, neu, -1);
}

/** Joins texts made one by one (`quote`, `squote`), stopping as soon as the result passes `maxStringLength`. */
function joinMade(ctx: FuncContext, what: string, values: readonly unknown[], make: (v: unknown) => string): string {
  const parts: string[] = [];
  let length = -1;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const part = make(v);
    length += part.length + 1;
    if (length > budgetOf(ctx).limits.maxStringLength) chargeString(ctx, length, what);
    parts.push(part);
  }
  chargeString(ctx, Math.max(length, 0), what);
  return parts.join(" ");
}

/** `strings.Join` of the elements as strings, within `maxStringLength`. */
function join(ctx: FuncContext, sep: string, list: unknown): string {
  const parts = strslice(list, ctx);
  chargeString(ctx, parts.reduce((n, p) => n + p.length, 0) + sep.length * Math.max(parts.length - 1, 0), "join");
  return parts.join(sep);
}

const str1 = (f: (s: string) => unknown): GoFunc => fixed(["string"], (a) => f(str(a, 0)));
const str2 = (f: (a: string, b: string) => unknown): GoFunc =>
  fixed(["string", "string"], (a) => f(str(a, 0), str(a, 1)));
const str2c = (f: (a: string, b: string, ctx: FuncContext) => unknown): GoFunc =>
  fixed(["string", "string"], (a, ctx) => f(str(a, 0), str(a, 1), ctx));

/** goutils' `WrapCustom` within `maxStringLength`. */
function wrapped(ctx: FuncContext, s: string, width: number, nl: string, wrapLong: boolean): string {
  const out = wrapCustom(s, width, nl, wrapLong, budgetOf(ctx).limits.maxStringLength);
  chargeString(ctx, out.length, wrapLong ? "wrapWith" : "wrap");
  return out;
}

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
  repeat: fixed(["int", "string"], (a, ctx) => {
    const n = int(a, 0);
    return repeat(ctx, n, str(a, 1));
  }),
  trimall: str2((cut, s) => goTrim(s, cut)),
  trimAll: str2((cut, s) => goTrim(s, cut)),
  trimSuffix: str2((x, s) => (x !== "" && s.endsWith(x) ? s.slice(0, s.length - x.length) : s)),
  trimPrefix: str2((x, s) => (s.startsWith(x) ? s.slice(x.length) : s)),
  nospace: str1(deleteWhiteSpace),
  initials: str1(initials),
  swapcase: str1(swapCase),
  snakecase: str1((s) => toLowerCaseWords(s, "_")),
  camelcase: str1(camelCase),
  kebabcase: str1((s) => toLowerCaseWords(s, "-")),
  wrap: fixed(["int", "string"], (a, ctx) => wrapped(ctx, str(a, 1), int(a, 0), "", false)),
  wrapWith: fixed(["int", "string", "string"], (a, ctx) => wrapped(ctx, str(a, 2), int(a, 0), str(a, 1), true)),
  contains: str2((sub, s) => s.includes(sub)),
  hasPrefix: str2((p, s) => s.startsWith(p)),
  hasSuffix: str2((p, s) => s.endsWith(p)),
  quote: variadic([], any, (a, ctx) => joinMade(ctx, "quote", a, (x) => goQuote(strval(x, ctx)))),
  squote: variadic(
    [],
    any,
    (a, ctx) => joinMade(ctx, "squote", a, (x) => formatWithin(ctx, "squote", (l) => sprintf("'%v'", [x], l))),
  ),
  cat: variadic([], any, (a, ctx) => {
    const v = a.filter((x) => x !== null && x !== undefined);
    return formatWithin(ctx, "cat", (l) => sprintf(v.map(() => "%v").join(" "), v, l));
  }),
  indent: fixed(["int", "string"], (a, ctx) => indent(ctx, int(a, 0), str(a, 1), "")),
  nindent: fixed(["int", "string"], (a, ctx) => indent(ctx, int(a, 0), str(a, 1), "\n")),
  replace: fixed(["string", "string", "string"], (a, ctx) => replace(ctx, str(a, 0), str(a, 1), str(a, 2))),
  plural: fixed(["string", "string", "int"], (a) => (int(a, 2) === 1 ? str(a, 0) : str(a, 1))),
  toString: fixed([any], (a, ctx) => strval(a[0], ctx)),
  toStrings: fixed([any], (a, ctx) => withGoType(strslice(a[0], ctx), "[]string")),
  split: str2c((sep, s, ctx) => toMap(splitN(ctx, s, sep, -1))),
  splitList: str2c((sep, s, ctx) => withGoType(splitN(ctx, s, sep, -1), "[]string")),
  splitn: fixed(["string", "int", "string"], (a, ctx) => toMap(splitN(ctx, str(a, 2), str(a, 0), int(a, 1)))),
  join: fixed(["string", any], (a, ctx) => join(ctx, str(a, 0), a[1])),
  sortAlpha: fixed([any], (a, ctx) => {
    const v = a[0];
    const list = Array.isArray(v) || v instanceof Uint8Array ? strslice(v, ctx) : [strval(v, ctx)];
    return withGoType(list.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), "[]string");
  }),
};
