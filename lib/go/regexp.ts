/**
 * Go's `regexp` in TypeScript: RE2 syntax, leftmost-first semantics, and matching in time linear in the input — a
 * pattern such as `(a+)+$` cannot hang it, unlike JavaScript's backtracking `RegExp`. Used by expr's `matches` and
 * sprig's `regex…` functions, and runs on every runtime (no Node built-ins, no `eval`).
 *
 * How: the pattern is parsed as `regexp/syntax` parses it (same errors, same messages) and compiled to a program. "Is
 * there a match" (`matchString`) runs on a lazily built DFA, as RE2 does, which skips ahead with `indexOf` (or a
 * one-literal `RegExp` under `(?i)`) to where a match can start; positions and groups come from Go's two matchers, a
 * bit-state backtracker for small programs on short inputs and a Pike VM otherwise. Every search takes at most
 * O(instructions × input) steps, counted, with a budget ({@linkcode RegexpRunOptions}). Character classes (`\pL`,
 * `\p{Greek}`, `[[:alpha:]]`, `(?i)` folding) are tested one code point at a time with small JavaScript `RegExp`s over
 * a single character, which cannot backtrack, so no Unicode tables are shipped.
 *
 * Why not the `re2js` package (a faithful, well-kept port of RE2/J, with a DFA, one-pass matcher, prefilters and its
 * own Unicode tables): bundled for the edge it is 150.6 KB minified, 45.8 KB gzipped (esbuild, re2js 2.10.0), nearly
 * half of the edge bundle's budget (≤ 100 KB gzipped); this module is 24 KB minified, 9.8 KB gzipped. re2js stays as a
 * development dependency: the tests check this module against it, and against Go itself through goldens.
 *
 * Positions (in {@linkcode GoRegexp.findStringSubmatchIndex} and friends) are UTF-16 indices into the JavaScript string,
 * where Go gives byte offsets; the strings they delimit are the same. A lone surrogate reads as U+FFFD, as Go reads
 * invalid UTF-8. Semantics are Go 1.26's: Go 1.25+'s loose `\p{…}` names (`\p{greek}`, `\p{Letter}`), `(?<name>…)`,
 * duplicate group names allowed. Unicode classes and case folding follow the runtime's Unicode version (Go 1.26 has
 * Unicode 15.0; newer runtimes fold a few more pairs, such as ΐ/ΐ). Programs are limited to
 * 100,000 instructions ("expression too large"; Go's limit is about 3.3 million).
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { type BacktrackMachine, backtrackSearch, canBacktrack, newBacktrackMachine } from "./_regexp-backtrack.ts";
import { newPikeMachine, type PikeMachine, pikeSearch } from "./_regexp-pike.ts";
import { type Dfa, dfaMatch, newDfa } from "./_regexp-dfa.ts";
import { compileProg, type Prog, type Report } from "./_regexp-prog.ts";
import { RegexpSyntaxError } from "./_regexp-escape.ts";
import { parse } from "./_regexp-syntax.ts";
import { expandTemplate, splitByMatches } from "./_regexp-expand.ts";

// --- model

/** Options of a matching call. */
export interface RegexpRunOptions {
  /**
   * Charges the work of the call, in steps (one step is one instruction tried at one position): called every few
   * thousand steps and once at the end. Throw from it to stop the call (the error propagates). When left out, a call
   * stops after {@linkcode defaultRegexpSteps} steps with a {@linkcode RegexpBudgetError}.
   */
  readonly charge?: (steps: number) => void;
  /**
   * Checks the length (UTF-16 code units) of the text a replacement has built so far, after each replaced match:
   * throw from it to stop a replacement that would grow past a bound (an empty pattern inserts `repl` between every
   * two characters).
   */
  readonly checkLength?: (length: number) => void;
}

