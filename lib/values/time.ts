/**
 * Go's `time.Time` (plus `time.Month` and `time.Weekday`) with the exported method names that expressions call by
 * reflection and templates call through `call`/field chains: `Add`, `Sub`, `Before`, `Format` …
 * Local time is UTC: the engine runs without a controller time zone.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { type Civil, civil, daysFromCivil, daysIn } from "./_civil.ts";
import { GoDuration, maxDurationNs, minDurationNs } from "./duration.ts";
import { formatLayout, longDayNames, longMonthNames, parseLayout } from "./layout.ts";

// --- model

/** Go's `time.Month` (1 = January); prints as the English name, and is not equal to a plain int in expr. */
export class GoMonth {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
  /** The English name, e.g. `January`. */
  String(): string {
    return longMonthNames[this.n - 1] ?? `%!Month(${this.n})`;
  }
  /** Same as {@linkcode GoMonth.String}. */
  toString(): string {
    return this.String();
  }
}

/** Go's `time.Weekday` (0 = Sunday); prints as the English name. */
export class GoWeekday {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
  /** The English name, e.g. `Monday`. */
  String(): string {
    return longDayNames[this.n] ?? `%!Weekday(${this.n})`;
  }
  /** Same as {@linkcode GoWeekday.String}. */
  toString(): string {
    return this.String();
  }
}

/** Go layout constants (`time.RFC3339` …), by their Go names. */
export const layouts: Readonly<Record<string, string>> = {
  Layout: "01/02 03:04:05PM '06 -0700",
  ANSIC: "Mon Jan _2 15:04:05 2006",
  UnixDate: "Mon Jan _2 15:04:05 MST 2006",
  RubyDate: "Mon Jan 02 15:04:05 -0700 2006",
  RFC822: "02 Jan 06 15:04 MST",
  RFC822Z: "02 Jan 06 15:04 -0700",
  RFC850: "Monday, 02-Jan-06 15:04:05 MST",
  RFC1123: "Mon, 02 Jan 2006 15:04:05 MST",
  RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700",
  RFC3339: "2006-01-02T15:04:05Z07:00",
  RFC3339Nano: "2006-01-02T15:04:05.999999999Z07:00",
  Kitchen: "3:04PM",
  Stamp: "Jan _2 15:04:05",
  StampMilli: "Jan _2 15:04:05.000",
  StampMicro: "Jan _2 15:04:05.000000",
  StampNano: "Jan _2 15:04:05.000000000",
};

/** Seconds from Go's zero time (January 1, year 1, UTC) to the unix epoch. */
const zeroToUnix = 62135596800;

/**
 * A Go `time.Time`: an instant (unix seconds + nanoseconds) and the offset/zone it is shown in.
 *
 * @example Formatting in Go layout semantics
 * ```ts
 * import { expect } from "expect";
 * import { GoTime } from "./time.ts";
 * const t = GoTime.fromUnixMilli(Date.UTC(2024, 0, 2, 3, 4, 5));
 * expect(t.format("2006-01-02T15:04:05Z07:00")).toBe("2024-01-02T03:04:05Z");
 * expect(t.String()).toBe("2024-01-02 03:04:05 +0000 UTC");
 * ```
 */
export class GoTime {
  /** Unix seconds (integral). */
  readonly sec: number;
  /** Nanoseconds within the second, 0 … 999 999 999. */
  readonly nsec: number;
  /** Seconds east of UTC the time is shown in. */
  readonly offset: number;
  /** Zone abbreviation, or "" for an unnamed fixed offset (printed as `+0100`). */
  readonly zone: string;

  constructor(sec: number, nsec = 0, offset = 0, zone = "UTC") {
    const carry = Math.floor(nsec / 1e9);
    this.sec = sec + carry;
    this.nsec = nsec - carry * 1e9;
    this.offset = offset;
    this.zone = zone;
  }

  /** A UTC time from unix milliseconds plus optional extra nanoseconds (0 … 999 999). */
  static fromUnixMilli(ms: number, extraNanos = 0): GoTime {
    const sec = Math.floor(ms / 1000);
    return new GoTime(sec, Math.round((ms - sec * 1000) * 1e6) + extraNanos);
  }

  /** Go's `time.Parse(layout, value)`; the error is Go's message. */
  static parse(layout: string, value: string): Either<string, GoTime> {
    const r = parseLayout(layout, value);
    return E.isLeft(r) ? r : E.right(new GoTime(r.right.sec, r.right.nsec, r.right.offset, r.right.zone));
  }

