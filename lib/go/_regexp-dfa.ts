/**
 * A lazily built DFA for "is there a match" (Go's `MatchString`, expr's `matches`), as RE2 builds one: a state is the
 * set of program threads alive before a character plus what the previous character was (for `^ $ \b \B` in `(?m)`
 * and word contexts); its transitions are computed on first use and kept, so a warm pattern reads each input
 * character with one table lookup. ASCII characters are grouped into classes that no instruction tells apart. The
 * number of states is bounded; past it the caller falls back to the NFA matchers. Private to the regexp module.
 * @module
 */
import { hasFolds } from "./_regexp-class.ts";
import {
  codePointAt,
  isWord,
  opAlt,
  opAny,
  opAnyNotNL,
  opAssert,
  opCapture,
  opClass,
  opMatch,
  opNop,
  opRune,
  type Prog,
  type Report,
  reportEvery,
} from "./_regexp-prog.ts";
import { beginLine, beginText, endLine, endText, noWordBoundary, wordBoundary } from "./_regexp-syntax.ts";

/**
 * Largest program given a DFA, and the memory one DFA may hold, in cells (a thread of a state, a transition): about
 * 100 KB, so the compiled-pattern cache with its DFAs stays within a few tens of MB whatever the patterns and inputs.
 */
const maxProg = 1000;
const maxCells = 8_192;

const atStart = 1, afterNewline = 2, afterWord = 4;

interface State {
  /** The threads (instructions before their empty-width closure), sorted. */
  readonly pcs: Int32Array;
  /** What the previous character was: `atStart`, `afterNewline`, `afterWord` bits (0 when the program has no assertions). */
  readonly before: number;
  /** Next state by ASCII class; `matched` when a match ends before the character. */
  readonly ascii: (State | typeof matched | undefined)[];
  other: Map<number, State | typeof matched> | undefined;
  /** Whether a match ends at the end of the input from here: 0 unknown, 1 no, 2 yes. */
  atEnd: number;
  /**
   * 0, or what to do on entering: `dead` (no thread is left and none will start: no match from here), `idle` (no
   * thread is left: skip to the next occurrence of the literal every match starts with).
   */
  readonly stop: number;
}

const dead = 1, idle = 2;

const matched = 0;

/** The DFA of one program: its states and ASCII classes. Not shared between programs. */
export interface Dfa {
  readonly prog: Prog;
  readonly asserts: boolean;
  readonly anchored: boolean;
  /** Finds where the literal every match starts with (once the leading assertions hold) occurs next. */
  readonly accel: string | RegExp | undefined;
  readonly classOf: Uint8Array;
  readonly classes: number;
  readonly states: Map<string, State>;
  start: State;
  /** The cells the states hold (see `maxCells`). */
  cells: number;
  readonly gen: Int32Array;
  readonly stack: Int32Array;
  g: number;
  /** The states without threads, by what the previous character was. */
  readonly idle: (State | undefined)[];
  /** Steps spent building states during the current search. */
  readonly work: { steps: number };
}

function consumes(prog: Prog, pc: number, c: number): boolean {
  switch (prog.op[pc]) {
    case opRune:
      return c === prog.arg[pc];
    case opClass:
      return (prog.classes[prog.arg[pc] as number] as (cp: number) => boolean)(c);
    case opAny:
      return true;
    case opAnyNotNL:
      return c !== 10;
    default:
      return false;
  }
}

/** A DFA for `prog`, or undefined when the program is too large to be worth one. */
export function newDfa(prog: Prog): Dfa | undefined {
  const n = prog.op.length;
  if (n > maxProg || prog.startCond < 0) return undefined;
  const asserts = prog.op.includes(opAssert);
  const consuming: number[] = [];
  for (let pc = 0; pc < n; pc++) if (prog.op[pc] as number >= opRune) consuming.push(pc);
  const classOf = new Uint8Array(128);
  const seen = new Map<string, number>();
  for (let c = 0; c < 128; c++) {
    const sig = consuming.map((pc) => (consumes(prog, pc, c) ? "1" : "0")).join("") +
      (asserts ? `${isWord(c)}${c === 10}` : "");
    let k = seen.get(sig);
    if (k === undefined) seen.set(sig, k = seen.size);
    classOf[c] = k;
  }
  const dfa = {
    prog,
    asserts,
    anchored: (prog.startCond & beginText) !== 0,
    accel: accelerator(prog),
    classOf,
    classes: seen.size,
    states: new Map<string, State>(),
    cells: 0,
    gen: new Int32Array(n),
    stack: new Int32Array(n + 1),
    g: 0,
    work: { steps: 0 },
    idle: new Array<State | undefined>(8).fill(undefined),
  };
  return Object.assign(dfa, { start: state(dfa, Int32Array.of(prog.start), asserts ? atStart : 0) as State });
}

