/**
 * The lexer of Go text/template: splits a template into text and action tokens, with Go's trim markers, comments,
 * strings, raw strings, character constants and number syntax. Positions are UTF-16 indexes into the source.
 * @module
 */
import { quote as goQuote } from "../../gofmt/mod.ts";

/** The kind of a token, as Go's `itemType`. Keywords come after `"keyword"`. */
export type TokenType =
  | "error"
  | "bool"
  | "char"
  | "charConstant"
  | "complex"
  | "assign"
  | "declare"
  | "eof"
  | "field"
  | "identifier"
  | "leftDelim"
  | "leftParen"
  | "number"
  | "pipe"
  | "rawString"
  | "rightDelim"
  | "rightParen"
  | "space"
  | "string"
  | "text"
  | "variable"
  | "block"
  | "break"
  | "continue"
  | "dot"
  | "define"
  | "else"
  | "end"
  | "if"
  | "nil"
  | "range"
  | "template"
  | "with";

/** One token: its type, start index in the source, text (the error message for `error`), and 1-based line. */
export interface Token {
  readonly type: TokenType;
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}

/** The keywords, each its own token type. */
const keywords: ReadonlySet<string> = new Set([
  "block",
  "break",
  "continue",
  "define",
  "else",
  "end",
  "if",
  "range",
  "nil",
  "template",
  "with",
]);

/** Whether a token type is a keyword (printed as `<word>` in parse errors). */
export function isKeyword(t: TokenType): boolean {
  return t === "dot" || keywords.has(t);
}

/** Whether a UTF-16 code unit is Go's white space in actions: space, tab, carriage return, newline. */
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** How many UTF-16 units the letter, digit or `_` at `i` takes; 0 when there is none (or `i` is past the end). */
function alnumLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
  }
  if (Number.isNaN(c)) return 0;
  const r = String.fromCodePoint(s.codePointAt(i)!);
  // The Unicode class is built at the first letter beyond ASCII, not when the engine is imported.
  return /^[\p{L}\p{Nd}_]$/u.test(r) ? r.length : 0;
}

/** The character (code point) at `i`, `""` past the end. */
function runeAt(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? "" : String.fromCodePoint(cp);
}

/** Whether `s` has a left trim marker (`- ` after `{{`) at `i`. */
function hasLeftTrimMarker(s: string, i: number): boolean {
  return s.charCodeAt(i) === 45 && isSpaceCode(s.charCodeAt(i + 1));
}

/** 0 when no right delimiter starts at `i`, 2 for `}}`, 4 for ` -}}` (a right trim marker and the delimiter). */
function rightDelimLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 125) return s.charCodeAt(i + 1) === 125 ? 2 : 0;
  if (!isSpaceCode(c) || s.charCodeAt(i + 1) !== 45) return 0;
  return s.charCodeAt(i + 2) === 125 && s.charCodeAt(i + 3) === 125 ? 4 : 0;
}

function trimRightLength(s: string, from: number, to: number): number {
  let n = to;
  while (n > from && isSpaceCode(s.charCodeAt(n - 1))) n--;
  return to - n;
}

function trimLeftLength(s: string, from: number): number {
  let n = from;
  while (isSpaceCode(s.charCodeAt(n))) n++;
  return n - from;
}

/** Whether the code unit ends a word, a field or a variable: white space, `.,|:)(`, the end, or `}}`. */
function atTerminator(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (Number.isNaN(c) || isSpaceCode(c)) return true;
  // . , | : ) (
  if (c === 46 || c === 44 || c === 124 || c === 58 || c === 41 || c === 40) return true;
  return c === 125 && s.charCodeAt(i + 1) === 125;
}

/** Go's `%#U` of a character: `U+005B '['`. */
export function formatRune(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\x20]$/u.test(c);
  return printable ? `U+${hex} '${c}'` : `U+${hex}`;
}

/**
 * Tokenizes a template. The result always ends with an `eof` or an `error` token; nothing follows an error.
 *
 * Text is found with `indexOf`, actions are scanned by UTF-16 code unit, and lines are counted once, forward: a
 * template compiles when its configuration is decoded, mostly in a cold process, where every step of
 * interpreted JavaScript per character counts.
 * @param input the template source
 * @returns the tokens, in order
 */
