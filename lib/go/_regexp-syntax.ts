/**
 * The parser of Go's regexp syntax (RE2, as `regexp.Compile` reads it: Perl flags, `\pN`, POSIX classes, no
 * backreferences or lookarounds). It follows `regexp/syntax`'s left-to-right, stack-based parse so that the first
 * error found and its message (`missing closing ]: \`[a\``) are Go's. Private to the regexp module.
 * @module
 */
import { type CharTest, classAtom, type ClassItem, classTest, hasFolds, perlItem, posixItem } from "./_regexp-class.ts";
import { classChar, parseEscape, RegexpSyntaxError, runeAt, unicodeClass } from "./_regexp-escape.ts";

// --- model

/** Empty-width assertions, as bits. */
export const beginLine = 1, endLine = 2, beginText = 4, endText = 8, wordBoundary = 16, noWordBoundary = 32;

/** A node of the parsed expression. */
export type Re =
  | { readonly op: "empty" }
  | { readonly op: "char"; readonly cp: number; readonly fold: boolean }
  | { readonly op: "class"; readonly test: CharTest }
  | { readonly op: "any"; readonly nl: boolean }
  | { readonly op: "assert"; readonly flag: number }
  | { readonly op: "capture"; readonly index: number; readonly sub: Re }
  | { readonly op: "star" | "plus" | "quest"; readonly sub: Re; readonly lazy: boolean }
  | { readonly op: "repeat"; readonly min: number; readonly max: number; readonly sub: Re; readonly lazy: boolean }
  | { readonly op: "concat" | "alternate"; readonly subs: readonly Re[] };

/** What the parser returns: the tree and the names of the capture groups (index 0 is the whole match). */
export interface Parsed {
  readonly re: Re;
  readonly names: readonly string[];
}

const fold = 1, dotNL = 2, oneLine = 4, nonGreedy = 8;

interface Frame {
  readonly alts: Re[];
  cur: Re[];
  readonly flags: number;
  readonly cap: number;
}

// --- parser

/**
 * Parses a Go regular expression.
 * @param pattern the pattern
 * @returns the tree and group names
 * @throws RegexpSyntaxError with Go's error code and the offending text
 */
export function parse(pattern: string): Parsed {
  return new Parser(pattern).run();
}

class Parser {
  flags = oneLine;
  readonly names: string[] = [""];
  readonly frames: Frame[] = [{ alts: [], cur: [], flags: oneLine, cap: 0 }];

  constructor(readonly whole: string) {}

  get top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  push(re: Re): void {
    this.top.cur.push(re);
  }

  literal(cp: number): void {
    const f = (this.flags & fold) !== 0 && hasFolds(cp);
    this.push({ op: "char", cp, fold: f });
  }

  run(): Parsed {
    const s = this.whole;
    let i = 0;
    let lastRepeat = -1;
    while (i < s.length) {
      let repeat = -1;
      const c = s[i] as string;
      switch (c) {
        case "(":
          i = s[i + 1] === "?" ? this.perlFlags(i) : this.open(i + 1, "");
          break;
        case "|":
          this.top.alts.push(concat(this.top.cur));
          this.top.cur = [];
          i++;
          break;
        case ")":
          this.close();
          i++;
          break;
        case "^":
          this.push({ op: "assert", flag: this.flags & oneLine ? beginText : beginLine });
          i++;
          break;
        case "$":
          this.push({ op: "assert", flag: this.flags & oneLine ? endText : endLine });
          i++;
          break;
        case ".":
          this.push({ op: "any", nl: (this.flags & dotNL) !== 0 });
          i++;
          break;
        case "[":
          i = this.parseClass(i);
          break;
        case "*":
        case "+":
        case "?": {
          const op = c === "*" ? "star" : c === "+" ? "plus" : "quest";
          repeat = i;
          i = this.repeat(op, 0, 0, i, i + 1, lastRepeat);
          break;
        }
        case "{": {
          const r = parseRepeat(s, i);
          if (r === undefined) {
            this.literal(0x7b);
            i++;
            break;
          }
          const [min, max, after] = r;
          if (min > 1000 || max > 1000 || (max >= 0 && min > max)) {
            throw new RegexpSyntaxError("invalid repeat count", s.slice(i, after));
          }
          repeat = i;
          i = this.repeat("repeat", min, max, i, after, lastRepeat);
          break;
        }
        case "\\":
          i = this.escape(i);
          break;
        default: {
          const [cp, w] = runeAt(s, i);
          this.literal(cp);
          i += w;
        }
      }
      lastRepeat = repeat;
    }
    if (this.frames.length > 1) throw new RegexpSyntaxError("missing closing )", s);
    return { re: alternate([...this.top.alts, concat(this.top.cur)]), names: this.names };
  }

