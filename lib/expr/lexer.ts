/**
 * The expr tokenizer: source text → tokens (identifiers, numbers, strings, operators, brackets), with expr's rules
 * for word operators, `not in`-style negated operators, comments, raw strings and escapes.
 * @module
 */
import { SyntaxFailure } from "./_failure.ts";

// --- model

/** The kind of a token. */
export type TokenKind = "Identifier" | "Number" | "String" | "Bytes" | "Operator" | "Bracket" | "EOF";

/** One token: kind, text (unescaped for strings) and 0-based offset of its first character. */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly pos: number;
}

const wordOperators = new Set([
  "in",
  "or",
  "and",
  "matches",
  "contains",
  "startsWith",
  "endsWith",
  "let",
  "if",
  "else",
]);
/** The operators `not` may negate (`not in`, `not matches` …). */
export const negatable: ReadonlySet<string> = new Set(["in", "matches", "contains", "startsWith", "endsWith"]);

/**
 * White space and the letters, digits, `_` and `$` of identifiers, as the Unicode classes `\s` and
 * `[\p{L}\p{Nd}_$]` say; ASCII is answered without them, since the conditions of a configuration are lexed in a
 * cold process, where each class costs a compilation at its first use and each test a call into the RegExp engine.
 */
const isSpace = (c: string): boolean => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return /^\s$/u.test(c);
};
const isAlnum = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 ||
      code === 36;
  }
  return /^[\p{L}\p{Nd}_$]$/u.test(c);
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

// --- tokenizer

/**
 * Splits `src` into tokens, ending with an `EOF` token.
 * @throws SyntaxFailure on a lexical error (caught by the parser's caller and turned into a diagnostic).
 */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  const fail = (msg: string, at: number): never => {
    throw new SyntaxFailure(msg, at);
  };
  while (i < n) {
    const c = src[i]!;
    const start = i;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const [s, end] = scanString(src, i + 1, c, fail);
      out.push({ kind: "String", value: s, pos: start });
      i = end;
      continue;
    }
    if (c === "`") {
      let s = "";
      i++;
      for (;;) {
        if (i >= n) fail("literal not terminated", n);
        if (src[i] === "`") {
          if (src[i + 1] === "`") {
            s += "`";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i];
        i++;
      }
      out.push({ kind: "String", value: s, pos: start });
      continue;
    }
    if ((c === "b" || c === "B") && (src[i + 1] === "'" || src[i + 1] === '"')) {
      const [s, end] = scanString(src, i + 2, src[i + 1]!, fail);
      out.push({ kind: "Bytes", value: s, pos: start });
      i = end;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(src[i + 1]))) {
      i = scanNumber(src, i, fail);
      out.push({ kind: "Number", value: src.slice(start, i), pos: start });
      continue;
    }
    if (c === "?") {
      i++;
      if (src[i] === "." || src[i] === "?") i++;
      out.push({ kind: "Operator", value: src.slice(start, i), pos: start });
      continue;
    }
    if (c === "/") {
      if (src[i + 1] === "/") {
        while (i < n && src[i] !== "\n") i++;
        continue;
      }
      if (src[i + 1] === "*") {
        const end = src.indexOf("*/", i + 2);
        if (end < 0) fail("unclosed comment", n);
        i = end + 2;
        continue;
      }
      out.push({ kind: "Operator", value: "/", pos: start });
      i++;
      continue;
    }
    if (c === "#") {
      i++;
      if (src[i] === "#") i++;
      out.push({ kind: "Operator", value: src.slice(start, i), pos: start });
      const idStart = i;
      while (i < n && isAlnum(src[i])) i++;
      if (i > idStart) out.push({ kind: "Identifier", value: src.slice(idStart, i), pos: idStart });
      continue;
    }
    if (c === "|" || c === ":") {
      i++;
      if (src[i] === c) i++;
      out.push({ kind: "Operator", value: src.slice(start, i), pos: start });
      continue;
    }
    if ("([{)]}".includes(c)) {
      out.push({ kind: "Bracket", value: c, pos: start });
      i++;
      continue;
    }
    if (",;%+-^".includes(c)) {
      out.push({ kind: "Operator", value: c, pos: start });
      i++;
      continue;
    }
    if ("&!=*<>".includes(c)) {
      i++;
      if (src[i] === "&" || src[i] === "=" || src[i] === "*") i++;
      out.push({ kind: "Operator", value: src.slice(start, i), pos: start });
      continue;
    }
    if (c === ".") {
      i++;
      if (src[i] === ".") i++;
      out.push({ kind: "Operator", value: src.slice(start, i), pos: start });
      continue;
    }
    if (isAlnum(c)) {
      while (i < n && isAlnum(src[i])) i++;
      const word = src.slice(start, i);
      if (word === "not") {
        out.push({ kind: "Operator", value: "not", pos: start });
        let j = i;
        while (src[j] === " ") j++;
        let k = j;
        while (k < n && isAlnum(src[k])) k++;
        const next = src.slice(j, k);
        if (negatable.has(next)) {
          out.push({ kind: "Operator", value: next, pos: j });
          i = k;
        }
        continue;
      }
      out.push({ kind: wordOperators.has(word) ? "Operator" : "Identifier", value: word, pos: start });
      continue;
    }
    fail(`unrecognized character: ${describeRune(src.codePointAt(i) ?? 0)}`, i);
  }
  out.push({ kind: "EOF", value: "", pos: n });
  return out;
}

