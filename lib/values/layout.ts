/**
 * Go reference-time layouts (`2006-01-02T15:04:05Z07:00`): formatting civil fields and parsing strings, with Go's
 * chunking rules and error messages.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { type Civil, daysFromCivil, daysIn } from "./_civil.ts";
import { quoteGo } from "./duration.ts";

// --- model

/** English month names, January first. */
export const longMonthNames: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** English weekday names, Sunday first. */
export const longDayNames: readonly string[] = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];

type Std =
  | "January"
  | "Jan"
  | "1"
  | "01"
  | "Monday"
  | "Mon"
  | "2"
  | "_2"
  | "02"
  | "__2"
  | "002"
  | "15"
  | "3"
  | "03"
  | "4"
  | "04"
  | "5"
  | "05"
  | "2006"
  | "06"
  | "PM"
  | "pm"
  | "MST"
  | "Z0700"
  | "Z070000"
  | "Z07"
  | "Z07:00"
  | "Z07:00:00"
  | "-0700"
  | "-070000"
  | "-07"
  | "-07:00"
  | "-07:00:00"
  | "frac0"
  | "frac9";

interface Chunk {
  readonly prefix: string;
  readonly std: Std | undefined;
  /** The layout text of the std element. */
  readonly text: string;
  /** For fractional seconds: the digit count. */
  readonly digits: number;
  readonly suffix: string;
}

const isLower = (c: string | undefined): boolean => c !== undefined && c >= "a" && c <= "z";
const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i]! >= "0" && s[i]! <= "9";

const tzStds: readonly Std[] = [
  "-07:00:00",
  "-070000",
  "-07:00",
  "-0700",
  "-07",
];

/** Splits a layout at its first standard element, as Go's `nextStdChunk` does. */
function nextChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i]!;
    const rest = layout.slice(i);
    const hit = (std: Std, len: number, digits = 0): Chunk => ({
      prefix: layout.slice(0, i),
      std,
      text: layout.slice(i, i + len),
      digits,
      suffix: layout.slice(i + len),
    });
    switch (c) {
      case "J":
        if (rest.startsWith("Jan")) {
          if (rest.startsWith("January")) return hit("January", 7);
          if (!isLower(rest[3])) return hit("Jan", 3);
        }
        break;
      case "M":
        if (rest.startsWith("Mon")) {
          if (rest.startsWith("Monday")) return hit("Monday", 6);
          if (!isLower(rest[3])) return hit("Mon", 3);
        }
        if (rest.startsWith("MST")) return hit("MST", 3);
        break;
      case "0":
        if (rest.length >= 2 && rest[1]! >= "1" && rest[1]! <= "6") return hit(rest.slice(0, 2) as Std, 2);
        if (rest.startsWith("002")) return hit("002", 3);
        break;
      case "1":
        if (rest[1] === "5") return hit("15", 2);
        return hit("1", 1);
      case "2":
        if (rest.startsWith("2006")) return hit("2006", 4);
        return hit("2", 1);
      case "_":
        if (rest[1] === "2") {
          if (rest.startsWith("_2006")) {
            return {
              prefix: layout.slice(0, i + 1),
              std: "2006",
              text: "2006",
              digits: 0,
              suffix: layout.slice(i + 5),
            };
          }
          return hit("_2", 2);
        }
        if (rest.startsWith("__2")) return hit("__2", 3);
        break;
      case "3":
      case "4":
      case "5":
        return hit(c as Std, 1);
      case "P":
        if (rest[1] === "M") return hit("PM", 2);
        break;
      case "p":
        if (rest[1] === "m") return hit("pm", 2);
        break;
      case "-":
        for (const t of tzStds) if (rest.startsWith(t)) return hit(t, t.length);
        break;
      case "Z":
        for (const t of tzStds) if (rest.startsWith(`Z${t.slice(1)}`)) return hit(`Z${t.slice(1)}` as Std, t.length);
        break;
      case ".":
      case ",":
        if (rest[1] === "0" || rest[1] === "9") {
          const ch = rest[1];
          let j = 1;
          while (j < rest.length && rest[j] === ch) j++;
          if (!isDigitAt(rest, j)) return hit(ch === "0" ? "frac0" : "frac9", j, j - 1);
        }
        break;
    }
  }
  return { prefix: layout, std: undefined, text: "", digits: 0, suffix: "" };
}

// --- format

const pad = (n: number, w: number): string => {
  const s = String(Math.abs(n)).padStart(w, "0");
  return n < 0 ? `-${s}` : s;
};

