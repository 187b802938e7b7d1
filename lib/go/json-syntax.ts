/**
 * The syntax check Go's `json.Unmarshal` runs before decoding (encoding/json's scanner), with its exact messages:
 * `invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`… `JSON.parse` accepts the
 * same documents but words its errors differently, and sprig's `mustFromJson` shows Go's words to the user.
 *
 * The scanner reads UTF-8 bytes, so a non-ASCII byte is named as the Latin-1 rune of that byte (`é` starts with
 * `'Ã'`), as Go's does.
 * @module
 */
import { quote } from "../gofmt/quote.ts";
import { encodeUtf8 } from "./utf8.ts";

/** Go's `quoteChar`: a byte as a quoted rune (`'\''`, `'"'`, `'\x00'`, `'Ã'`). */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const s = quote(String.fromCharCode(c));
  return `'${s.slice(1, -1)}'`;
}

class SyntaxFailure {
  constructor(readonly message: string) {}
}

const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** A recursive-descent rendering of Go's scanner state machine; it stops at the first error, as Go's does. */
class Scanner {
  i = 0;
  depth = 0;
  constructor(readonly b: Uint8Array) {}

  /** The next byte, or a failure at the end of the input. */
  peek(): number {
    const c = this.b[this.i];
    if (c === undefined) throw new SyntaxFailure("unexpected end of JSON input");
    return c;
  }

  /**
   * The next byte inside a token. At the end of the input Go's scanner is fed a space, so an unfinished token fails
   * on `' '` (`invalid character ' ' in numeric literal`) rather than with `unexpected end of JSON input`.
   */
  peekInToken(): number {
    return this.b[this.i] ?? 0x20;
  }

  fail(c: number, context: string): never {
    throw new SyntaxFailure(`invalid character ${quoteChar(c)} ${context}`);
  }

  skipSpace(): void {
    while (isSpace(this.b[this.i])) this.i++;
  }

  value(): void {
    this.skipSpace();
    const c = this.peek();
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === 0x22) return this.string();
    if (c === 0x2d || isDigit(c)) return this.number();
    if (c === 0x74) return this.literal("true");
    if (c === 0x66) return this.literal("false");
    if (c === 0x6e) return this.literal("null");
    this.fail(c, "looking for beginning of value");
  }

  nest(): void {
    if (++this.depth > 10000) throw new SyntaxFailure("exceeded max depth");
  }

  object(): void {
    this.nest();
    this.i++;
    this.skipSpace();
    if (this.peek() === 0x7d) {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      const k = this.peek();
      if (k !== 0x22) this.fail(k, "looking for beginning of object key string");
      this.string();
      this.skipSpace();
      const colon = this.peek();
      if (colon !== 0x3a) this.fail(colon, "after object key");
      this.i++;
      this.value();
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === 0x7d) break;
      if (c !== 0x2c) this.fail(c, "after object key:value pair");
      this.skipSpace();
    }
    this.depth--;
  }

  array(): void {
    this.nest();
    this.i++;
    this.skipSpace();
    if (this.peek() === 0x5d) {
      this.i++;
      this.depth--;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === 0x5d) break;
      if (c !== 0x2c) this.fail(c, "after array element");
    }
    this.depth--;
  }

  string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      this.i++;
      if (c === 0x22) return;
      if (c === 0x5c) {
        const e = this.peekInToken();
        this.i++;
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            const h = this.peekInToken();
            if (!isHex(h)) this.fail(h, "in \\u hexadecimal character escape");
            this.i++;
          }
        } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) {
          this.fail(e, "in string escape code");
        }
      } else if (c < 0x20) {
        this.fail(c, "in string literal");
      }
    }
  }

  number(): void {
    if (this.b[this.i] === 0x2d) {
      this.i++;
      const c = this.peekInToken();
      if (!isDigit(c)) this.fail(c, "in numeric literal");
    }
    if (this.b[this.i] === 0x30) this.i++;
    else while (isDigit(this.b[this.i])) this.i++;
    if (this.b[this.i] === 0x2e) {
      this.i++;
      const c = this.peekInToken();
      if (!isDigit(c)) this.fail(c, "after decimal point in numeric literal");
      while (isDigit(this.b[this.i])) this.i++;
    }
    const e = this.b[this.i];
    if (e === 0x65 || e === 0x45) {
      this.i++;
      let c = this.peekInToken();
      if (c === 0x2b || c === 0x2d) {
        this.i++;
        c = this.peekInToken();
      }
      if (!isDigit(c)) this.fail(c, "in exponent of numeric literal");
      while (isDigit(this.b[this.i])) this.i++;
    }
  }

  literal(word: string): void {
    this.i++;
    for (let k = 1; k < word.length; k++) {
      const c = this.peekInToken();
      if (c !== word.charCodeAt(k)) this.fail(c, `in literal ${word} (expecting ${quoteChar(word.charCodeAt(k))})`);
      this.i++;
    }
  }
}

/**
 * Checks a JSON document as Go's `json.Unmarshal` does before decoding it.
 *
 * @param s the document (its UTF-8 bytes are scanned)
 * @returns Go's syntax error message, or undefined for a well-formed document
 * @example Go's messages
 * ```ts
 * import { goJsonSyntaxError } from "./json-syntax.ts";
 * import { expect } from "vitest";
 * expect(goJsonSyntaxError('{"a": [1, 2]}')).toBe(undefined);
 * expect(goJsonSyntaxError("hello")).toBe("invalid character 'h' looking for beginning of value");
 * expect(goJsonSyntaxError("[1,")).toBe("unexpected end of JSON input");
 * ```
 */
export function goJsonSyntaxError(s: string): string | undefined {
  const scanner = new Scanner(encodeUtf8(s));
  try {
    scanner.value();
    scanner.skipSpace();
    const c = scanner.b[scanner.i];
    if (c !== undefined) scanner.fail(c, "after top-level value");
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxFailure) return e.message;
    throw e;
  }
}
