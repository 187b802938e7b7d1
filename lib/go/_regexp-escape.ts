/**
 * The escapes of Go's regexp syntax (`\x{…}`, octal, `\n`…, `\pL`, `\p{Greek}`) and the error they raise, for the
 * parser in `_regexp-syntax.ts`. Private to the regexp module.
 * @module
 */
import { type ClassItem, unicodeItem } from "./_regexp-class.ts";

/** Go's `syntax.Error`: its code and the offending text, carried out of the parser. */
export class RegexpSyntaxError {
  constructor(readonly code: string, readonly expr: string) {}
  get message(): string {
    return `error parsing regexp: ${this.code}: \`${this.expr}\``;
  }
}

const isAlnum = (c: string): boolean => /^[0-9A-Za-z]$/.test(c);
const unhex = (c: string | undefined): number => (c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? parseInt(c, 16) : -1);

/** The code point at `i` (a lone surrogate reads as U+FFFD, as Go reads invalid UTF-8) and its length. */
export function runeAt(s: string, i: number): [number, number] {
  const c = s.codePointAt(i) ?? -1;
  if (c > 0xffff) return [c, 2];
  return [c >= 0xd800 && c <= 0xdfff ? 0xfffd : c, 1];
}

/** `\pL`, `\p{Greek}`, `\P{^Lu}` at `i` (the backslash): the item and the index after it. */
export function unicodeClass(s: string, i: number): [ClassItem, number] {
  const [cp, w] = runeAt(s, i + 2);
  let seq: string;
  let name: string;
  if (cp !== 0x7b) {
    seq = s.slice(i, i + 2 + (cp < 0 ? 0 : w));
    name = seq.slice(2);
  } else {
    const end = s.indexOf("}", i);
    if (end < 0) throw new RegexpSyntaxError("invalid character class range", s.slice(i));
    seq = s.slice(i, end + 1);
    name = s.slice(i + 3, end);
  }
  const item = unicodeItem(name);
  if (item === undefined) throw new RegexpSyntaxError("invalid character class range", seq);
  return [s[i + 1] === "P" ? { body: item.body, negated: !item.negated } : item, i + seq.length];
}

/** A single character of a class, escaped or not, at `i`: the code point and the index after it. */
export function classChar(s: string, i: number, whole: string): [number, number] {
  if (i >= s.length) throw new RegexpSyntaxError("missing closing ]", whole);
  if (s[i] === "\\") return parseEscape(s, i);
  const [cp, w] = runeAt(s, i);
  return [cp, i + w];
}

/** Go's parseEscape at `i` (the backslash): the code point and the index after the escape. */
export function parseEscape(s: string, i: number): [number, number] {
  if (i + 1 >= s.length) throw new RegexpSyntaxError("trailing backslash at end of expression", "");
  const [cp, w] = runeAt(s, i + 1);
  let j = i + 1 + w;
  const c = String.fromCodePoint(cp);
  const bad = (): never => {
    throw new RegexpSyntaxError("invalid escape sequence", s.slice(i, j));
  };
  if (cp < 0x80 && !isAlnum(c)) return [cp, j];
  if (c >= "1" && c <= "7" && !(s[j] !== undefined && s[j]! >= "0" && s[j]! <= "7")) return bad();
  if (c >= "0" && c <= "7") {
    let r = cp - 0x30;
    for (let k = 1; k < 3 && s[j] !== undefined && s[j]! >= "0" && s[j]! <= "7"; k++) r = r * 8 + Number(s[j++]);
    return [r, j];
  }
  if (c === "x") {
    if (j >= s.length) return bad();
    if (s[j] === "{") {
      j++;
      let r = 0;
      let digits = 0;
      for (;;) {
        if (j >= s.length) return bad();
        const [d, dw] = runeAt(s, j);
        j += dw;
        if (d === 0x7d) break;
        const v = unhex(String.fromCodePoint(d));
        if (v < 0) return bad();
        r = r * 16 + v;
        if (r > 0x10ffff) return bad();
        digits++;
      }
      return digits === 0 ? bad() : [r, j];
    }
    const [d1, w1] = runeAt(s, j);
    j += w1;
    const [d2, w2] = j < s.length ? runeAt(s, j) : [-1, 0];
    j += w2;
    const x = unhex(d1 < 0 ? undefined : String.fromCodePoint(d1));
    const y = unhex(d2 < 0 ? undefined : String.fromCodePoint(d2));
    return x < 0 || y < 0 ? bad() : [x * 16 + y, j];
  }
  const control: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  const ctl = Object.hasOwn(control, c) ? control[c] : undefined;
  return ctl === undefined ? bad() : [ctl, j];
}