/** A compiled Go regular expression. Immutable; safe to share and to cache. */
export interface GoRegexp {
  /** The pattern it was compiled from. */
  readonly source: string;
  /** The number of capturing groups. */
  readonly numSubexp: number;
  /** The names of the groups, index 0 (the whole match) and unnamed groups being `""`. */
  readonly subexpNames: readonly string[];
  /** Go's `MatchString`: whether `s` contains a match. */
  matchString(s: string, options?: RegexpRunOptions): boolean;
  /** Go's `FindStringSubmatchIndex`: start and end of the leftmost match and of each group (-1 if unused). */
  findStringSubmatchIndex(s: string, options?: RegexpRunOptions): number[] | undefined;
  /** Go's `FindAllStringSubmatchIndex`: successive matches (at most `n`, all if `n < 0`). */
  findAllStringSubmatchIndex(s: string, n: number, options?: RegexpRunOptions): number[][];
  /** Go's `FindAllString`: the text of successive matches (at most `n`, all if `n < 0`). */
  findAllString(s: string, n: number, options?: RegexpRunOptions): string[];
  /** Go's `ReplaceAllString`: every match replaced by `repl`, with `$1`, `${1}`, `$name`, `${name}`, `$$` expanded. */
  replaceAllString(src: string, repl: string, options?: RegexpRunOptions): string;
  /** Go's `ReplaceAllLiteralString`: every match replaced by `repl` as it is. */
  replaceAllLiteralString(src: string, repl: string, options?: RegexpRunOptions): string;
  /** Go's `Split`: the substrings between matches (at most `n`, all if `n < 0`, none if `n == 0`). */
  split(s: string, n: number, options?: RegexpRunOptions): string[];
  /** Go's `ExpandString`: `template` with `$…` references replaced by the groups of `match` (indices into `src`). */
  expand(template: string, src: string, match: readonly number[]): string;
}

/** Steps a matching call may take when the caller does not charge them (about a tenth of a second). */
export const defaultRegexpSteps = 10_000_000;

/** A matching call took more than {@linkcode defaultRegexpSteps} steps (the pattern or the input is too large). */
export class RegexpBudgetError extends RangeError {
  constructor(steps: number) {
    super(`regexp: matching needs more than ${steps} steps: the pattern or the input is too large`);
    this.name = "RegexpBudgetError";
  }
}

// --- compiled regexp

const noReport: Report = () => {};

function meter(options: RegexpRunOptions | undefined, bound: number): Report {
  if (options?.charge !== undefined) return options.charge;
  if (bound <= defaultRegexpSteps) return noReport;
  let used = 0;
  return (steps) => {
    used += steps;
    if (used > defaultRegexpSteps) throw new RegexpBudgetError(defaultRegexpSteps);
  };
}

/**
 * A JavaScript `RegExp` for a set of literals (escaped code points, no quantifier, so it cannot backtrack more than the
 * literals' total length, at most 256, per position); `iu` folds as Go's `(?i)` does.
 */