function formatZone(std: Std, offset: number): string {
  if (std.startsWith("Z") && offset === 0) return "Z";
  let z = Math.trunc(offset / 60);
  let absoff = offset;
  let out = "";
  if (z < 0) {
    out = "-";
    z = -z;
    absoff = -absoff;
  } else {
    out = "+";
  }
  out += pad(Math.floor(z / 60), 2);
  const body = std.slice(1);
  if (body === "07:00" || body === "07:00:00") out += ":";
  if (body !== "07") out += pad(z % 60, 2);
  if (body === "07:00:00") out += ":";
  if (body === "070000" || body === "07:00:00") out += pad(absoff % 60, 2);
  return out;
}

function formatFrac(nsec: number, digits: number, trim: boolean, sep: string): string {
  let s = String(nsec).padStart(9, "0").slice(0, Math.min(digits, 9));
  if (trim) {
    s = s.replace(/0+$/, "");
    if (s === "") return "";
  }
  return sep + s;
}

function formatStd(std: Std, t: Civil, text: string, digits: number): string {
  switch (std) {
    case "2006":
      return pad(t.year, 4);
    case "06":
      return pad(((t.year % 100) + 100) % 100, 2);
    case "January":
      return longMonthNames[t.month - 1]!;
    case "Jan":
      return longMonthNames[t.month - 1]!.slice(0, 3);
    case "1":
      return String(t.month);
    case "01":
      return pad(t.month, 2);
    case "Monday":
      return longDayNames[t.weekday]!;
    case "Mon":
      return longDayNames[t.weekday]!.slice(0, 3);
    case "2":
      return String(t.day);
    case "_2":
      return t.day < 10 ? ` ${t.day}` : String(t.day);
    case "02":
      return pad(t.day, 2);
    case "__2":
      return String(t.yearDay).padStart(3, " ");
    case "002":
      return pad(t.yearDay, 3);
    case "15":
      return pad(t.hour, 2);
    case "3":
      return String(t.hour % 12 === 0 ? 12 : t.hour % 12);
    case "03":
      return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, 2);
    case "4":
      return String(t.minute);
    case "04":
      return pad(t.minute, 2);
    case "5":
      return String(t.second);
    case "05":
      return pad(t.second, 2);
    case "PM":
      return t.hour >= 12 ? "PM" : "AM";
    case "pm":
      return t.hour >= 12 ? "pm" : "am";
    case "MST": {
      if (t.zone !== "") return t.zone;
      const z = Math.trunc(t.offset / 60);
      return (z < 0 ? "-" : "+") + pad(Math.floor(Math.abs(z) / 60), 2) + pad(Math.abs(z) % 60, 2);
    }
    case "frac0":
      return formatFrac(t.nanosecond, digits, false, text[0]!);
    case "frac9":
      return formatFrac(t.nanosecond, digits, true, text[0]!);
    default:
      return formatZone(std, t.offset);
  }
}

/**
 * Formats calendar fields with a Go layout (`Time.Format`).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { formatLayout } from "./layout.ts";
 * const t = { year: 2024, month: 1, day: 2, hour: 15, minute: 4, second: 5, nanosecond: 0, weekday: 2, yearDay: 2, offset: 0, zone: "UTC" };
 * expect(formatLayout(t, "Mon Jan _2 3:04PM 2006 MST")).toBe("Tue Jan  2 3:04PM 2024 UTC");
 * ```
 */
export function formatLayout(t: Civil, layout: string): string {
  let out = "";
  let rest = layout;
  while (rest !== "") {
    const ch = nextChunk(rest);
    out += ch.prefix;
    if (ch.std === undefined) break;
    out += formatStd(ch.std, t, ch.text, ch.digits);
    rest = ch.suffix;
  }
  return out;
}

// --- parse

/** An instant parsed from text: unix seconds + nanoseconds, the offset it was written in, and the zone name. */
export interface ParsedTime {
  readonly sec: number;
  readonly nsec: number;
  readonly offset: number;
  readonly zone: string;
}

/**
 * A parse failure: a range error (`month` → "month out of range"), or the value text Go reports as not parsed. Go
 * 1.19 reports the value as far as it got: after what `skip` matched of a literal prefix, after the four bytes of
 * a year or the two of AM/PM, after the sign and digits of a zone offset (`cannot parse "45e-05" as "2006"`).
 */
class Bad {
  constructor(readonly range: string = "", readonly rest?: string) {}
}

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new Bad("", s);
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new Bad("", s);
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + Number(s[i]);
  if (i === 0 || (fixed && i !== 3)) throw new Bad("", s);
  return [n, s.slice(i)];
}

function lookup(names: readonly string[], s: string, short: boolean): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = short ? names[i]!.slice(0, 3) : names[i]!;
    if (s.length >= n.length && s.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, s.slice(n.length)];
  }
  throw new Bad("", s);
}