  /** The calendar fields in this time's zone. */
  civil(): Civil {
    return civil(this.sec, this.nsec, this.offset, this.zone);
  }

  /** Unix milliseconds (floored). */
  unixMilli(): number {
    return this.sec * 1000 + Math.floor(this.nsec / 1e6);
  }

  /** Formats with a Go layout (same as `Format`). */
  format(layout: string): string {
    return formatLayout(this.civil(), layout);
  }

  /** The same instant shown at another offset. */
  inOffset(offset: number, zone: string): GoTime {
    return new GoTime(this.sec, this.nsec, offset, zone);
  }

  // --- Go methods

  /**
   * Go's `Time.Add`: whole seconds and the nanosecond remainder of the int64 Duration, exact even at its limits
   * (MaxInt64 ns adds 9223372036 s + 854775807 ns). Go saturates the seconds at int64, which no Duration can reach
   * from a time our model holds (a Duration spans ±292 years).
   */
  Add(d: GoDuration): GoTime {
    if (Math.abs(d.ns) <= Number.MAX_SAFE_INTEGER) {
      const s = Math.trunc(d.ns / 1e9);
      return new GoTime(this.sec + s, this.nsec + (d.ns - s * 1e9), this.offset, this.zone);
    }
    const ns = d.toBigInt();
    const s = ns / 1_000_000_000n;
    return new GoTime(this.sec + Number(s), this.nsec + Number(ns - s * 1_000_000_000n), this.offset, this.zone);
  }
  AddDate(years: number, months: number, days: number): GoTime {
    const c = this.civil();
    const m0 = c.month - 1 + months;
    const y = c.year + years + Math.floor(m0 / 12);
    const m = ((m0 % 12) + 12) % 12 + 1;
    const local = daysFromCivil(y, m, c.day + days) * 86400 + c.hour * 3600 + c.minute * 60 + c.second;
    return new GoTime(local - this.offset, this.nsec, this.offset, this.zone);
  }
  /**
   * Go's `Time.Sub`: the Duration `t - u`, saturated at the int64 limits (`minDurationNs`, `maxDurationNs`) when the
   * difference is out of range (more than about 292 years), as Go's `Sub` returns `minDuration`/`maxDuration`.
   */
  Sub(u: GoTime): GoDuration {
    const ns = (this.sec - u.sec) * 1e9 + (this.nsec - u.nsec);
    if (Math.abs(ns) <= Number.MAX_SAFE_INTEGER) return new GoDuration(ns);
    const exact = BigInt(this.sec - u.sec) * 1_000_000_000n + BigInt(this.nsec - u.nsec);
    if (exact > 9223372036854775807n) return new GoDuration(maxDurationNs);
    if (exact < -9223372036854775808n) return new GoDuration(minDurationNs);
    return GoDuration.fromBigInt(exact);
  }
  Before(u: GoTime): boolean {
    return this.sec < u.sec || (this.sec === u.sec && this.nsec < u.nsec);
  }
  After(u: GoTime): boolean {
    return this.sec > u.sec || (this.sec === u.sec && this.nsec > u.nsec);
  }
  Equal(u: GoTime): boolean {
    return this.sec === u.sec && this.nsec === u.nsec;
  }
  Compare(u: GoTime): number {
    return this.Before(u) ? -1 : this.After(u) ? 1 : 0;
  }
  IsZero(): boolean {
    return this.sec === -zeroToUnix && this.nsec === 0;
  }
  Format(layout: string): string {
    return this.format(layout);
  }
  String(): string {
    return this.format("2006-01-02 15:04:05.999999999 -0700 MST");
  }
  toString(): string {
    return this.String();
  }
  UTC(): GoTime {
    return new GoTime(this.sec, this.nsec, 0, "UTC");
  }
  Local(): GoTime {
    return this.UTC();
  }
  Unix(): number {
    return this.sec;
  }
  UnixMilli(): number {
    return this.unixMilli();
  }
  UnixMicro(): number {
    return this.sec * 1e6 + Math.floor(this.nsec / 1e3);
  }
  /** Nanoseconds since the epoch; beyond 2^53 this is the nearest double. */
  UnixNano(): number {
    return this.sec * 1e9 + this.nsec;
  }
  Year(): number {
    return this.civil().year;
  }
  Month(): GoMonth {
    return new GoMonth(this.civil().month);
  }
  Day(): number {
    return this.civil().day;
  }
  Hour(): number {
    return this.civil().hour;
  }
  Minute(): number {
    return this.civil().minute;
  }
  Second(): number {
    return this.civil().second;
  }
  Nanosecond(): number {
    return this.nsec;
  }
  Weekday(): GoWeekday {
    return new GoWeekday(this.civil().weekday);
  }
  YearDay(): number {
    return this.civil().yearDay;
  }
  /** Go keeps only the first result of multi-result methods in expr: the year. */
  Date(): number {
    return this.Year();
  }
  /** First result of `Clock()`: the hour. */
  Clock(): number {
    return this.Hour();
  }
  /** First result of `Zone()`: the zone name. */
  Zone(): string {
    return this.civil().zone === "" ? formatLayout(this.civil(), "-0700") : this.zone;
  }
  /** First result of `ISOWeek()`: the ISO year. */
  ISOWeek(): number {
    const c = this.civil();
    const shift = (c.weekday + 6) % 7;
    const thursday = civil(this.sec + (3 - shift) * 86400, 0, this.offset, this.zone);
    return thursday.year;
  }
  Truncate(d: GoDuration): GoTime {
    if (d.ns <= 0) return this;
    const total = (BigInt(this.sec + zeroToUnix) * 1_000_000_000n) + BigInt(this.nsec);
    const r = Number(total % BigInt(d.ns));
    return this.Add(new GoDuration(-r));
  }
  Round(d: GoDuration): GoTime {
    if (d.ns <= 0) return this;
    const total = (BigInt(this.sec + zeroToUnix) * 1_000_000_000n) + BigInt(this.nsec);
    const r = Number(total % BigInt(d.ns));
    return r + r < d.ns ? this.Add(new GoDuration(-r)) : this.Add(new GoDuration(d.ns - r));
  }
}