/**
 * How to find the next place a match can start when no thread is alive: the literal on the single path from the start
 * (after leading assertions, captures and no-ops) for `indexOf`; or else the characters a match can start with, when
 * every match reads one and each first instruction is a literal. Under `(?i)` these become a one-literal or
 * one-class `RegExp` with the `iu` flags (the same simple case folding as Go's; it may find more candidates than
 * needed, never fewer — the DFA checks each).
 */
function accelerator(prog: Prog): string | RegExp | undefined {
  const { op, out, arg } = prog;
  const literalAt = (pc: number): number =>
    op[pc] === opRune ? arg[pc] as number : op[pc] === opClass ? prog.foldedChars[arg[pc] as number] as number : -1;
  const atom = (cp: number): string => `\\u{${cp.toString(16)}}`;
  let pc = prog.start;
  let lit = "";
  let fold: boolean | undefined;
  for (;;) {
    const cp = literalAt(pc);
    // A character without case forms reads the same with or without folding.
    const folds = op[pc] === opClass ? true : cp >= 0 && hasFolds(cp) ? false : undefined;
    if (cp >= 0 && cp !== 0xfffd && (fold === undefined || folds === undefined || fold === folds)) {
      fold ??= folds;
      lit += String.fromCodePoint(cp);
    } else if (!(op[pc] === opNop || op[pc] === opCapture || (op[pc] === opAssert && lit === ""))) break;
    pc = out[pc] as number;
  }
  if (lit !== "") {
    return fold ? new RegExp(Array.from(lit, (c) => atom(c.codePointAt(0) as number)).join(""), "giu") : lit;
  }
  const first = new Set<number>();
  const seen = new Set<number>();
  const todo = [prog.start];
  while (todo.length > 0) {
    const at = todo.pop() as number;
    if (at === 0 || seen.has(at)) continue;
    seen.add(at);
    const o = op[at];
    if (o === opMatch || (o as number) >= opAny || first.size > 32) return undefined;
    if (o === opAlt) todo.push(arg[at] as number);
    if (o === opAlt || o === opNop || o === opCapture || o === opAssert) todo.push(out[at] as number);
    else {
      const cp = literalAt(at);
      if (cp < 0) return undefined;
      fold ||= o === opClass;
      first.add(cp);
    }
  }
  return first.size === 0 ? undefined : new RegExp(`[${[...first].map(atom).join("")}]`, fold ? "giu" : "gu");
}

/** The next position at or after `pos` where the accelerator's literal starts, or -1. */
function nextCandidate(accel: string | RegExp, s: string, pos: number): number {
  if (typeof accel === "string") return s.indexOf(accel, pos);
  accel.lastIndex = pos;
  return accel.exec(s)?.index ?? -1;
}

/** The state with no thread after the character before `pos` (pos > 0). */
function idleAt(dfa: Dfa, s: string, pos: number): State | undefined {
  const prev = s.charCodeAt(pos - 1);
  const before = dfa.asserts ? (prev === 10 ? afterNewline : 0) | (isWord(prev) ? afterWord : 0) : 0;
  return dfa.idle[before] ??= state(dfa, new Int32Array(0), before);
}

/** Drops every state (the cache is full) and returns the new copy of `keep`. */
function reset(dfa: Dfa, keep: State): State {
  dfa.states.clear();
  dfa.cells = 0;
  dfa.idle.fill(undefined);
  dfa.start = state(dfa, dfa.start.pcs, dfa.start.before) as State;
  return state(dfa, keep.pcs, keep.before) as State;
}

function state(
  dfa: Pick<Dfa, "states" | "classes" | "anchored" | "accel" | "cells">,
  pcs: Int32Array,
  before: number,
): State | undefined {
  const key = `${before}:${pcs.join(",")}`;
  let s = dfa.states.get(key);
  if (s === undefined) {
    if (dfa.cells + pcs.length + dfa.classes > maxCells) return undefined;
    dfa.cells += pcs.length + dfa.classes;
    const empty = pcs.length === 0 && (before & atStart) === 0;
    const stop = empty && dfa.anchored ? dead : empty && dfa.accel !== undefined ? idle : 0;
    s = { pcs, before, ascii: new Array(dfa.classes).fill(undefined), other: undefined, atEnd: 0, stop };
    dfa.states.set(key, s);
  }
  return s;
}

