/**
 * Go's number syntax as `strconv.ParseInt(s, 0, 64)` and `strconv.ParseFloat(s, 64)` read it: base prefixes
 * (`0x`, `0o`, `0b`, a leading `0` for octal), underscores between digits, hex floats (`0x1.8p1`), `inf` and `nan`.
 * The template parser reads its number literals with these, as `text/template/parse` does, and sprig's conversions
 * (spf13/cast) read strings with them.
 * @module
 */

const intSyntax = /^[+-]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|0(_?[0-7])*|[1-9](_?[0-9])*)$/;

/**
 * Reads an integer as Go's `strconv.ParseInt(s, 0, 64)` does, without its range check (the callers' ranges differ).
 *
 * @param s the text
 * @returns the integer, or undefined for a syntax error
 * @example Base prefixes and underscores
 * ```ts
 * import { parseGoInt } from "./parse-number.ts";
 * import { expect } from "vitest";
 * expect(parseGoInt("0x_ff")).toBe(255n);
 * expect(parseGoInt("017")).toBe(15n);
 * expect(parseGoInt("1__0")).toBe(undefined);
 * ```
 */
export function parseGoInt(s: string): bigint | undefined {
  if (!intSyntax.test(s)) return undefined;
  let t = s.replace(/^[+-]/, "").replaceAll("_", "");
  if (/^0[0-7]+$/.test(t)) t = `0o${t.slice(1)}`;
  const v = BigInt(t);
  return s.startsWith("-") ? -v : v;
}

/**
 * Whether an integer fits Go's `int64`: the range check `parseGoInt` leaves to its callers.
 *
 * @param n the integer
 * @returns whether -2^63 ≤ n < 2^63
 * @example
 * ```ts
 * import { isInt64 } from "./parse-number.ts";
 * import { expect } from "vitest";
 * expect([isInt64(2n ** 63n - 1n), isInt64(2n ** 63n), isInt64(-(2n ** 63n))]).toEqual([true, false, true]);
 * ```
 */
export function isInt64(n: bigint): boolean {
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

const goFloatLiteral = /^(?:[+-]?(?:\d+(\.\d*)?([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity)|nan)$/i;
const goHexFloat = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i;

/** Go's `underscoreOK`: an underscore only between digits, or between a base prefix and a digit (`1_000`, `0x_1p0`). */
function underscoresOk(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s[0] === "-" || s[0] === "+") s = s.slice(1);
  const hex = /^0x/i.test(s);
  if (/^0[box]/i.test(s)) {
    i = 2;
    saw = "0";
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? "";
    if (/[0-9]/.test(c) || (hex && /[a-f]/i.test(c))) saw = "0";
    else if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else if (saw === "_") return false;
    else saw = "!";
  }
  return saw !== "_";
}

/** A hex float (`0x1.8p+01`, what `%x` prints); undefined when the mantissa has no digit. */
function parseHexFloat(v: string): number | undefined {
  const m = goHexFloat.exec(v);
  if (m === null) return undefined;
  const [, sign = "", whole = "", frac = "", exp = "0"] = m;
  if (whole === "" && frac === "") return undefined;
  const mantissa = Number(BigInt("0x" + (whole + frac || "0")));
  const e = Number(exp) - 4 * frac.length;
  // Split the scaling so that 2^e itself cannot overflow or underflow before the product does.
  const x = mantissa * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2));
  return sign === "-" ? -x : x;
}

/**
 * Reads a float as Go's `strconv.ParseFloat(s, 64)` does: decimal or hex, `inf`, `infinity` and `nan` in any case.
 *
 * @param s the text
 * @returns the number, or undefined where Go returns an error (bad syntax, or out of float64's range)
 * @example Decimal and hex
 * ```ts
 * import { parseGoFloat } from "./parse-number.ts";
 * import { expect } from "vitest";
 * expect(parseGoFloat("1_000.5")).toBe(1000.5);
 * expect(parseGoFloat("0x1.8p1")).toBe(3);
 * expect(parseGoFloat("1e400")).toBe(undefined);
 * ```
 */
export function parseGoFloat(s: string): number | undefined {
  if (s.includes("_")) {
    if (!underscoresOk(s)) return undefined;
    s = s.replaceAll("_", "");
  }
  if (goFloatLiteral.test(s)) {
    const l = s.toLowerCase().replace(/^\+/, "");
    if (l.endsWith("inf") || l.endsWith("infinity")) return l.startsWith("-") ? -Infinity : Infinity;
    if (l === "nan") return NaN;
    const x = Number(s);
    return Number.isFinite(x) ? x : undefined;
  }
  const x = parseHexFloat(s);
  return x !== undefined && Number.isFinite(x) ? x : undefined;
}
