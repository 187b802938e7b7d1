/**
 * The Pike VM (Thompson NFA simulation with submatch tracking, as Go's `regexp/exec.go`): all threads advance in step
 * over the input, one thread per instruction at most, in priority order, so a search takes at most
 * O(instructions × input) steps and leftmost-first submatches come out as Go's. Private to the regexp module.
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

/** The thread lists and scratch space of one search, reusable for the next search with the same program. */
export interface PikeMachine {
  readonly gen: Int32Array;
  readonly pcs: readonly [Int32Array, Int32Array];
  readonly caps: readonly [Int32Array, Int32Array];
  readonly stack: Int32Array;
  readonly work: Int32Array;
  readonly ncap: number;
}

/** A machine for `prog` that tracks `ncap` capture slots (0 when only "does it match" matters). */
export function newPikeMachine(prog: Prog, ncap: number): PikeMachine {
  const n = prog.op.length;
  return {
    gen: new Int32Array(n),
    pcs: [new Int32Array(n), new Int32Array(n)],
    caps: [new Int32Array(n * ncap), new Int32Array(n * ncap)],
    stack: new Int32Array(4 * n + 4),
    work: new Int32Array(ncap),
    ncap,
  };
}

/**
 * Finds the leftmost-first match of `prog` in `s` at or after `pos`.
 * @param prog the program
 * @param s the input
 * @param options where to start, the machine to use and where to report steps
 * @returns the `ncap` capture positions (UTF-16 indices, -1 for a group that did not take part), or undefined
 */
export function pikeSearch(
  prog: Prog,
  s: string,
  options: { readonly pos: number; readonly machine: PikeMachine; readonly report: Report },
): Int32Array | undefined {
  const { op, out, arg, classes, prefix } = prog;
  const m = options.machine;
  const { gen, stack, work, ncap } = m;
  gen.fill(0);
  const matchcap = new Int32Array(ncap).fill(-1);
  const startcap = new Int32Array(ncap).fill(-1);
  let matched = false;
  let g = 0;
  let steps = 0;
  let cur = 0;
  let clen = 0;
  let nlen = 0;
  let pos = options.pos;
  const anchored = (prog.startCond & beginText) !== 0;

  /** Adds `pc0` and everything it reaches without reading to list `li`, at input position `p`, Go's `add`. */
  const add = (li: number, len: number, pc0: number, p: number, from: Int32Array, fromAt: number): number => {
    const pcs = m.pcs[li] as Int32Array;
    const caps = m.caps[li] as Int32Array;
    for (let k = 0; k < ncap; k++) work[k] = from[fromAt + k] as number;
    let flags = -1;
    let sp = 0;
    stack[sp++] = pc0;
    stack[sp++] = 0;
    while (sp > 0) {
      const v = stack[--sp] as number;
      const pc = stack[--sp] as number;
      if (pc < 0) {
        work[-pc - 1] = v;
        continue;
      }
      if (pc === 0 || gen[pc] === g) continue;
      gen[pc] = g;
      steps++;
      switch (op[pc]) {
        case opAlt:
          stack[sp++] = arg[pc] as number;
          stack[sp++] = 0;
          stack[sp++] = out[pc] as number;
          stack[sp++] = 0;
          break;
        case opCapture: {
          const k = arg[pc] as number;
          if (k < ncap) {
            stack[sp++] = -k - 1;
            stack[sp++] = work[k] as number;
            work[k] = p;
          }
          stack[sp++] = out[pc] as number;
          stack[sp++] = 0;
          break;
        }
        case opAssert:
          if (flags < 0) flags = assertionsAt(s, p);
          if ((flags & (arg[pc] as number)) === arg[pc]) {
            stack[sp++] = out[pc] as number;
            stack[sp++] = 0;
          }
          break;
        case opNop:
          stack[sp++] = out[pc] as number;
          stack[sp++] = 0;
          break;
        default:
          pcs[len] = pc;
          for (let k = 0; k < ncap; k++) caps[len * ncap + k] = work[k] as number;
          len++;
      }
    }
    return len;
  };

  let c = codePointAt(s, pos);
  g++;
  for (;;) {
    if (clen === 0) {
      if ((anchored && pos !== 0) || matched) break;
      if (prefix !== "" && !s.startsWith(prefix, pos)) {
        const at = s.indexOf(prefix, pos);
        if (at < 0) break;
        pos = at;
        c = codePointAt(s, pos);
      }
    }
    if (!matched && (!anchored || pos === 0)) {
      if (ncap > 0) startcap[0] = pos;
      clen = add(cur, clen, prog.start, pos, startcap, 0);
    }
    const width = c < 0 ? 0 : c > 0xffff ? 2 : 1;
    const next = pos + width;
    const nxt = 1 - cur;
    const cpcs = m.pcs[cur] as Int32Array;
    const ccaps = m.caps[cur] as Int32Array;
    g++;
    nlen = 0;
    for (let j = 0; j < clen; j++) {
      const pc = cpcs[j] as number;
      steps++;
      let ok: boolean;
      switch (op[pc]) {
        case opMatch:
          if (ncap > 0) {
            for (let k = 0; k < ncap; k++) matchcap[k] = ccaps[j * ncap + k] as number;
            matchcap[1] = pos;
          }
          matched = true;
          j = clen;
          continue;
        case opRune:
          ok = c === arg[pc];
          break;
        case opClass:
          ok = c >= 0 && (classes[arg[pc] as number] as (cp: number) => boolean)(c);
          break;
        case opAny:
          ok = c >= 0;
          break;
        case opAnyNotNL:
          ok = c >= 0 && c !== 10;
          break;
        default:
          ok = false;
      }
      if (ok) nlen = add(nxt, nlen, out[pc] as number, next, ccaps, j * ncap);
    }
    if (steps >= reportEvery) {
      options.report(steps);
      steps = 0;
    }
    if (width === 0 || (ncap === 0 && matched)) break;
    pos = next;
    c = codePointAt(s, pos);
    cur = nxt;
    clen = nlen;
  }
  options.report(steps);
  return matched ? matchcap : undefined;
}
