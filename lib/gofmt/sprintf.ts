/**
 * Go's `fmt.Sprintf` over our value model.
 * @module
 */
import { badVerb, clearFlags, newPrinter, printArg, type Printer, reserve } from "./_printer.ts";
import type { FormatLimits } from "./format-limits.ts";
import { goTypeName, isGoInt } from "./go-type.ts";

const tooLarge = 1e6;

function parseNum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  if (start >= end) return { num: 0, ok: false, next: end };
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (num > tooLarge) return { num: 0, ok: false, next: end };
    num = num * 10 + c - 48;
    ok = true;
  }
  return { num, ok, next: i };
}

interface State {
  argNum: number;
  reordered: boolean;
  goodArgNum: boolean;
}

/** Parses an explicit argument index `[n]` at `i`; returns the new index position and whether one was found. */
function argNumber(st: State, format: string, i: number, numArgs: number): { i: number; found: boolean } {
  if (format.length <= i || format[i] !== "[") return { i, found: false };
  st.reordered = true;
  if (format.length - i < 3) {
    st.goodArgNum = false;
    return { i: i + 1, found: false };
  }
  for (let j = i + 1; j < format.length; j++) {
    if (format[j] !== "]") continue;
    const r = parseNum(format, i + 1, j);
    if (!r.ok || r.next !== j) {
      st.goodArgNum = false;
      return { i: j + 1, found: false };
    }
    const index = r.num - 1;
    if (index >= 0 && index < numArgs) {
      st.argNum = index;
      return { i: j + 1, found: true };
    }
    st.goodArgNum = false;
    return { i: j + 1, found: true };
  }
  st.goodArgNum = false;
  return { i: i + 1, found: false };
}

function intFromArg(args: readonly unknown[], st: State): { num: number; isInt: boolean } {
  let num = 0;
  let isInt = false;
  if (st.argNum < args.length) {
    const a = args[st.argNum];
    if (isGoInt(a)) {
      num = Number(a);
      isInt = true;
    }
    st.argNum++;
    if (Math.abs(num) > tooLarge) {
      num = 0;
      isInt = false;
    }
  }
  return { num, isInt };
}

/**
 * Formats like Go's `fmt.Sprintf`: verbs `v +v #v T t s q d b o O x X c U e E f F g G`, flags `+ - # 0 space`,
 * width and precision (also `*` and explicit indexes `%[2]d`), and Go's error forms (`%!d(string=x)`,
 * `%!v(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!v(BADINDEX)`).
 *
 * @param format the Go format string
 * @param args the operands (our value model: see `go-type.ts`)
 * @param limits bounds on the output's length and the operands' depth (none by default)
 * @returns the formatted text
 * @throws FormatLimitError when a bound would be passed
 * @example Padding and precision
 * ```ts
 * import { sprintf } from "./sprintf.ts";
 * import { expect } from "vitest";
 * expect(sprintf("%08.3f|%-4d|%q", [3.14159, 7, "a"])).toBe('0003.142|7   |"a"');
 * ```
 */
export function sprintf(format: string, args: readonly unknown[], limits?: FormatLimits): string {
  const p: Printer = newPrinter(limits);
  const st: State = { argNum: 0, reordered: false, goodArgNum: true };
  const end = format.length;
  let i = 0;
  while (i < end) {
    st.goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== "%") i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case "#":
          f.sharp = true;
          break;
        case "0":
          f.zero = !f.minus;
          break;
        case "+":
          f.plus = true;
          break;
        case "-":
          f.minus = true;
          f.zero = false;
          break;
        case " ":
          f.space = true;
          break;
        default:
          break flags;
      }
    }
    let r = argNumber(st, format, i, args.length);
    i = r.i;
    let afterIndex = r.found;
    if (i < end && format[i] === "*") {
      i++;
      const w = intFromArg(args, st);
      f.wid = w.num;
      f.widPresent = w.isInt;
      if (!f.widPresent) p.buf += "%!(BADWIDTH)";
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parseNum(format, i, end);
      f.wid = n.num;
      f.widPresent = n.ok;
      i = n.next;
      if (afterIndex && f.widPresent) st.goodArgNum = false;
    }
    if (i + 1 < end && format[i] === ".") {
      i++;
      if (afterIndex) st.goodArgNum = false;
      r = argNumber(st, format, i, args.length);
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === "*") {
        i++;
        const pr = intFromArg(args, st);
        f.prec = pr.num;
        f.precPresent = pr.isInt;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += "%!(BADPREC)";
        afterIndex = false;
      } else {
        const n = parseNum(format, i, end);
        f.prec = n.ok ? n.num : 0;
        f.precPresent = true;
        i = n.next;
      }
    }
    if (!afterIndex) {
      r = argNumber(st, format, i, args.length);
      i = r.i;
      afterIndex = r.found;
    }
    if (i >= end) {
      p.buf += "%!(NOVERB)";
      break;
    }
    const cp = format.codePointAt(i) ?? 0;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    if (verb === "%") p.buf += "%";
    else if (!st.goodArgNum) p.buf += "%!" + verb + "(BADINDEX)";
    else if (st.argNum >= args.length) p.buf += "%!" + verb + "(MISSING)";
    else {
      if (verb === "v") {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      if (verb === "w") badVerb(p, verb, args[st.argNum]);
      else printArg(p, args[st.argNum], verb);
      st.argNum++;
    }
  }
  if (!st.reordered && st.argNum < args.length) {
    p.f = clearFlags();
    p.buf += "%!(EXTRA ";
    args.slice(st.argNum).forEach((a, k) => {
      if (k > 0) p.buf += ", ";
      if (a === null || a === undefined) p.buf += "<nil>";
      else {
        p.buf += goTypeName(a) + "=";
        printArg(p, a, "v");
      }
    });
    p.buf += ")";
  }
  reserve(p, 0);
  return p.buf;
}