/** The assertions that hold between a previous character described by `before` and `c` (-1 at the end). */
function flagsAt(before: number, c: number): number {
  let f = 0;
  if (before & atStart) f |= beginText | beginLine;
  else if (before & afterNewline) f |= beginLine;
  if (c < 0) f |= endText | endLine;
  else if (c === 10) f |= endLine;
  return f | ((before & afterWord) !== 0 !== isWord(c) ? wordBoundary : noWordBoundary);
}

/**
 * Follows the empty-width closure of `s`'s threads (plus a new thread at the program start, unless anchored past the
 * start) under the assertions of `c`; returns the reached consuming instructions, or `matched` when one is a match.
 */
function closure(dfa: Dfa, s: State, c: number, work: { steps: number }): number[] | typeof matched {
  const { op, out, arg } = dfa.prog;
  const { gen, stack } = dfa;
  const g = ++dfa.g;
  const flags = dfa.asserts ? flagsAt(s.before, c) : 0;
  const found: number[] = [];
  const roots = !dfa.anchored || (s.before & atStart) !== 0 ? [...s.pcs, dfa.prog.start] : s.pcs;
  for (const root of roots) {
    let sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const pc = stack[--sp] as number;
      if (pc === 0 || gen[pc] === g) continue;
      gen[pc] = g;
      work.steps++;
      switch (op[pc]) {
        case opMatch:
          return matched;
        case opAlt:
          stack[sp++] = arg[pc] as number;
          stack[sp++] = out[pc] as number;
          break;
        case opAssert:
          if ((flags & (arg[pc] as number)) === arg[pc]) stack[sp++] = out[pc] as number;
          break;
        case opCapture:
        case opNop:
          stack[sp++] = out[pc] as number;
          break;
        default:
          found.push(pc);
      }
    }
  }
  return found;
}

/** The state after reading `c` from `s`, `matched`, or undefined when the DFA is full. */
function step(dfa: Dfa, s: State, c: number, work: { steps: number }): State | typeof matched | undefined {
  const threads = closure(dfa, s, c, work);
  if (threads === matched) return matched;
  const next = new Set<number>();
  for (const pc of threads) if (consumes(dfa.prog, pc, c)) next.add(dfa.prog.out[pc] as number);
  const before = dfa.asserts ? (c === 10 ? afterNewline : 0) | (isWord(c) ? afterWord : 0) : 0;
  return state(dfa, Int32Array.from([...next].sort((a, b) => a - b)), before);
}

/**
 * Whether `s` contains a match of the DFA's program, or undefined when the DFA keeps filling up (the caller then asks
 * an NFA matcher).
 * @param dfa the DFA
 * @param s the input
 * @param options where to report steps (one per character plus the work of building states)
 */
export function dfaMatch(dfa: Dfa, s: string, options: { readonly report: Report }): boolean | undefined {
  const report = options.report;
  const work = dfa.work;
  work.steps = 0;
  const { classOf } = dfa;
  const n = s.length;
  let st = dfa.start;
  let resets = 0;
  let reported = 0;
  let pos = 0;
  while (pos < n) {
    const unit = s.charCodeAt(pos);
    let next: State | typeof matched | undefined = unit < 128 ? st.ascii[classOf[unit] as number] : undefined;
    if (next === undefined || next === matched || (pos & 1023) === 1023) {
      const c = codePointAt(s, pos);
      if (c >= 128) next = st.other?.get(c);
      if (next === undefined) {
        next = step(dfa, st, c, work);
        if (next === undefined) {
          if (++resets > 2) return undefined;
          st = reset(dfa, st);
          continue;
        }
        if (c < 128) st.ascii[classOf[c] as number] = next;
        else if (dfa.cells < maxCells) {
          (st.other ??= new Map()).set(c, next);
          dfa.cells++;
        }
      }
      if (next === matched) {
        report(pos + work.steps - reported);
        return true;
      }
      pos += c > 0xffff ? 2 : 1;
      if (pos + work.steps - reported >= reportEvery) {
        report(pos + work.steps - reported);
        reported = pos + work.steps;
      }
    } else pos++;
    st = next;
    if (st.stop === 0) continue;
    if (st.stop === dead) break;
    const at = nextCandidate(dfa.accel as string | RegExp, s, pos);
    if (at < 0) break;
    const jump = at > pos ? idleAt(dfa, s, at) : undefined;
    if (jump !== undefined) {
      st = jump;
      pos = at;
      work.steps++;
    }
  }
  if (st.atEnd === 0) st.atEnd = closure(dfa, st, -1, work) === matched ? 2 : 1;
  report(pos + work.steps - reported);
  return st.atEnd === 2;
}
