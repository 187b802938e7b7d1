/**
 * Go's `time.Duration`: a signed count of nanoseconds, with the method names that expressions and templates call by
 * reflection (`Hours`, `Minutes`, `String` …).
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { encodeUtf8 } from "../go/utf8.ts";

// --- model

/** Nanoseconds in one unit, as Go's `time.Nanosecond` … `time.Hour` constants. */
export const nanosecond = 1;
/** One microsecond in nanoseconds. */
export const microsecond = 1_000;
/** One millisecond in nanoseconds. */
export const millisecond = 1_000_000;
/** One second in nanoseconds. */
export const second = 1_000_000_000;
/** One minute in nanoseconds. */
export const minute = 60_000_000_000;
/** One hour in nanoseconds. */
export const hour = 3_600_000_000_000;

/** Go's `math.MinInt64`: the most negative Duration, where `Time.Sub` saturates below. */
export const minDurationNs: number = -(2 ** 63);
/**
 * Go's `math.MaxInt64` (9223372036854775807 ns), where `Time.Sub` saturates above. It has no exact double: it is held
 * as 2^63, which no int64 can be, so the value is unambiguous and is printed exactly by {@linkcode formatDuration}.
 */
export const maxDurationNs: number = 2 ** 63;

const maxInt64 = 9223372036854775807n;

/**
 * A Go `time.Duration`. The count is held as a JS number of nanoseconds, which is exact for every whole-millisecond
 * duration up to ±285 years and for every duration up to ±104 days; the int64 limits are exact too (see
 * {@linkcode maxDurationNs}), so a saturated `Sub` prints as Go prints it.
 *
 * @example Printing like Go
 * ```ts
 * import { expect } from "expect";
 * import { GoDuration } from "./duration.ts";
 * expect(new GoDuration(90 * 60 * 1e9).String()).toBe("1h30m0s");
 * ```
 */
export class GoDuration {
  /** The duration in nanoseconds (integral). */
  readonly ns: number;

  /** The exact count when `ns` is beyond 2^53 and was built from one ({@linkcode GoDuration.fromBigInt}). */
  readonly exact: bigint | undefined;

  constructor(ns: number, exact?: bigint) {
    this.ns = Math.trunc(ns) + 0;
    this.exact = exact !== undefined && Math.abs(this.ns) > Number.MAX_SAFE_INTEGER ? exact : undefined;
  }

  /** A Duration from exact nanoseconds, wrapped to int64 as Go's Duration arithmetic wraps (`time.Hour * 1e10`). */
  static fromBigInt(ns: bigint): GoDuration {
    const wrapped = BigInt.asIntN(64, ns);
    return new GoDuration(Number(wrapped), wrapped);
  }

  /** The exact nanosecond count (MaxInt64 for {@linkcode maxDurationNs}). */
  toBigInt(): bigint {
    return this.exact ?? (this.ns >= maxDurationNs ? maxInt64 : BigInt(this.ns));
  }

  /** The duration as floating-point hours. */
  Hours(): number {
    return split(this.ns, hour);
  }
  /** The duration as floating-point minutes. */
  Minutes(): number {
    return split(this.ns, minute);
  }
  /** The duration as floating-point seconds. */
  Seconds(): number {
    return split(this.ns, second);
  }
  /** Whole milliseconds (truncated toward zero). */
  Milliseconds(): number {
    return this.big() ? Number(this.toBigInt() / 1_000_000n) : Math.trunc(this.ns / millisecond) + 0;
  }
  /**
   * Whole microseconds (truncated toward zero): a number, or beyond 2^53 a `bigint` (an int64 in our value model),
   * so a saturated `Sub` prints 9223372036854775 as Go does.
   */
  Microseconds(): number | bigint {
    return this.big() ? exactInt(this.toBigInt() / 1_000n) : Math.trunc(this.ns / microsecond) + 0;
  }
  /** The nanosecond count: a number, or beyond 2^53 a `bigint` (9223372036854775807 for a saturated `Sub`). */
  Nanoseconds(): number | bigint {
    return this.big() ? exactInt(this.toBigInt()) : this.ns;
  }
  /** Whether the count is beyond what a double holds exactly. */
  private big(): boolean {
    return Math.abs(this.ns) > Number.MAX_SAFE_INTEGER;
  }
  /** The absolute value. */
  Abs(): GoDuration {
    return new GoDuration(Math.abs(this.ns));
  }
  /** Rounds toward zero to a multiple of `m` (unchanged when `m <= 0`). */
  Truncate(m: GoDuration): GoDuration {
    return m.ns <= 0 ? this : new GoDuration(this.ns - (this.ns % m.ns));
  }
  /** Rounds to the nearest multiple of `m`, halfway values away from zero (unchanged when `m <= 0`). */
  Round(m: GoDuration): GoDuration {
    if (m.ns <= 0) return this;
    const r = Math.abs(this.ns % m.ns);
    const base = this.ns < 0 ? -1 : 1;
    const down = this.ns - base * r;
    return new GoDuration(r + r < m.ns ? down : down + base * m.ns);
  }
  /** Go's `Duration.String()`: `1h2m3.5s`, `30m0s`, `0s`, `1.5µs`. */
  String(): string {
    return this.exact === undefined ? formatDuration(this.ns) : formatBigDuration(this.exact);
  }
  /** Same as {@linkcode GoDuration.String}. */
  toString(): string {
    return this.String();
  }
}

