/**
 * Go's strconv pieces the template language needs: unquoting string and character literals, and the number-literal
 * rules of `parse.NumberNode` (quoting is `gofmt`'s `quote`).
 * @module
 */
import { decodeUtf8, isInt64, parseGoFloat, parseGoInt } from "../../go/mod.ts";
import { quote as goQuote } from "../../gofmt/mod.ts";

/** Thrown inside the parser when a literal is malformed; the message is Go's. */
export class SyntaxFailure extends Error {}

const simpleEscapes: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  "\\": 92,
};

function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/**
 * Decodes one possibly escaped character at `i` of `s` (Go's `strconv.UnquoteChar`).
 * @returns the bytes it stands for (a `\x` or octal escape is one raw byte), whether it was a rune, and the next index
 */
function unquoteChar(s: string, i: number, quote: string): { bytes: number[]; rune: number; next: number } {
  const c = s.codePointAt(i);
  if (c === undefined) throw new SyntaxFailure("invalid syntax");
  const ch = String.fromCodePoint(c);
  if (ch === quote && (quote === "'" || quote === '"')) throw new SyntaxFailure("invalid syntax");
  if (ch !== "\\") return { bytes: utf8(c), rune: c, next: i + ch.length };
  const e = s[i + 1];
  if (e === undefined) throw new SyntaxFailure("invalid syntax");
  const simple = simpleEscapes[e];
  if (simple !== undefined && Object.hasOwn(simpleEscapes, e)) return { bytes: [simple], rune: simple, next: i + 2 };
  if (e === "'" || e === '"') {
    if (e !== quote) throw new SyntaxFailure("invalid syntax");
    return { bytes: [e.charCodeAt(0)], rune: e.charCodeAt(0), next: i + 2 };
  }
  const hexLen = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
  if (hexLen > 0) {
    const h = s.slice(i + 2, i + 2 + hexLen);
    if (h.length !== hexLen || !/^[0-9a-fA-F]+$/.test(h)) throw new SyntaxFailure("invalid syntax");
    const v = parseInt(h, 16);
    if (e === "x") return { bytes: [v], rune: v, next: i + 2 + hexLen };
    if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new SyntaxFailure("invalid syntax");
    return { bytes: utf8(v), rune: v, next: i + 2 + hexLen };
  }
  if (e >= "0" && e <= "7") {
    const o = s.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(o)) throw new SyntaxFailure("invalid syntax");
    const v = parseInt(o, 8);
    if (v > 255) throw new SyntaxFailure("invalid syntax");
    return { bytes: [v], rune: v, next: i + 4 };
  }
  throw new SyntaxFailure("invalid syntax");
}

/** Go's `strconv.Unquote` for `"…"` and `` `…` `` literals. Throws {@linkcode SyntaxFailure}. */
export function goUnquote(quoted: string): string {
  if (quoted.length < 2) throw new SyntaxFailure("invalid syntax");
  const q = quoted[0];
  if (q !== quoted[quoted.length - 1]) throw new SyntaxFailure("invalid syntax");
  const body = quoted.slice(1, -1);
  if (q === "`") {
    if (body.includes("`")) throw new SyntaxFailure("invalid syntax");
    return body.replaceAll("\r", "");
  }
  if (q !== '"') throw new SyntaxFailure("invalid syntax");
  if (!body.includes("\\")) {
    if (body.includes('"') || body.includes("\n")) throw new SyntaxFailure("invalid syntax");
    return body;
  }
  const bytes: number[] = [];
  for (let i = 0; i < body.length;) {
    if (body[i] === "\n") throw new SyntaxFailure("invalid syntax");
    const r = unquoteChar(body, i, '"');
    bytes.push(...r.bytes);
    i = r.next;
  }
  return decodeUtf8(Uint8Array.from(bytes));
}

/** Decodes a character constant `'a'`, `'\n'`, `'\u00e9'` to its rune value. Throws {@linkcode SyntaxFailure}. */
export function goUnquoteChar(text: string): number {
  const r = unquoteChar(text, 1, "'");
  if (text.slice(r.next) !== "'") throw new SyntaxFailure(`malformed character constant: ${text}`);
  return r.rune;
}

/** The interpretations of a numeric literal, as `parse.NumberNode` records them. */
export interface NumberLiteral {
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int: number;
  /** The exact integer when it is beyond 2^53 (JS numbers would round it). */
  readonly bigInt?: bigint;
  readonly float: number;
}

const maxUint64 = 2n ** 64n - 1n;

/** Parses a number literal as Go's `parse.newNumber` does. Throws {@linkcode SyntaxFailure} with Go's message. */
export function parseNumberLiteral(text: string, isChar: boolean): NumberLiteral {
  if (isChar) {
    const r = goUnquoteChar(text);
    return { isInt: true, isUint: true, isFloat: true, isComplex: false, int: r, float: r };
  }
  if (text.endsWith("i")) {
    const imaginary = text.slice(0, -1);
    const asInt = parseGoInt(imaginary);
    const f = parseGoFloat(imaginary) ?? (asInt !== undefined ? Number(asInt) : undefined);
    if (f !== undefined) {
      const zero = f === 0;
      return { isInt: zero, isUint: zero, isFloat: zero, isComplex: true, int: 0, float: 0 };
    }
  }
  const big = parseGoInt(text);
  const isInt = big !== undefined && isInt64(big);
  const isUint = big !== undefined && ((big >= 0n && big <= maxUint64) || big === 0n);
  if (isInt || isUint) {
    const n = Number(big);
    const exact = Number.isSafeInteger(n) ? {} : { bigInt: big };
    return { isInt, isUint, isFloat: true, isComplex: false, int: n, float: n, ...exact };
  }
  const f = parseGoFloat(text);
  if (f !== undefined && Number.isFinite(f)) {
    if (!/[.eEpP]/.test(text)) throw new SyntaxFailure(`integer overflow: ${goQuote(text)}`);
    const integral = Number.isInteger(f);
    return {
      isInt: integral && f >= -(2 ** 63) && f < 2 ** 63,
      isUint: integral && f >= 0 && f < 2 ** 64,
      isFloat: true,
      isComplex: false,
      int: integral ? f : 0,
      float: f,
    };
  }
  throw new SyntaxFailure(`illegal number syntax: ${goQuote(text)}`);
}
