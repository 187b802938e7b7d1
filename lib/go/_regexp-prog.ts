/**
 * The program of a Go regular expression: the parsed tree simplified as `regexp/syntax` simplifies it (counted
 * repetitions expanded, `x**` folded) and compiled to instructions for the matchers, in typed arrays. Also the input
 * helpers both matchers share. Private to the regexp module.
 * @module
 */
import { type CharTest, classAtom, classTest, hasFolds } from "./_regexp-class.ts";
import { RegexpSyntaxError } from "./_regexp-escape.ts";
import { beginLine, beginText, endLine, endText, noWordBoundary, type Re, wordBoundary } from "./_regexp-syntax.ts";

// --- model

/** Instruction codes. `fail` is instruction 0, so a jump to 0 is a dead end. */
export const opFail = 0,
  opMatch = 1,
  opAlt = 2,
  opCapture = 3,
  opAssert = 4,
  opNop = 5,
  opRune = 6,
  opClass = 7,
  opAny = 8,
  opAnyNotNL = 9;

/** A compiled program. `out` is the next instruction, `arg` the alternative of an `opAlt` or the operand. */
export interface Prog {
  readonly op: Uint8Array;
  readonly out: Int32Array;
  readonly arg: Int32Array;
  readonly classes: readonly CharTest[];
  /** For each class, the code point when it is a literal under `(?i)` (matching its case-folding orbit), else -1. */
  readonly foldedChars: readonly number[];
  readonly start: number;
  /** Capture slots: 2 × (groups + 1). */
  readonly numCap: number;
  /** The assertions every match starts with (`beginText` for `^…`), or -1 when nothing can match. */
  readonly startCond: number;
  /** The literal every match starts with, and whether the match is exactly that literal. */
  readonly prefix: string;
  readonly prefixComplete: boolean;
  /** When the whole program is a case-sensitive literal, possibly anchored (`lit`, `^lit`, `lit$`, `^lit$`). */
  readonly literal: { readonly text: string; readonly start: boolean; readonly end: boolean } | undefined;
  /**
   * When the whole program is an alternation of a few short literals (`Degraded|Failed`, `(?i)error|denied`), all
   * case-sensitive or all under `(?i)`: the literals (at most 32, 256 characters in all).
   */
  readonly literalSet: { readonly words: readonly string[]; readonly fold: boolean } | undefined;
}

/** Receives the steps a search has taken, in chunks; may throw to stop the search. */
export type Report = (steps: number) => void;

/** Steps between two reports. */
export const reportEvery = 4096;

/** Most instructions a program may have: larger patterns are refused as "expression too large". */
export const maxInstructions = 100_000;

// --- simplify (regexp/syntax's Simplify)

function simplify1(op: "star" | "plus" | "quest", lazy: boolean, sub: Re): Re {
  if (sub.op === "empty") return sub;
  if (sub.op === op && sub.lazy === lazy) return sub;
  return { op, sub, lazy };
}

function simplify(re: Re): Re {
  switch (re.op) {
    case "capture":
      return { op: "capture", index: re.index, sub: simplify(re.sub) };
    case "concat":
    case "alternate":
      return { op: re.op, subs: re.subs.map(simplify) };
    case "star":
    case "plus":
    case "quest":
      return simplify1(re.op, re.lazy, simplify(re.sub));
    case "repeat":
      return simplifyRepeat(re.min, re.max, re.lazy, re.sub);
    default:
      return re;
  }
}

function simplifyRepeat(min: number, max: number, lazy: boolean, sub0: Re): Re {
  if (min === 0 && max === 0) return { op: "empty" };
  const sub = simplify(sub0);
  if (max === -1) {
    if (min === 0) return simplify1("star", lazy, sub);
    if (min === 1) return simplify1("plus", lazy, sub);
    return { op: "concat", subs: [...Array<Re>(min - 1).fill(sub), simplify1("plus", lazy, sub)] };
  }
  if (min === 1 && max === 1) return sub;
  const prefix: Re[] = Array<Re>(min).fill(sub);
  if (max > min) {
    let suffix = simplify1("quest", lazy, sub);
    for (let i = min + 1; i < max; i++) suffix = simplify1("quest", lazy, { op: "concat", subs: [sub, suffix] });
    prefix.push(suffix);
  }
  return prefix.length === 1 ? prefix[0] as Re : { op: "concat", subs: prefix };
}

// --- compiler (regexp/syntax's compile.go)

/** A fragment: its first instruction (0 for "never matches"), the holes to patch with what follows, nullability. */
interface Frag {
  readonly i: number;
  readonly out: readonly number[];
  readonly nullable: boolean;
}