function literalsRegExp(set: NonNullable<Prog["literalSet"]>): RegExp {
  const escape = (w: string): string => Array.from(w, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`).join("");
  return new RegExp(set.words.map(escape).join("|"), set.fold ? "iu" : "u");
}

class Compiled implements GoRegexp {
  readonly numSubexp: number;
  #backtrack: BacktrackMachine | undefined;
  #dfa: Dfa | null | undefined;
  #literals: RegExp | undefined;
  readonly #pike: (PikeMachine | undefined)[] = [];

  constructor(readonly source: string, readonly subexpNames: readonly string[], readonly prog: Prog) {
    this.numSubexp = subexpNames.length - 1;
    Object.freeze(subexpNames);
  }

  /** The leftmost-first match at or after `pos`, with `ncap` capture slots (0: only whether there is one). */
  exec(s: string, pos: number, ncap: number, report: Report): Int32Array | undefined {
    const prog = this.prog;
    if (prog.startCond < 0) return undefined;
    if (prog.prefixComplete && ncap <= 2) {
      const at = s.indexOf(prog.prefix, pos);
      return at < 0 ? undefined : Int32Array.of(at, at + prog.prefix.length).subarray(0, ncap);
    }
    if (canBacktrack(prog, s.length)) {
      const machine = this.#backtrack ?? newBacktrackMachine();
      this.#backtrack = undefined;
      const r = backtrackSearch(prog, s, { pos, ncap, machine, report });
      this.#backtrack = machine;
      return r;
    }
    const slot = ncap === 0 ? 0 : ncap === 2 ? 1 : 2;
    const machine = this.#pike[slot] ?? newPikeMachine(prog, ncap);
    this.#pike[slot] = undefined;
    const r = pikeSearch(prog, s, { pos, machine, report });
    this.#pike[slot] = machine;
    return r;
  }

  /** The most steps one search over `s` can take. */
  bound(s: string): number {
    return 2 * this.prog.op.length * (s.length + 2);
  }

  matchString(s: string, options?: RegexpRunOptions): boolean {
    const prog = this.prog;
    if (prog.startCond < 0) return false;
    const lit = prog.literal;
    if (lit !== undefined) {
      if (lit.start) return lit.end ? s === lit.text : s.startsWith(lit.text);
      return lit.end ? s.endsWith(lit.text) : s.includes(lit.text);
    }
    if (prog.literalSet !== undefined) return (this.#literals ??= literalsRegExp(prog.literalSet)).test(s);
    const report = meter(options, this.bound(s));
    const dfa = this.#dfa === undefined ? (this.#dfa = newDfa(prog) ?? null) : this.#dfa;
    const r = dfa === null ? undefined : dfaMatch(dfa, s, { report });
    return r ?? this.exec(s, 0, 0, report) !== undefined;
  }

  findStringSubmatchIndex(s: string, options?: RegexpRunOptions): number[] | undefined {
    const m = this.exec(s, 0, this.prog.numCap, meter(options, this.bound(s)));
    return m === undefined ? undefined : Array.from(m);
  }

  /** Go's allMatches: successive matches, an empty match right after the previous match left out. */
  allMatches(s: string, n: number, ncap: number, options: RegexpRunOptions | undefined): Int32Array[] {
    const report = meter(options, Infinity);
    const out: Int32Array[] = [];
    if (n < 0) n = s.length + 1;
    for (let pos = 0, prevEnd = -1; out.length < n && pos <= s.length;) {
      const m = this.exec(s, pos, ncap, report);
      if (m === undefined) break;
      const end = m[1] as number;
      let accept = true;
      if (end === pos) {
        if (m[0] === prevEnd) accept = false;
        pos += pos < s.length && (s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
      } else pos = end;
      prevEnd = end;
      if (accept) out.push(m);
    }
    return out;
  }

  findAllStringSubmatchIndex(s: string, n: number, options?: RegexpRunOptions): number[][] {
    return this.allMatches(s, n, this.prog.numCap, options).map((m) => Array.from(m));
  }

  findAllString(s: string, n: number, options?: RegexpRunOptions): string[] {
    return this.allMatches(s, n, 2, options).map((m) => s.slice(m[0], m[1]));
  }

  /** Go's replaceAll: `repl` gives the text for each match. */
  replace(src: string, ncap: number, repl: (m: Int32Array) => string, options: RegexpRunOptions | undefined): string {
    const report = meter(options, Infinity);
    let out = "";
    let lastEnd = 0;
    let search = 0;
    while (search <= src.length) {
      const a = this.exec(src, search, ncap, report);
      if (a === undefined) break;
      const [a0, a1] = a as unknown as [number, number];
      out += src.slice(lastEnd, a0);
      if (a1 > lastEnd || a0 === 0) out += repl(a);
      options?.checkLength?.(out.length);
      lastEnd = a1;
      const width = search < src.length ? ((src.codePointAt(search) ?? 0) > 0xffff ? 2 : 1) : 0;
      if (search + width > a1) search += width;
      else if (search + 1 > a1) search++;
      else search = a1;
    }
    return out + src.slice(lastEnd);
  }

  replaceAllString(src: string, repl: string, options?: RegexpRunOptions): string {
    if (!repl.includes("$")) return this.replace(src, 2, () => repl, options);
    return this.replace(
      src,
      this.prog.numCap,
      (m) => this.expand(repl, src, m as unknown as readonly number[]),
      options,
    );
  }

  replaceAllLiteralString(src: string, repl: string, options?: RegexpRunOptions): string {
    return this.replace(src, 2, () => repl, options);
  }

  split(s: string, n: number, options?: RegexpRunOptions): string[] {
    if (n === 0) return [];
    if (this.source.length > 0 && s === "") return [""];
    return splitByMatches(s, this.allMatches(s, n, 2, options), { n });
  }

  expand(template: string, src: string, match: readonly number[]): string {
    return expandTemplate(template, { src, match, names: this.subexpNames });
  }
}

// --- compile and cache

/**
 * Compiles a Go regular expression, as Go's `regexp.Compile` does.
 * @param pattern the pattern, in Go's (RE2) syntax
 * @returns the compiled expression, or Go's error message (`error parsing regexp: missing closing ]: \`[\``)
 */
