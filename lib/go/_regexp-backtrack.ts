/**
 * The bit-state backtracker of Go's `regexp/backtrack.go`, for small programs on short inputs: a depth-first search
 * in priority order that marks every (instruction, position) pair it has tried, so no pair is tried twice and a search
 * takes at most O(instructions × input) steps — the same bound as the Pike VM, with less work per step. Its first
 * match is the Pike VM's leftmost-first match. Private to the regexp module.
 * @module
 */
import {
  assertionsAt,
  codePointAt,
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
import { beginText } from "./_regexp-syntax.ts";

const maxBits = 256 * 1024;
const maxProg = 500;

/** Whether the backtracker may run `prog` over an input of `length` UTF-16 units (its bitmap stays ≤ 32 KB). */
export function canBacktrack(prog: Prog, length: number): boolean {
  return prog.op.length <= maxProg && (length + 1) * prog.op.length <= maxBits;
}

/** The scratch space of the backtracker: the visited bitmap and the job stack. */
export interface BacktrackMachine {
  readonly visited: Uint32Array;
  readonly jobs: number[];
}

/** A backtracker's scratch space, reusable across searches. */
export function newBacktrackMachine(): BacktrackMachine {
  return { visited: new Uint32Array(maxBits / 32), jobs: [] };
}

/**
 * Finds the leftmost-first match of `prog` in `s` at or after `pos` (only when {@linkcode canBacktrack} allows it).
 * @param prog the program
 * @param s the input
 * @param options where to start, how many capture slots, the scratch space and where to report steps
 * @returns the `ncap` capture positions (UTF-16 indices, -1 for a group that did not take part), or undefined
 */
export function backtrackSearch(
  prog: Prog,
  s: string,
  options: { readonly pos: number; readonly ncap: number; readonly machine: BacktrackMachine; readonly report: Report },
): Int32Array | undefined {
  const { op, out, arg, classes, prefix } = prog;
  const { ncap, report } = options;
  const { visited, jobs } = options.machine;
  const stride = s.length + 1;
  visited.fill(0, 0, Math.ceil((op.length * stride) / 32));
  jobs.length = 0;
  const cap = new Int32Array(ncap).fill(-1);
  let steps = 0;

  const tryAt = (start: number): boolean => {
    const first = prog.start * stride + start;
    if (visited[first >>> 5]! & (1 << (first & 31))) return false;
    visited[first >>> 5]! |= 1 << (first & 31);
    jobs.push(prog.start, start, 0);
    while (jobs.length > 0) {
      let a = jobs.pop() as number;
      let p = jobs.pop() as number;
      let pc = jobs.pop() as number;
      let check = false;
      run: for (;;) {
        if (check) {
          const bit = pc * stride + p;
          if (visited[bit >>> 5]! & (1 << (bit & 31))) break;
          visited[bit >>> 5]! |= 1 << (bit & 31);
        }
        check = true;
        if (++steps >= reportEvery) {
          report(steps);
          steps = 0;
        }
        switch (op[pc]) {
          case opAlt:
            if (a) {
              a = 0;
              pc = arg[pc] as number;
            } else {
              jobs.push(pc, p, 1);
              pc = out[pc] as number;
            }
            continue;
          case opCapture: {
            const k = arg[pc] as number;
            if (a) {
              cap[k] = p;
              break run;
            }
            if (k < ncap) {
              jobs.push(pc, cap[k] as number, 1);
              cap[k] = p;
            }
            pc = out[pc] as number;
            continue;
          }
          case opAssert: {
            const need = arg[pc] as number;
            if ((assertionsAt(s, p) & need) !== need) break run;
            pc = out[pc] as number;
            continue;
          }
          case opNop:
            pc = out[pc] as number;
            continue;
          case opMatch:
            if (ncap > 1) cap[1] = p;
            return true;
          default: {
            const c = codePointAt(s, p);
            if (c < 0) break run;
            const o = op[pc];
            const ok = o === opRune
              ? c === arg[pc]
              : o === opClass
              ? (classes[arg[pc] as number] as (cp: number) => boolean)(c)
              : o === opAny || (o === opAnyNotNL && c !== 10);
            if (!ok) break run;
            p += c > 0xffff ? 2 : 1;
            pc = out[pc] as number;
          }
        }
      }
    }
    return false;
  };

  let found = false;
  let pos = options.pos;
  if ((prog.startCond & beginText) !== 0) {
    if (ncap > 0) cap[0] = pos;
    found = pos === 0 && tryAt(pos);
  } else {
    while (pos <= s.length) {
      if (prefix !== "" && !s.startsWith(prefix, pos)) {
        pos = s.indexOf(prefix, pos);
        if (pos < 0) break;
      }
      if (ncap > 0) cap[0] = pos;
      if (tryAt(pos)) {
        found = true;
        break;
      }
      if (pos === s.length) break;
      pos += codePointAt(s, pos) > 0xffff ? 2 : 1;
    }
  }
  report(steps);
  return found ? cap : undefined;
}