export function lex(input: string): Token[] {
  const items: Token[] = [];
  const length = input.length;
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  // Lines of token starts, counted forward (token starts never go back).
  let line = 1;
  let nextNewline = input.indexOf("\n");
  const lineAt = (at: number): number => {
    while (nextNewline >= 0 && nextNewline < at) {
      line++;
      nextNewline = input.indexOf("\n", nextNewline + 1);
    }
    return line;
  };
  const emit = (type: TokenType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const fail = (message: string): Token[] => {
    items.push({ type: "error", pos: start, val: message, line: lineAt(start) });
    return items;
  };

  for (;;) {
    // text
    const x = input.indexOf("{{", pos);
    if (x < 0) {
      pos = length;
      if (pos > start) emit("text");
      emit("eof");
      return items;
    }
    pos = x;
    const trimLength = hasLeftTrimMarker(input, pos + 2) ? trimRightLength(input, start, pos) : 0;
    pos -= trimLength;
    if (pos > start) emit("text");
    pos += trimLength;
    start = pos;
    // left delimiter
    pos += 2;
    const afterMarker = hasLeftTrimMarker(input, pos) ? 2 : 0;
    if (input.charCodeAt(pos + afterMarker) === 47 && input.charCodeAt(pos + afterMarker + 1) === 42) {
      // a comment: /* … */
      pos += afterMarker;
      start = pos;
      pos += 2;
      const i = input.indexOf("*/", pos);
      if (i < 0) return fail("unclosed comment");
      pos = i + 2;
      const d = rightDelimLength(input, pos);
      if (d === 0) return fail("comment ends before closing delimiter");
      pos += d;
      if (d === 4) pos += trimLeftLength(input, pos);
      start = pos;
      continue;
    }
    emit("leftDelim");
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    // inside action
    for (;;) {
      const d = rightDelimLength(input, pos);
      if (d !== 0) {
        if (parenDepth !== 0) return fail("unclosed left paren");
        if (d === 4) {
          pos += 2;
          start = pos;
        }
        pos += 2;
        emit("rightDelim");
        if (d === 4) {
          pos += trimLeftLength(input, pos);
          start = pos;
        }
        break;
      }
      const c = input.charCodeAt(pos);
      if (Number.isNaN(c)) return fail("unclosed action");
      if (isSpaceCode(c)) {
        let n = 0;
        while (isSpaceCode(input.charCodeAt(pos))) {
          pos++;
          n++;
        }
        if (rightDelimLength(input, pos - 1) === 4) {
          pos--;
          if (n === 1) continue;
        }
        emit("space");
        continue;
      }
      pos++;
      switch (c) {
        case 61: // =
          emit("assign");
          continue;
        case 58: // :
          if (input.charCodeAt(pos) !== 61) return fail("expected :=");
          pos++;
          emit("declare");
          continue;
        case 124: // |
          emit("pipe");
          continue;
        case 34: {
          // "
          const err = scanQuoted(34, "unterminated quoted string");
          if (err !== undefined) return fail(err);
          emit("string");
          continue;
        }
        case 96: {
          // `
          const end = input.indexOf("`", pos);
          if (end < 0) {
            pos = length;
            return fail("unterminated raw quoted string");
          }
          pos = end + 1;
          emit("rawString");
          continue;
        }
        case 39: {
          // '
          const err = scanQuoted(39, "unterminated character constant");
          if (err !== undefined) return fail(err);
          emit("charConstant");
          continue;
        }
        case 36: {
          // $
          if (atTerminator(input, pos)) {
            emit("variable");
            continue;
          }
          const err = scanName();
          if (err !== undefined) return fail(err);
          emit("variable");
          continue;
        }
        case 40: // (
          emit("leftParen");
          parenDepth++;
          continue;
        case 41: // )
          emit("rightParen");
          parenDepth--;
          if (parenDepth < 0) return fail(`unexpected right paren ${formatRune(")")}`);
          continue;
      }
      if (c === 46) {
        // .
        const n = input.charCodeAt(pos);
        if (!(n >= 48 && n <= 57)) {
          if (atTerminator(input, pos)) {
            emit("dot");
            continue;
          }
          const err = scanName();
          if (err !== undefined) return fail(err);
          emit("field");
          continue;
        }
      }
      if (c === 46 || c === 43 || c === 45 || (c >= 48 && c <= 57)) {
        // . + - digit
        pos -= 1;
        if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        const sign = input.charCodeAt(pos);
        if (sign === 43 || sign === 45) {
          if (!scanNumber() || input.charCodeAt(pos - 1) !== 105) {
            return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
          }
          emit("complex");
        } else {
          emit("number");
        }
        continue;
      }
      pos--;
      const first = alnumLength(input, pos);
      if (first !== 0) {
        pos += first;
        for (let n = alnumLength(input, pos); n !== 0; n = alnumLength(input, pos)) pos += n;
        const word = input.slice(start, pos);
        if (!atTerminator(input, pos)) return fail(`bad character ${formatRune(runeAt(input, pos))}`);
        if (keywords.has(word)) emit(word as TokenType);
        else if (word === "true" || word === "false") emit("bool");
        else emit("identifier");
        continue;
      }
      if (c >= 0x20 && c <= 0x7e) {
        pos++;
        emit("char");
        continue;
      }
      const r = runeAt(input, pos);
      pos += r.length;
      return fail(`unrecognized character in action: ${formatRune(r)}`);
    }
  }

  function scanQuoted(quote: number, unterminated: string): string | undefined {
    for (;;) {
      const c = input.charCodeAt(pos);
      pos++;
      if (c === 92) {
        // \
        const n = input.charCodeAt(pos);
        pos++;
        if (!Number.isNaN(n) && n !== 10) continue;
        if (Number.isNaN(n)) pos = length;
        return unterminated;
      }
      if (Number.isNaN(c)) {
        pos = length;
        return unterminated;
      }
      if (c === 10) return unterminated;
      if (c === quote) return undefined;
    }
  }

  function scanName(): string | undefined {
    for (let n = alnumLength(input, pos); n !== 0; n = alnumLength(input, pos)) pos += n;
    if (!atTerminator(input, pos)) return `bad character ${formatRune(runeAt(input, pos))}`;
    return undefined;
  }

  function accept(valid: string): boolean {
    const c = input[pos];
    if (c !== undefined && valid.includes(c)) {
      pos++;
      return true;
    }
    return false;
  }

  function acceptRun(valid: string): void {
    while (accept(valid));
  }

  function scanNumber(): boolean {
    accept("+-");
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length === 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length === 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    const n = alnumLength(input, pos);
    if (n !== 0) {
      pos += n;
      return false;
    }
    return true;
  }
}