// --- utils

/** An exact integer as a number when a double holds it, else as a bigint. */
function exactInt(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function split(ns: number, unit: number): number {
  const whole = Math.trunc(ns / unit);
  return whole + (ns - whole * unit) / unit;
}

function fraction(v: number, digits: number): string {
  const s = String(v).padStart(digits, "0").replace(/0+$/, "");
  return s === "" ? "" : `.${s}`;
}

/** Formats nanoseconds the way Go's `Duration.String` does. */
export function formatDuration(ns: number): string {
  if (ns === 0) return "0s";
  if (Math.abs(ns) > Number.MAX_SAFE_INTEGER) return formatBigDuration(ns >= maxDurationNs ? maxInt64 : BigInt(ns));
  const sign = ns < 0 ? "-" : "";
  const u = Math.abs(ns);
  if (u < microsecond) return `${sign}${u}ns`;
  if (u < millisecond) return `${sign}${Math.floor(u / 1e3)}${fraction(u % 1e3, 3)}µs`;
  if (u < second) return `${sign}${Math.floor(u / 1e6)}${fraction(u % 1e6, 6)}ms`;
  const totalSec = Math.floor(u / second);
  const frac = fraction(u - totalSec * second, 9);
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  if (h > 0) return `${sign}${h}h${m}m${s}${frac}s`;
  if (m > 0) return `${sign}${m}m${s}${frac}s`;
  return `${sign}${s}${frac}s`;
}

/** {@linkcode formatDuration} beyond 2^53 ns (about 104 days), where a double no longer holds every nanosecond. */
function formatBigDuration(ns: bigint): string {
  const sign = ns < 0n ? "-" : "";
  const u = ns < 0n ? -ns : ns;
  const totalSec = u / 1_000_000_000n;
  const frac = fraction(Number(u % 1_000_000_000n), 9);
  const h = totalSec / 3600n;
  const m = (totalSec % 3600n) / 60n;
  const s = totalSec % 60n;
  return `${sign}${h}h${m}m${s}${frac}s`;
}

const units: Readonly<Record<string, number>> = {
  ns: nanosecond,
  us: microsecond,
  "µs": microsecond,
  "μs": microsecond,
  ms: millisecond,
  s: second,
  m: minute,
  h: hour,
};

/**
 * Parses a duration string the way Go's `time.ParseDuration` does: `"1h30m"`, `"-1.5s"`, `"300ms"`, `"0"`.
 * Errors carry Go's message text (`time: invalid duration "x"`).
 */
export function parseDuration(s: string): Either<string, GoDuration> {
  const orig = s;
  const invalid = E.left(`time: invalid duration ${quoteGo(orig)}`);
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return E.right(new GoDuration(0));
  if (s === "") return invalid;
  let total = 0;
  while (s !== "") {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const intPart = m?.[1] ?? "";
    const fracPart = m?.[2];
    if (intPart === "" && (fracPart === undefined || fracPart === "")) return invalid;
    s = s.slice(m?.[0].length ?? 0);
    const u = /^[^\d.]*/.exec(s)?.[0] ?? "";
    if (u === "") return E.left(`time: missing unit in duration ${quoteGo(orig)}`);
    const unit = units[u];
    if (unit === undefined) return E.left(`time: unknown unit ${quoteGo(u)} in duration ${quoteGo(orig)}`);
    s = s.slice(u.length);
    let v = Number(intPart === "" ? "0" : intPart) * unit;
    if (fracPart !== undefined && fracPart !== "") v += Math.floor(Number(`0.${fracPart}`) * unit);
    total += v;
    if (total > 9223372036854775807) return invalid;
  }
  return E.right(new GoDuration(neg ? -total : total));
}

/** Go's `time` package quoting of a value in error messages (`"…"`, non-ASCII bytes as `\xNN`). */
export function quoteGo(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x80 || c < 0x20) {
      for (const b of encodeUtf8(ch)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else {
      out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}