  open(at: number, name: string): number {
    this.names.push(name);
    this.frames.push({ alts: [], cur: [], flags: this.flags, cap: this.names.length - 1 });
    return at;
  }

  close(): void {
    if (this.frames.length < 2) throw new RegexpSyntaxError("unexpected )", this.whole);
    const f = this.frames.pop() as Frame;
    const body = alternate([...f.alts, concat(f.cur)]);
    this.flags = f.flags;
    this.push(f.cap > 0 ? { op: "capture", index: f.cap, sub: body } : body);
  }

  /** `(?flags)`, `(?flags:`, `(?P<name>`, `(?<name>`, starting at the `(`; returns where parsing goes on. */
  perlFlags(start: number): number {
    const s = this.whole;
    const t = s.slice(start);
    const withP = t.length > 4 && t[2] === "P" && t[3] === "<";
    if (withP || (t.length > 3 && t[2] === "<")) {
      const end = t.indexOf(">");
      if (end < 0) throw new RegexpSyntaxError("invalid named capture", t);
      const name = t.slice(withP ? 4 : 3, end);
      if (!/^[0-9A-Za-z_]+$/.test(name)) throw new RegexpSyntaxError("invalid named capture", t.slice(0, end + 1));
      return this.open(start + end + 1, name);
    }
    let flags = this.flags;
    let negate = false;
    let sawFlag = false;
    let i = start + 2;
    while (i < s.length) {
      const [cp, w] = runeAt(s, i);
      i += w;
      const c = String.fromCodePoint(cp);
      const bit = c === "i" ? fold : c === "s" ? dotNL : c === "U" ? nonGreedy : c === "m" ? oneLine : 0;
      if (bit !== 0) {
        // `m` clears OneLine, so it sets the bit when negated; the others set it unless negated.
        flags = (bit === oneLine) === negate ? flags | bit : flags & ~bit;
        sawFlag = true;
      } else if (c === "-" && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((c === ":" || c === ")") && (!negate || sawFlag)) {
        if (c === ":") this.frames.push({ alts: [], cur: [], flags: this.flags, cap: 0 });
        this.flags = flags;
        return i;
      } else break;
    }
    throw new RegexpSyntaxError("invalid or unsupported Perl syntax", s.slice(start, i));
  }

  /** Applies a repetition operator found at `before` (its text ends at `after`) to the last node. */
  repeat(
    op: "star" | "plus" | "quest" | "repeat",
    min: number,
    max: number,
    before: number,
    after: number,
    lastRepeat: number,
  ): number {
    const s = this.whole;
    let lazy = (this.flags & nonGreedy) !== 0;
    if (s[after] === "?") {
      after++;
      lazy = !lazy;
    }
    if (lastRepeat >= 0) throw new RegexpSyntaxError("invalid nested repetition operator", s.slice(lastRepeat, after));
    const cur = this.top.cur;
    const sub = cur.pop();
    if (sub === undefined) {
      throw new RegexpSyntaxError("missing argument to repetition operator", s.slice(before, after));
    }
    const re: Re = op === "repeat" ? { op, min, max, sub, lazy } : { op, sub, lazy };
    if (op === "repeat" && (min >= 2 || max >= 2) && !repeatIsValid(re, 1000)) {
      throw new RegexpSyntaxError("invalid repeat count", s.slice(before, after));
    }
    cur.push(re);
    return after;
  }

  /** A backslash outside a class. */
  escape(i: number): number {
    const s = this.whole;
    const n = s[i + 1];
    const assert = n === "A"
      ? beginText
      : n === "z"
      ? endText
      : n === "b"
      ? wordBoundary
      : n === "B"
      ? noWordBoundary
      : 0;
    if (assert !== 0) {
      this.push({ op: "assert", flag: assert });
      return i + 2;
    }
    if (n === "C") throw new RegexpSyntaxError("invalid escape sequence", "\\C");
    if (n === "Q") {
      const end = s.indexOf("\\E", i + 2);
      const lit = s.slice(i + 2, end < 0 ? s.length : end);
      for (let j = 0; j < lit.length;) {
        const [cp, w] = runeAt(lit, j);
        this.literal(cp);
        j += w;
      }
      return end < 0 ? s.length : end + 2;
    }
    if (n === "p" || n === "P") {
      const [item, next] = unicodeClass(s, i);
      this.pushClass([item], false);
      return next;
    }
    const group = n === undefined ? undefined : perlItem(n);
    if (group !== undefined) {
      this.pushClass([group], false);
      return i + 2;
    }
    const [cp, next] = parseEscape(s, i);
    this.literal(cp);
    return next;
  }

  pushClass(items: readonly ClassItem[], negated: boolean): void {
    this.push({ op: "class", test: classTest(items, { negated, fold: (this.flags & fold) !== 0 }) });
  }

  /** A bracketed class starting at `start` (the `[`); returns the index after its `]`. */
  parseClass(start: number): number {
    const s = this.whole;
    const whole = s.slice(start);
    let i = start + 1;
    const negated = s[i] === "^";
    if (negated) i++;
    const items: ClassItem[] = [];
    let first = true;
    while (i >= s.length || s[i] !== "]" || first) {
      first = false;
      if (s[i] === "[" && s[i + 1] === ":") {
        const end = s.indexOf(":]", i + 2);
        if (end >= 0) {
          const item = posixItem(s.slice(i + 2, end));
          if (item === undefined) throw new RegexpSyntaxError("invalid character class range", s.slice(i, end + 2));
          items.push(item);
          i = end + 2;
          continue;
        }
      }
      if (s[i] === "\\" && (s[i + 1] === "p" || s[i + 1] === "P")) {
        const [item, next] = unicodeClass(s, i);
        items.push(item);
        i = next;
        continue;
      }
      const group = s[i] === "\\" && s[i + 1] !== undefined ? perlItem(s[i + 1] as string) : undefined;
      if (group !== undefined) {
        items.push(group);
        i += 2;
        continue;
      }
      const from = i;
      const [lo, afterLo] = classChar(s, i, whole);
      let hi = lo;
      i = afterLo;
      if (s[i] === "-" && i + 1 < s.length && s[i + 1] !== "]") {
        [hi, i] = classChar(s, i + 1, whole);
        if (hi < lo) throw new RegexpSyntaxError("invalid character class range", s.slice(from, i));
      }
      items.push({ body: lo === hi ? classAtom(lo) : `${classAtom(lo)}-${classAtom(hi)}`, negated: false });
    }
    this.pushClass(items, negated);
    return i + 1;
  }
}

// --- pieces

/** `{n}`, `{n,}` or `{n,m}` at `i`: [min, max (-1 for none), index after `}`], or undefined when `{` is a literal. */
function parseRepeat(s: string, i: number): [number, number, number] | undefined {
  const repeatSyntax = /\{(0|[1-9][0-9]*)(,(0|[1-9][0-9]*)?)?\}/y;
  repeatSyntax.lastIndex = i;
  const m = repeatSyntax.exec(s);
  if (m === null) return undefined;
  const min = Number(m[1]);
  return [min, m[2] === undefined ? min : m[3] === undefined ? -1 : Number(m[3]), i + m[0].length];
}

/** Go's repeatIsValid: nested counted repetitions multiply to at most n copies. */
function repeatIsValid(re: Re, n: number): boolean {
  if (re.op === "repeat") {
    let m = re.max;
    if (m === 0) return true;
    if (m < 0) m = re.min;
    if (m > n) return false;
    if (m > 0) n = Math.trunc(n / m);
  }
  if ("sub" in re) return repeatIsValid(re.sub, n);
  if ("subs" in re) return re.subs.every((x) => repeatIsValid(x, n));
  return true;
}

const concat = (
  subs: readonly Re[],
): Re => (subs.length === 0 ? { op: "empty" } : subs.length === 1 ? subs[0] as Re : { op: "concat", subs });
const alternate = (subs: readonly Re[]): Re => (subs.length === 1 ? subs[0] as Re : { op: "alternate", subs });
