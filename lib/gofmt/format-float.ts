/**
 * Go's `strconv.FormatFloat(v, fmt, prec, 64)` for the formats `e E f g G b`, the base of `%v`/`%e`/`%f`/`%g`.
 * @module
 */

/** A decimal `0.d × 10^dp` with no leading or trailing zeros in `d` (zero is `d = ""`). */
interface Decimal {
  readonly d: string;
  readonly dp: number;
}

/** The verbs of `strconv.FormatFloat` this module implements. */
export type FloatFormat = "e" | "E" | "f" | "g" | "G" | "b" | "x" | "X";

/**
 * Formats a float64 as Go's `strconv.FormatFloat(v, format, prec, 64)` does (`x`/`X`: hex mantissa and binary exponent): shortest round-trip digits when `prec`
 * is -1, otherwise the exact binary value rounded half-to-even at `prec` (digits after the point for `e`/`f`,
 * significant digits for `g`).
 *
 * @param v the float64
 * @param format one of `e E f g G b`
 * @param prec the precision, or -1 for the shortest representation
 * @returns the text, e.g. `1e+06`, `3.142`, `+Inf`
 * @example Shortest and fixed
 * ```ts
 * import { formatFloat } from "./format-float.ts";
 * import { expect } from "vitest";
 * expect(formatFloat(1e6, "g", -1)).toBe("1e+06");
 * expect(formatFloat(2.5, "f", 0)).toBe("2");
 * ```
 */
export function formatFloat(v: number, format: FloatFormat, prec: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  const neg = v < 0 || Object.is(v, -0);
  if (format === "b") return formatBinary(neg, Math.abs(v));
  if (format === "x" || format === "X") return formatHex(neg, Math.abs(v), prec, format);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(Math.abs(v));
    prec = format === "e" || format === "E"
      ? Math.max(digs.d.length - 1, 0)
      : format === "f"
      ? Math.max(digs.d.length - digs.dp, 0)
      : digs.d.length;
  } else {
    const exact = exactDecimal(Math.abs(v));
    if (format === "e" || format === "E") digs = roundDecimal(exact, prec + 1);
    else if (format === "f") digs = roundDecimal(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDecimal(exact, prec);
    }
  }
  return formatDigits(neg, digs, prec, format, shortest);
}

function formatDigits(neg: boolean, digs: Decimal, prec: number, format: FloatFormat, shortest: boolean): string {
  if (format === "e" || format === "E") return formatE(neg, digs, prec, format);
  if (format === "f") return formatF(neg, digs, prec);
  const nd = digs.d.length;
  let eprec = prec;
  if (eprec > nd && nd >= digs.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return formatE(neg, digs, prec - 1, format === "g" ? "e" : "E");
  }
  if (prec > digs.dp) prec = nd;
  return formatF(neg, digs, Math.max(prec - digs.dp, 0));
}

function formatE(neg: boolean, digs: Decimal, prec: number, e: string): string {
  const nd = digs.d.length;
  let out = neg ? "-" : "";
  out += nd === 0 ? "0" : digs.d[0];
  if (prec > 0) {
    out += ".";
    const frac = digs.d.slice(1, Math.min(nd, prec + 1));
    out += frac + "0".repeat(prec - frac.length);
  }
  const exp = nd === 0 ? 0 : digs.dp - 1;
  const abs = Math.abs(exp);
  return out + e + (exp < 0 ? "-" : "+") + (abs < 10 ? "0" : "") + String(abs);
}

function formatF(neg: boolean, digs: Decimal, prec: number): string {
  const nd = digs.d.length;
  let out = neg ? "-" : "";
  if (digs.dp > 0) {
    const m = Math.min(nd, digs.dp);
    out += digs.d.slice(0, m) + "0".repeat(digs.dp - m);
  } else out += "0";
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) {
      const j = digs.dp + i - 1;
      out += j >= 0 && j < nd ? digs.d[j] : "0";
    }
  }
  return out;
}

function formatBinary(neg: boolean, v: number): string {
  const { mant, exp } = decompose(v);
  return (neg ? "-" : "") + mant.toString() + "p" + (exp >= 0 ? "+" : "") + String(exp);
}

function formatHex(neg: boolean, v: number, prec: number, format: "x" | "X"): string {
  let { mant, exp } = decompose(v);
  exp += 52;
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  const one60 = 1n << 60n;
  while (mant !== 0n && (mant & one60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (one60 - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const digits = format === "x" ? "0123456789abcdef" : "0123456789ABCDEF";
  let out = (neg ? "-" : "") + "0" + format + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const next = (): string => {
    const d = digits[Number((mant >> 60n) & 15n)] ?? "";
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    return d;
  };
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) out += next();
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) out += next();
  }
  out += format === "x" ? "p" : "P";
  out += exp < 0 ? "-" : "+";
  return out + String(Math.abs(exp)).padStart(2, "0");
}

// --- decimal conversions

/** The float64 as `mant × 2^exp` with an integer mantissa, from its IEEE-754 bits. */
function decompose(v: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: biased - 1075 };
}

function trimDecimal(d: string, dp: number): Decimal {
  let end = d.length;
  while (end > 0 && d[end - 1] === "0") end--;
  let start = 0;
  while (start < end && d[start] === "0") {
    start++;
    dp--;
  }
  return start === end ? { d: "", dp: 0 } : { d: d.slice(start, end), dp };
}

function exactDecimal(v: number): Decimal {
  if (v === 0) return { d: "", dp: 0 };
  const { mant, exp } = decompose(v);
  if (exp >= 0) {
    const s = (mant << BigInt(exp)).toString();
    return trimDecimal(s, s.length);
  }
  const s = (mant * 5n ** BigInt(-exp)).toString();
  return trimDecimal(s, s.length + exp);
}

function shortestDecimal(v: number): Decimal {
  if (v === 0) return { d: "", dp: 0 };
  const s = v.toExponential();
  const e = s.indexOf("e");
  const digits = s.slice(0, e).replace(".", "");
  return trimDecimal(digits, Number(s.slice(e + 1)) + 1);
}

/** Rounds to `nd` significant digits, half to even on the exact value (as Go's `strconv` decimal rounding). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return nd < 0 ? { d: "", dp: 0 } : a;
  const c = a.d.charCodeAt(nd);
  let up: boolean;
  if (c > 53) up = true;
  else if (c < 53) up = false;
  else if (nd + 1 < a.d.length) up = true; // trailing digits are non-zero: `d` has no trailing zeros
  else up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  if (!up) return trimDecimal(a.d.slice(0, nd), a.dp);
  let i = nd - 1;
  while (i >= 0 && a.d[i] === "9") i--;
  if (i < 0) return { d: "1", dp: a.dp + 1 };
  return trimDecimal(a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), a.dp);
}
