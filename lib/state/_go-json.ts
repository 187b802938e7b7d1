/**
 * The parts of Go's `encoding/json` the state annotation needs to match byte for byte: string quoting with HTML
 * escaping, and the byte order of UTF-8 keys.
 * @module
 */

const hex = "0123456789abcdef";
const plain = /^[\x20-\x7e]*$/;
const special = /["\\<>&]/;
const loneSurrogate =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Quotes a string as Go's `json.Marshal` does: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f` (Go ≥ 1.22), other control
 * characters and `<`, `>`, `&` as `\u00XX`, U+2028/U+2029 as `\u2028`/`\u2029`, and what is not valid UTF-8 (here a
 * lone surrogate) as `\ufffd`.
 */
export function quoteGo(s: string): string {
  if (plain.test(s) && !special.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&") {
      out += `\\u00${hex[c >> 4]}${hex[c & 0xf]}`;
    } else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
    else out += ch;
  }
  return `${out}"`;
}

/** Replaces lone surrogates with U+FFFD, as Go's JSON decoder does with unpaired `\uD800`-style escapes. */
export function toWellFormed(s: string): string {
  return s.replace(loneSurrogate, "\ufffd");
}

/** Compares by code point, which is the byte order of the UTF-8 encodings (Go's `strings.Compare`). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–DFFF, the halves of code points ≥ U+10000) sort after U+E000–FFFF in code-point order. */
const rank = (
  u: number,
): number => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/**
 * Whether every number in a JSON text (already known to be valid JSON) is written as an integer, as Go needs to
 * decode it into an `int64`: no fraction and no exponent.
 */
export function numbersAreIntegers(json: string): boolean {
  for (const m of json.matchAll(tokens)) {
    if (m[1] !== undefined && !integer.test(m[1])) return false;
  }
  return true;
}

/** A JSON string (skipped) or a number (captured). */
const tokens = /"(?:[^"\\]|\\.)*"|(-?[0-9][-+.eE0-9]*)/g;
const integer = /^-?(0|[1-9][0-9]*)$/;