class Compiler {
  readonly op: number[] = [opFail];
  readonly out: number[] = [0];
  readonly arg: number[] = [0];
  readonly classes: CharTest[] = [];
  readonly classIndex = new Map<CharTest | number, number>();
  readonly foldedChars: number[] = [];

  constructor(readonly pattern: string) {}

  inst(op: number, arg = 0): number {
    if (this.op.length >= maxInstructions) throw new RegexpSyntaxError("expression too large", this.pattern);
    this.op.push(op);
    this.out.push(0);
    this.arg.push(arg);
    return this.op.length - 1;
  }

  patch(holes: readonly number[], to: number): void {
    for (const h of holes) (h & 1 ? this.arg : this.out)[h >> 1] = to;
  }

  one(op: number, arg = 0, nullable = false): Frag {
    const i = this.inst(op, arg);
    return { i, out: [i << 1], nullable };
  }

  cat(f1: Frag, f2: Frag): Frag {
    if (f1.i === 0 || f2.i === 0) return { i: 0, out: [], nullable: false };
    this.patch(f1.out, f2.i);
    return { i: f1.i, out: f2.out, nullable: f1.nullable && f2.nullable };
  }

  alt(f1: Frag, f2: Frag): Frag {
    if (f1.i === 0) return f2;
    if (f2.i === 0) return f1;
    const i = this.inst(opAlt);
    this.out[i] = f1.i;
    this.arg[i] = f2.i;
    return { i, out: [...f1.out, ...f2.out], nullable: f1.nullable || f2.nullable };
  }

  quest(f1: Frag, lazy: boolean): Frag {
    const i = this.inst(opAlt);
    if (lazy) this.arg[i] = f1.i;
    else this.out[i] = f1.i;
    return { i, out: [lazy ? i << 1 : (i << 1) | 1, ...f1.out], nullable: true };
  }

  loop(f1: Frag, lazy: boolean): Frag {
    const f = this.quest({ i: f1.i, out: [], nullable: f1.nullable }, lazy);
    this.patch(f1.out, f.i);
    return f;
  }

  star(f1: Frag, lazy: boolean): Frag {
    // When the body can match empty, x* is compiled as (x+)? to keep Go's priorities (golang.org/issue/46123).
    return f1.nullable ? this.quest(this.plus(f1, lazy), lazy) : this.loop(f1, lazy);
  }

  plus(f1: Frag, lazy: boolean): Frag {
    return { i: f1.i, out: this.loop(f1, lazy).out, nullable: f1.nullable };
  }

  classOf(key: CharTest | number, make: () => CharTest): number {
    let k = this.classIndex.get(key);
    if (k === undefined) {
      k = this.classes.push(make()) - 1;
      this.foldedChars.push(typeof key === "number" ? key : -1);
      this.classIndex.set(key, k);
    }
    return k;
  }

  compile(re: Re): Frag {
    switch (re.op) {
      case "empty":
        return this.one(opNop, 0, true);
      case "char":
        if (!re.fold) return this.one(opRune, re.cp);
        return this.one(
          opClass,
          this.classOf(
            re.cp,
            () => classTest([{ body: classAtom(re.cp), negated: false }], { negated: false, fold: true }),
          ),
        );
      case "class":
        return this.one(opClass, this.classOf(re.test, () => re.test));
      case "any":
        return this.one(re.nl ? opAny : opAnyNotNL);
      case "assert":
        return this.one(opAssert, re.flag, true);
      case "capture": {
        const bra = this.one(opCapture, re.index * 2, true);
        const sub = this.compile(re.sub);
        return this.cat(this.cat(bra, sub), this.one(opCapture, re.index * 2 + 1, true));
      }
      case "star":
        return this.star(this.compile(re.sub), re.lazy);
      case "plus":
        return this.plus(this.compile(re.sub), re.lazy);
      case "quest":
        return this.quest(this.compile(re.sub), re.lazy);
      case "concat":
        return re.subs.map((s) => this.compile(s)).reduce((a, b) => this.cat(a, b));
      case "alternate":
        return re.subs.map((s) => this.compile(s)).reduce((a, b) => this.alt(a, b));
      case "repeat":
        return this.compile(simplify(re));
    }
  }
}

/**
 * Compiles a parsed expression.
 * @param re the tree
 * @param options the pattern (for the "expression too large" message) and the number of groups
 * @throws RegexpSyntaxError when the program would pass {@linkcode maxInstructions}
 */
