/**
 * The tokenizer of label selectors, token for token the one of `k8s.io/apimachinery/pkg/labels` (whose parser decides
 * what `in` and `notin` mean from context).
 * @module
 */

export type Tok =
  | "end"
  | ")"
  | ","
  | "!"
  | "=="
  | "="
  | ">"
  | "id"
  | "in"
  | "<"
  | "!="
  | "notin"
  | "(";

export interface Token {
  readonly tok: Tok;
  readonly lit: string;
  /** Offset of the token's first character in the source. */
  readonly pos: number;
}

const keywords: ReadonlySet<string> = new Set([")", ",", "!", "==", "=", ">", "in", "<", "!=", "notin", "("]);

const isWhitespace = (c: string): boolean => c === " " || c === "\t" || c === "\r" || c === "\n";
const isSpecial = (c: string): boolean => "=!(),><".includes(c);

/** Splits the source into tokens the way the Go lexer does; a NUL character ends the input there, as in Go. */
export function lex(source: string): readonly Token[] {
  const end = source.indexOf("\0") === -1 ? source.length : source.indexOf("\0");
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < end && isWhitespace(source[i]!)) i++;
    if (i >= end) {
      tokens.push({ tok: "end", lit: "", pos: i });
      return tokens;
    }
    const start = i;
    if (isSpecial(source[i]!)) {
      // Longest match among the special-symbol tokens ("!=" and "==" over "!" and "=").
      let matched = i;
      while (
        i < end && isSpecial(source[i]!) &&
        keywords.has(source.slice(start, i + 1))
      ) {
        i++;
        matched = i;
      }
      i = matched;
      const lit = source.slice(start, i);
      tokens.push({ tok: lit as Tok, lit, pos: start });
    } else {
      while (i < end && !isSpecial(source[i]!) && !isWhitespace(source[i]!)) {
        i++;
      }
      const lit = source.slice(start, i);
      tokens.push({
        tok: lit === "in" || lit === "notin" ? lit : "id",
        lit,
        pos: start,
      });
    }
  }
}
