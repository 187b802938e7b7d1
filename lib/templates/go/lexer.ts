/**
 * The lexer of Go text/template: splits a template into text and action tokens, with Go's trim markers, comments,
 * strings, raw strings, character constants and number syntax. Positions are UTF-16 indexes into the source.
 * @module
 */
import { goQuote } from "./_strconv.ts";

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

const keywords: Readonly<Record<string, TokenType>> = {
  block: "block",
  break: "break",
  continue: "continue",
  define: "define",
  else: "else",
  end: "end",
  if: "if",
  range: "range",
  nil: "nil",
  template: "template",
  with: "with",
};

const keywordTypes: ReadonlySet<TokenType> = new Set([
  "block",
  "break",
  "continue",
  "dot",
  "define",
  "else",
  "end",
  "if",
  "nil",
  "range",
  "template",
  "with",
]);

/** Whether a token type is a keyword (printed as `<word>` in parse errors). */
export function isKeyword(t: TokenType): boolean {
  return keywordTypes.has(t);
}

const leftDelim = "{{";
const rightDelim = "}}";
const alnum = /^[\p{L}\p{Nd}_]$/u;
const printableAscii = /^[\x20-\x7e]$/;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

function isAlphaNumeric(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
  }
  return alnum.test(c);
}

function hasLeftTrimMarker(s: string, i: number): boolean {
  return s[i] === "-" && isSpace(s[i + 1]);
}

function hasRightTrimMarker(s: string, i: number): boolean {
  return isSpace(s[i]) && s[i + 1] === "-";
}

function trimRightLength(s: string, from: number, to: number): number {
  let n = to;
  while (n > from && isSpace(s[n - 1])) n--;
  return to - n;
}

function trimLeftLength(s: string, from: number): number {
  let n = from;
  while (n < s.length && isSpace(s[n])) n++;
  return n - from;
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
 * @param input the template source
 * @returns the tokens, in order
 */
export function lex(input: string): Token[] {
  const items: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const lineAt = lineCounter(input);
  const emit = (type: TokenType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const fail = (message: string): Token[] => {
    items.push({ type: "error", pos: start, val: message, line: lineAt(start) });
    return items;
  };
  const charAt = (i: number): string | undefined => {
    const cp = input.codePointAt(i);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  };
  const atTerminator = (): boolean => {
    const c = input[pos];
    if (c === undefined || isSpace(c)) return true;
    if (".,|:)(".includes(c)) return true;
    return input.startsWith(rightDelim, pos);
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(rightDelim, pos + 2)) return { delim: true, trim: true };
    if (input.startsWith(rightDelim, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };

  for (;;) {
    // text
    const x = input.indexOf(leftDelim, pos);
    if (x < 0) {
      pos = input.length;
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
    const trimSpace = hasLeftTrimMarker(input, pos);
    const afterMarker = trimSpace ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      pos += 2;
      const i = input.indexOf("*/", pos);
      if (i < 0) return fail("unclosed comment");
      pos = i + 2;
      const d = atRightDelim();
      if (!d.delim) return fail("comment ends before closing delimiter");
      if (d.trim) pos += 2;
      pos += 2;
      if (d.trim) pos += trimLeftLength(input, pos);
      start = pos;
      continue;
    }
    emit("leftDelim");
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    // inside action
    for (;;) {
      const d = atRightDelim();
      if (d.delim) {
        if (parenDepth !== 0) return fail("unclosed left paren");
        if (d.trim) {
          pos += 2;
          start = pos;
        }
        pos += 2;
        emit("rightDelim");
        if (d.trim) {
          pos += trimLeftLength(input, pos);
          start = pos;
        }
        break;
      }
      const r = charAt(pos);
      if (r === undefined) return fail("unclosed action");
      if (isSpace(r)) {
        let n = 0;
        while (isSpace(input[pos])) {
          pos++;
          n++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(rightDelim, pos + 1)) {
          pos--;
          if (n === 1) continue;
        }
        emit("space");
        continue;
      }
      pos += r.length;
      switch (r) {
        case "=":
          emit("assign");
          continue;
        case ":":
          if (input[pos] !== "=") return fail("expected :=");
          pos++;
          emit("declare");
          continue;
        case "|":
          emit("pipe");
          continue;
        case '"': {
          const err = scanQuoted('"', "unterminated quoted string");
          if (err !== undefined) return fail(err);
          emit("string");
          continue;
        }
        case "`": {
          const end = input.indexOf("`", pos);
          if (end < 0) {
            pos = input.length;
            return fail("unterminated raw quoted string");
          }
          pos = end + 1;
          emit("rawString");
          continue;
        }
        case "'": {
          const err = scanQuoted("'", "unterminated character constant");
          if (err !== undefined) return fail(err);
          emit("charConstant");
          continue;
        }
        case "$": {
          if (atTerminator()) {
            emit("variable");
            continue;
          }
          const err = scanName();
          if (err !== undefined) return fail(err);
          emit("variable");
          continue;
        }
        case "(":
          emit("leftParen");
          parenDepth++;
          continue;
        case ")":
          emit("rightParen");
          parenDepth--;
          if (parenDepth < 0) return fail(`unexpected right paren ${formatRune(r)}`);
          continue;
      }
      if (r === ".") {
        const c = input[pos];
        if (c === undefined || c < "0" || c > "9") {
          if (atTerminator()) {
            emit("dot");
            continue;
          }
          const err = scanName();
          if (err !== undefined) return fail(err);
          emit("field");
          continue;
        }
      }
      if (r === "." || r === "+" || r === "-" || (r >= "0" && r <= "9")) {
        pos -= 1;
        if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        const sign = input[pos];
        if (sign === "+" || sign === "-") {
          if (!scanNumber() || input[pos - 1] !== "i") {
            return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
          }
          emit("complex");
        } else {
          emit("number");
        }
        continue;
      }
      if (isAlphaNumeric(r)) {
        while (isAlphaNumeric(charAt(pos))) pos += (charAt(pos) ?? "").length;
        const word = input.slice(start, pos);
        if (!atTerminator()) return fail(`bad character ${formatRune(charAt(pos) ?? "")}`);
        const kw = keywords[word];
        if (kw !== undefined && Object.hasOwn(keywords, word)) emit(kw);
        else if (word === "true" || word === "false") emit("bool");
        else emit("identifier");
        continue;
      }
      if (r.length === 1 && printableAscii.test(r)) {
        emit("char");
        continue;
      }
      return fail(`unrecognized character in action: ${formatRune(r)}`);
    }
  }

  function scanQuoted(quote: string, unterminated: string): string | undefined {
    for (;;) {
      const c = input[pos];
      pos++;
      if (c === "\\") {
        const n = input[pos];
        pos++;
        if (n !== undefined && n !== "\n") continue;
        if (n === undefined) pos = input.length;
        return unterminated;
      }
      if (c === undefined) {
        pos = input.length;
        return unterminated;
      }
      if (c === "\n") return unterminated;
      if (c === quote) return undefined;
    }
  }

  function scanName(): string | undefined {
    while (isAlphaNumeric(charAt(pos))) pos += (charAt(pos) ?? "").length;
    if (!atTerminator()) return `bad character ${formatRune(charAt(pos) ?? "")}`;
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
    if (isAlphaNumeric(charAt(pos))) {
      pos += (charAt(pos) ?? "").length;
      return false;
    }
    return true;
  }
}

function lineCounter(input: string): (pos: number) => number {
  const starts: number[] = [0];
  for (let i = input.indexOf("\n"); i >= 0; i = input.indexOf("\n", i + 1)) starts.push(i + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