export function compileGoRegexpUncached(pattern: string): Either<string, GoRegexp> {
  try {
    const parsed = parse(pattern);
    const prog = compileProg(parsed.re, { pattern, groups: parsed.names.length - 1 });
    return E.right(new Compiled(pattern, parsed.names, prog));
  } catch (e) {
    if (e instanceof RegexpSyntaxError) return E.left(e.message);
    throw e;
  }
}

// A memo of immutable results (compiling is pure), bounded by entries and by total program size; the only state this
// module keeps. Map order is insertion order: a hit moves the entry to the end, eviction takes from the front.
const cache = new Map<string, { readonly result: Either<string, GoRegexp>; readonly size: number }>();
const cacheEntries = 256;
const cacheInstructions = 1_000_000;
let cachedInstructions = 0;

/**
 * Compiles a Go regular expression, as Go's `regexp.Compile` does, once: the result is kept in a bounded cache (the
 * most recently used 256 patterns), so a pattern used in a loop or on every evaluation is compiled once.
 * @param pattern the pattern, in Go's (RE2) syntax
 * @returns the compiled expression, or Go's error message (`error parsing regexp: missing closing ]: \`[\``)
 * @example Go syntax and semantics, in linear time
 * ```ts
 * import { compileGoRegexp } from "./regexp.ts";
 * import { expect } from "vitest";
 * const re = compileGoRegexp("(?i)^(?P<word>[[:alpha:]]+)(?:-\\d+)?\\z");
 * expect(re._tag === "Right" && re.right.matchString("Hello-42")).toBe(true);
 * expect(re._tag === "Right" && re.right.replaceAllString("Hello-42", "${word}!")).toBe("Hello!");
 * expect(compileGoRegexp("a(?=b)")).toEqual({ _tag: "Left", left: "error parsing regexp: invalid or unsupported Perl syntax: `(?=`" });
 * ```
 */
export function compileGoRegexp(pattern: string): Either<string, GoRegexp> {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit.result;
  }
  const result = compileGoRegexpUncached(pattern);
  const size = pattern.length + (result._tag === "Right" ? (result.right as Compiled).prog.op.length : 0);
  if (size > cacheInstructions) return result;
  cache.set(pattern, { result, size });
  cachedInstructions += size;
  for (const [key, entry] of cache) {
    if (cache.size <= cacheEntries && cachedInstructions <= cacheInstructions) break;
    cache.delete(key);
    cachedInstructions -= entry.size;
  }
  return result;
}

/**
 * Go's `regexp.QuoteMeta`: `s` with every regexp metacharacter escaped, so that it matches itself literally.
 * @param s the text
 * @returns the pattern
 */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}