/** Go's `time.Parse(time.RFC3339, s)`, as Argo's `time.Parse` helper calls it. */
export function parseRfc3339(s: string): Either<string, GoTime> {
  const t = quickRfc3339(s);
  return t !== undefined ? E.right(t) : GoTime.parse(layouts["RFC3339"]!, s);
}

/** The digit of a character code, NaN for any other character (so every comparison with a result fails). */
const digit = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : NaN);

/** The two-digit number at `i`, NaN unless both characters are ASCII digits. */
const two = (s: string, i: number): number => digit(s.charCodeAt(i)) * 10 + digit(s.charCodeAt(i + 1));

/**
 * The common form of an RFC 3339 time, `2006-01-02T15:04:05[.frac](Z|±07:00)` with fields in range, read character
 * by character (a condition parses several times per decision, and a RegExp and `Number` per field cost most of
 * it); undefined for any other text, which `GoTime.parse` then reads as Go does, with Go's errors. It accepts what
 * `/^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-](\d\d):(\d\d))$/` matches (a property test
 * compares them) and keeps up to nine fractional digits.
 */
function quickRfc3339(s: string): GoTime | undefined {
  const n = s.length;
  if (
    n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58
  ) return undefined;
  const year = two(s, 0) * 100 + two(s, 2), month = two(s, 5), day = two(s, 8);
  const hh = two(s, 11), mm = two(s, 14), ss = two(s, 17);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year))) return undefined;
  if (!(hh < 24 && mm < 60 && ss < 60)) return undefined;
  let i = 19;
  let nsec = 0;
  if (s.charCodeAt(i) === 46) {
    const from = ++i;
    while (i < n && digit(s.charCodeAt(i)) >= 0) i++;
    if (i === from) return undefined;
    for (let k = from; k < from + 9; k++) nsec = nsec * 10 + (k < i ? s.charCodeAt(k) - 48 : 0);
  }
  let offset: number;
  const z = s.charCodeAt(i);
  if (z === 90 && i + 1 === n) offset = 0;
  else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    offset = (z === 45 ? -1 : 1) * (two(s, i + 1) * 3600 + two(s, i + 4) * 60);
    if (Number.isNaN(offset)) return undefined;
  } else return undefined;
  const local = daysFromCivil(year, month, day) * 86400 + hh * 3600 + mm * 60 + ss;
  return new GoTime(local - offset, nsec, offset, offset === 0 ? "UTC" : "");
}