// --- utils

function describeRune(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex} '${String.fromCodePoint(cp)}'`;
}

function scanNumber(src: string, i: number, fail: (m: string, at: number) => never): number {
  const start = i;
  let digits = /[0-9_]/;
  if (src[i] === "0") {
    i++;
    const p = src[i];
    if (p === "x" || p === "X") digits = /[0-9a-fA-F_]/, i++;
    else if (p === "o" || p === "O") digits = /[0-7_]/, i++;
    else if (p === "b" || p === "B") digits = /[01_]/, i++;
  }
  while (i < src.length && digits.test(src[i]!)) i++;
  if (src[i] === ".") {
    if (src[i + 1] === ".") return i;
    i++;
    while (i < src.length && digits.test(src[i]!)) i++;
  }
  if (src[i] === "e" || src[i] === "E") {
    i++;
    if (src[i] === "+" || src[i] === "-") i++;
    while (i < src.length && digits.test(src[i]!)) i++;
  }
  if (isAlnum(src[i])) fail(`bad number syntax: "${src.slice(start, i + 1)}"`, i);
  return i;
}

const simpleEscapes: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

function scanString(
  src: string,
  i: number,
  quote: string,
  fail: (m: string, at: number) => never,
): [string, number] {
  let out = "";
  for (;;) {
    const c = src[i];
    if (c === undefined || c === "\n") return fail("literal not terminated", i);
    if (c === quote) return [out, i + 1];
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    const e = src[i + 1];
    if (e === undefined) return fail("literal not terminated", i + 1);
    const simple = simpleEscapes[e];
    if (simple !== undefined && (e !== "'" && e !== '"' || e === quote)) {
      out += simple;
      i += 2;
      continue;
    }
    const hexRun = (from: number, len: number, base: RegExp): number => {
      const s = src.slice(from, from + len);
      if (s.length !== len || ![...s].every((ch) => base.test(ch))) fail("invalid char escape", from);
      return parseInt(s, base === octal ? 8 : 16);
    };
    let cp: number;
    if (e >= "0" && e <= "7") {
      cp = hexRun(i + 1, 3, octal);
      i += 4;
    } else if (e === "x") {
      cp = hexRun(i + 2, 2, hex);
      i += 4;
    } else if (e === "u" && src[i + 2] === "{") {
      const close = src.indexOf("}", i + 3);
      const body = close < 0 ? "" : src.slice(i + 3, close);
      if (!/^[0-9a-fA-F]{1,6}$/.test(body)) fail("invalid char escape", i + 2);
      cp = parseInt(body, 16);
      i = close + 1;
    } else if (e === "u") {
      cp = hexRun(i + 2, 4, hex);
      i += 6;
    } else if (e === "U") {
      cp = hexRun(i + 2, 8, hex);
      i += 10;
    } else {
      return fail("invalid char escape", i + 1);
    }
    if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) fail("invalid char escape", i);
    out += String.fromCodePoint(cp);
  }
}

const octal = /[0-7]/;
const hex = /[0-9a-fA-F]/;