export function compileProg(re: Re, options: { readonly pattern: string; readonly groups: number }): Prog {
  const c = new Compiler(options.pattern);
  const f = c.compile(simplify(re));
  const match = c.inst(opMatch);
  c.patch(f.out, match);
  const op = Uint8Array.from(c.op);
  const out = Int32Array.from(c.out);
  const arg = Int32Array.from(c.arg);
  const start = f.i;
  return {
    op,
    out,
    arg,
    classes: c.classes,
    foldedChars: c.foldedChars,
    start,
    numCap: 2 * (options.groups + 1),
    startCond: startCond(op, out, arg, start),
    ...literalPrefix(op, out, arg, start),
    literal: wholeLiteral(op, out, arg, start),
    literalSet: literalSet(op, out, arg, { start, foldedChars: c.foldedChars }),
  };
}

function literalSet(
  op: Uint8Array,
  out: Int32Array,
  arg: Int32Array,
  p: Pick<Prog, "start" | "foldedChars">,
): Prog["literalSet"] {
  const words: string[] = [];
  let fold: boolean | undefined;
  let total = 0;
  const todo: [number, string][] = [[p.start, ""]];
  while (todo.length > 0) {
    const [pc, word] = todo.pop() as [number, string];
    const o = op[pc];
    if (o === opMatch) words.push(word);
    else if (o === opAlt) todo.push([arg[pc] as number, word], [out[pc] as number, word]);
    else if (o === opNop || o === opCapture) todo.push([out[pc] as number, word]);
    else {
      const cp = o === opRune ? arg[pc] as number : o === opClass ? p.foldedChars[arg[pc] as number] as number : -1;
      if (cp < 0) return undefined;
      // A character without case forms reads the same with or without folding.
      const folds = o === opClass ? true : hasFolds(cp) ? false : undefined;
      if (fold !== undefined && folds !== undefined && fold !== folds) return undefined;
      fold ??= folds;
      todo.push([out[pc] as number, word + String.fromCodePoint(cp)]);
    }
    if (words.length + todo.length > 32 || ++total > 256) return undefined;
  }
  return { words, fold: fold ?? false };
}

function wholeLiteral(op: Uint8Array, out: Int32Array, arg: Int32Array, start: number): Prog["literal"] {
  let pc = skipNop(op, out, start);
  const anchoredAt = (flag: number): boolean => {
    if (op[pc] !== opAssert || arg[pc] !== flag) return false;
    pc = skipNop(op, out, out[pc] as number);
    return true;
  };
  const atStart = anchoredAt(beginText);
  let text = "";
  while (op[pc] === opRune && arg[pc] !== 0xfffd) {
    text += String.fromCodePoint(arg[pc] as number);
    pc = skipNop(op, out, out[pc] as number);
  }
  const atEnd = anchoredAt(endText);
  return op[pc] === opMatch ? { text, start: atStart, end: atEnd } : undefined;
}

function skipNop(op: Uint8Array, out: Int32Array, pc: number): number {
  while (op[pc] === opNop || op[pc] === opCapture) pc = out[pc] as number;
  return pc;
}

function startCond(op: Uint8Array, out: Int32Array, arg: Int32Array, pc: number): number {
  let flag = 0;
  for (;;) {
    const o = op[pc];
    if (o === opAssert) flag |= arg[pc] as number;
    else if (o === opFail) return -1;
    else if (o !== opCapture && o !== opNop) return flag;
    pc = out[pc] as number;
  }
}

function literalPrefix(
  op: Uint8Array,
  out: Int32Array,
  arg: Int32Array,
  start: number,
): { prefix: string; prefixComplete: boolean } {
  let pc = skipNop(op, out, start);
  let prefix = "";
  while (op[pc] === opRune && arg[pc] !== 0xfffd) {
    prefix += String.fromCodePoint(arg[pc] as number);
    pc = skipNop(op, out, out[pc] as number);
  }
  return { prefix, prefixComplete: op[pc] === opMatch };
}

// --- input

/** The code point at `i` of `s`, -1 at the end; a lone surrogate reads as U+FFFD, as Go reads invalid UTF-8. */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c !== c) return -1;
  if (c < 0xd800 || c > 0xdfff) return c;
  if (c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

/** Whether a character is a word character of `\b` (ASCII letters, digits and `_`). */
export const isWord = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** The empty-width assertions that hold at position `i` of `s` (Go's `EmptyOpContext`). */
export function assertionsAt(s: string, i: number): number {
  const before = i > 0 ? s.charCodeAt(i - 1) : -1;
  const after = i < s.length ? s.charCodeAt(i) : -1;
  let f = 0;
  if (before < 0) f |= beginText | beginLine;
  else if (before === 10) f |= beginLine;
  if (after < 0) f |= endText | endLine;
  else if (after === 10) f |= endLine;
  return f | (isWord(before) !== isWord(after) ? wordBoundary : noWordBoundary);
}