function skip(value: string, prefix: string): string {
  while (prefix.length > 0) {
    if (prefix[0] === " ") {
      if (value.length > 0 && value[0] !== " ") throw new Bad("", value);
      prefix = prefix.replace(/^ +/, "");
      value = value.replace(/^ +/, "");
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) throw new Bad("", value);
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

function parseNanos(value: string, n: number): number {
  if (value[0] !== "." && value[0] !== ",") throw new Bad();
  const digits = value.slice(1, n);
  if (!/^\d+$/.test(digits)) throw new Bad();
  return Number(digits.slice(0, 9).padEnd(9, "0"));
}

interface Fields {
  year: number;
  month: number;
  day: number;
  yday: number;
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  pm: boolean;
  am: boolean;
  offset: number | undefined;
  zone: string | undefined;
}

function parseZone(std: Std, value: string, f: Fields): string {
  if (std.startsWith("Z") && value[0] === "Z") {
    f.offset = 0;
    f.zone = "UTC";
    return value.slice(1);
  }
  const body = std.startsWith("Z") ? std.slice(1) : std.slice(1);
  const sign = value[0];
  let hh: string, mm = "00", ss = "00", rest: string;
  const need = (n: number): void => {
    if (value.length < n) throw new Bad();
  };
  switch (body) {
    case "07:00":
      need(6);
      if (value[3] !== ":") throw new Bad();
      hh = value.slice(1, 3), mm = value.slice(4, 6), rest = value.slice(6);
      break;
    case "07":
      need(3);
      hh = value.slice(1, 3), rest = value.slice(3);
      break;
    case "07:00:00":
      need(9);
      if (value[3] !== ":" || value[6] !== ":") throw new Bad();
      hh = value.slice(1, 3), mm = value.slice(4, 6), ss = value.slice(7, 9), rest = value.slice(9);
      break;
    case "070000":
      need(7);
      hh = value.slice(1, 3), mm = value.slice(3, 5), ss = value.slice(5, 7), rest = value.slice(7);
      break;
    default:
      need(5);
      hh = value.slice(1, 3), mm = value.slice(3, 5), rest = value.slice(5);
  }
  if (!/^\d\d$/.test(hh) || !/^\d\d$/.test(mm) || !/^\d\d$/.test(ss)) throw new Bad("", rest);
  const h = Number(hh), m = Number(mm), s = Number(ss);
  if (h > 24) throw new Bad("time zone offset hour");
  if (m > 60) throw new Bad("time zone offset minute");
  if (s > 60) throw new Bad("time zone offset second");
  const off = (h * 60 + m) * 60 + s;
  if (sign === "+") f.offset = off;
  else if (sign === "-") f.offset = -off;
  else throw new Bad("", rest);
  return rest;
}

function parseTzName(value: string, f: Fields): string {
  if (value.startsWith("UTC")) {
    f.offset = 0, f.zone = "UTC";
    return value.slice(3);
  }
  const m = /^(?:[A-Z]{3,5}|ChST|MeST)/.exec(value);
  if (m === null) throw new Bad();
  f.zone = m[0];
  f.offset ??= 0;
  return value.slice(m[0].length);
}

function parseStd(std: Std, value: string, f: Fields, nextStd: Std | undefined, digits: number): string {
  let v = value;
  switch (std) {
    case "06": {
      if (!/^\d\d/.test(v)) throw new Bad("", v);
      const y = Number(v.slice(0, 2));
      f.year = y >= 69 ? y + 1900 : y + 2000;
      return v.slice(2);
    }
    case "2006":
      if (v.length < 4 || !isDigitAt(v, 0)) throw new Bad("", v);
      if (!/^\d{4}/.test(v)) throw new Bad("", v.slice(4));
      f.year = Number(v.slice(0, 4));
      return v.slice(4);
    case "Jan":
    case "January":
      [f.month, v] = lookup(longMonthNames, v, std === "Jan");
      f.month++;
      return v;
    case "1":
    case "01":
      [f.month, v] = getnum(v, std === "01");
      if (f.month <= 0 || f.month > 12) throw new Bad("month");
      return v;
    case "Mon":
    case "Monday":
      return lookup(longDayNames, v, std === "Mon")[1];
    case "2":
    case "_2":
    case "02":
      if (std === "_2" && v[0] === " ") v = v.slice(1);
      [f.day, v] = getnum(v, std === "02");
      return v;
    case "__2":
    case "002":
      if (std === "__2") v = v.replace(/^ {1,2}/, "");
      [f.yday, v] = getnum3(v, std === "002");
      if (f.yday < 1 || f.yday > 366) throw new Bad("day-of-year");
      return v;
    case "15":
      [f.hour, v] = getnum(v, false);
      if (f.hour < 0 || f.hour >= 24) throw new Bad("hour");
      return v;
    case "3":
    case "03":
      [f.hour, v] = getnum(v, std === "03");
      if (f.hour < 0 || f.hour > 12) throw new Bad("hour");
      return v;
    case "4":
    case "04":
      [f.min, v] = getnum(v, std === "04");
      if (f.min < 0 || f.min >= 60) throw new Bad("minute");
      return v;
    case "5":
    case "05": {
      [f.sec, v] = getnum(v, std === "05");
      if (f.sec < 0 || f.sec >= 60) throw new Bad("second");
      if (v.length >= 2 && (v[0] === "." || v[0] === ",") && isDigitAt(v, 1)) {
        if (nextStd === "frac0" || nextStd === "frac9") return v;
        let n = 2;
        while (n < v.length && isDigitAt(v, n)) n++;
        f.nsec = parseNanos(v, n);
        return v.slice(n);
      }
      return v;
    }
    case "PM":
    case "pm": {
      if (v.length < 2) throw new Bad();
      const p = v.slice(0, 2);
      const [pmS, amS] = std === "PM" ? ["PM", "AM"] : ["pm", "am"];
      if (p === pmS) f.pm = true;
      else if (p === amS) f.am = true;
      else throw new Bad("", v.slice(2));
      return v.slice(2);
    }
    case "MST":
      return parseTzName(v, f);
    case "frac0": {
      const n = 1 + digits;
      if (v.length < n) throw new Bad();
      try {
        f.nsec = parseNanos(v, n);
      } catch {
        throw new Bad("", v.slice(n));
      }
      return v.slice(n);
    }
    case "frac9": {
      if (v.length < 2 || (v[0] !== "." && v[0] !== ",") || !isDigitAt(v, 1)) return v;
      let i = 0;
      while (i + 1 < v.length && isDigitAt(v, i + 1)) i++;
      f.nsec = parseNanos(v, 1 + i);
      return v.slice(1 + i);
    }
    default:
      return parseZone(std, v, f);
  }
}

const parseError = (layout: string, value: string, le: string, ve: string, msg = ""): string =>
  msg === ""
    ? `parsing time ${quoteGo(value)} as ${quoteGo(layout)}: cannot parse ${quoteGo(ve)} as ${quoteGo(le)}`
    : `parsing time ${quoteGo(value)}${msg}`;

/**
 * Parses `value` with a Go layout (`time.Parse`): Go's chunking, defaults (year 0, January 1, UTC) and error texts
 * (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`).
 */
export function parseLayout(layout: string, value: string): Either<string, ParsedTime> {
  const f: Fields = {
    year: 0,
    month: -1,
    day: -1,
    yday: -1,
    hour: 0,
    min: 0,
    sec: 0,
    nsec: 0,
    pm: false,
    am: false,
    offset: undefined,
    zone: undefined,
  };
  let rest = layout;
  let v = value;
  for (;;) {
    const ch = nextChunk(rest);
    const stdText = ch.text;
    try {
      v = skip(v, ch.prefix);
    } catch (e) {
      return E.left(parseError(layout, value, ch.prefix, e instanceof Bad ? e.rest ?? v : v));
    }
    if (ch.std === undefined) {
      if (v.length > 0) return E.left(parseError(layout, value, "", v, `: extra text: ${quoteGo(v)}`));
      break;
    }
    rest = ch.suffix;
    const before = v;
    try {
      v = parseStd(ch.std, v, f, nextChunk(rest).std, ch.digits);
    } catch (e) {
      if (e instanceof Bad && e.range !== "") {
        return E.left(parseError(layout, value, stdText, before, `: ${e.range} out of range`));
      }
      return E.left(parseError(layout, value, stdText, e instanceof Bad ? e.rest ?? before : before));
    }
  }
  if (f.pm && f.hour < 12) f.hour += 12;
  else if (f.am && f.hour === 12) f.hour = 0;
  if (f.yday >= 0) {
    let m = 0, d = f.yday;
    const leap = daysIn(2, f.year) === 29;
    if (f.yday > (leap ? 366 : 365)) return E.left(parseError(layout, value, "", v, ": day-of-year out of range"));
    while (m < 12 && d > daysIn(m + 1, f.year)) d -= daysIn(++m, f.year);
    if (f.month >= 0 && f.month !== m + 1 || f.day >= 0 && f.day !== d) {
      return E.left(parseError(layout, value, "", v, ": day-of-year does not match month"));
    }
    f.month = m + 1, f.day = d;
  } else {
    if (f.month < 0) f.month = 1;
    if (f.day < 0) f.day = 1;
  }
  if (f.day < 1 || f.day > daysIn(f.month, f.year)) {
    return E.left(parseError(layout, value, "", v, ": day out of range"));
  }
  const offset = f.offset ?? 0;
  const local = daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.min * 60 + f.sec;
  const zone = f.zone ?? (offset === 0 ? "UTC" : "");
  return E.right({ sec: local - offset, nsec: f.nsec, offset, zone });
}
