/**
 * The engine of Go's `fmt` (`pp` and `fmt` in Go's sources): flags, padding and `printArg` for every verb over our
 * value model. Folder-private; the public entry points are `sprintf`, `sprint`, `sprintln` and `formatValue`.
 * @module
 */
import { formatFloat } from "./format-float.ts";
import { FormatLimitError, type FormatLimits, unboundedFormat } from "./format-limits.ts";
import { compareGoStrings } from "./compare-go-strings.ts";
import { goTypeName, isGoInt, isGoMap } from "./go-type.ts";
import { canBackquote, isPrint, quote, quoteRune, quoteToAscii } from "./quote.ts";
import { decodeUtf8, encodeUtf8 } from "../go/utf8.ts";
import { GoFloat } from "../values/float.ts";
import { GoDuration } from "../values/duration.ts";
import { longMonthNames } from "../values/layout.ts";
import { GoMonth, GoTime, GoWeekday } from "../values/time.ts";

// --- model

/** The flags of one verb (Go's `fmtFlags` plus width and precision). */
export interface Flags {
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
}

/** The output buffer, the current verb's flags, and the bounds of the call. */
export interface Printer {
  buf: string;
  f: Flags;
  readonly limits: FormatLimits;
}

/** Fresh, cleared flags. */
export function clearFlags(): Flags {
  return {
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
    minus: false,
    plus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
  };
}

/** A printer with an empty buffer. */
export function newPrinter(limits: FormatLimits = unboundedFormat): Printer {
  return { buf: "", f: clearFlags(), limits };
}

/** Fails before the buffer would grow past the call's bound by `n` more characters. */
export function reserve(p: Printer, n: number): void {
  const max = p.limits.maxStringLength;
  if (p.buf.length + n > max) throw new FormatLimitError("length", max);
}

const ldigits = "0123456789abcdefx";
const udigits = "0123456789ABCDEFX";

// --- padding

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function writePadding(p: Printer, n: number): void {
  if (n <= 0) return;
  reserve(p, n);
  p.buf += (p.f.zero ? "0" : " ").repeat(n);
}

function padString(p: Printer, s: string): void {
  reserve(p, s.length);
  if (!p.f.widPresent || p.f.wid === 0) {
    p.buf += s;
    return;
  }
  const width = p.f.wid - runeCount(s);
  if (!p.f.minus) {
    writePadding(p, width);
    p.buf += s;
  } else {
    p.buf += s;
    writePadding(p, width);
  }
}

/** Pads `s` with the zero flag ignored (numbers that handled zero padding themselves, `%U`). */
function padNoZero(p: Printer, s: string): void {
  const old = p.f.zero;
  p.f.zero = false;
  padString(p, s);
  p.f.zero = old;
}

// --- basic kinds

function fmtInteger(p: Printer, v: bigint, base: number, verb: string, digits: string): void {
  const f = p.f;
  const negative = v < 0n;
  let u = negative ? -v : v;
  let prec = 0;
  if (f.precPresent) {
    prec = f.prec;
    if (prec === 0 && u === 0n) {
      const old = f.zero;
      f.zero = false;
      writePadding(p, f.wid);
      f.zero = old;
      return;
    }
  } else if (f.zero && f.widPresent) {
    prec = f.wid;
    if (negative || f.plus || f.space) prec--;
  }
  reserve(p, prec);
  let s = "";
  const b = BigInt(base);
  do {
    s = digits[Number(u % b)] + s;
    u /= b;
  } while (u > 0n);
  if (s.length < prec) s = "0".repeat(prec - s.length) + s;
  if (f.sharp) {
    if (base === 2) s = "0b" + s;
    else if (base === 8 && s[0] !== "0") s = "0" + s;
    else if (base === 16) s = "0" + digits[16] + s;
  }
  if (verb === "O") s = "0o" + s;
  if (negative) s = "-" + s;
  else if (f.plus) s = "+" + s;
  else if (f.space) s = " " + s;
  padNoZero(p, s);
}

function fmtUnicode(p: Printer, v: bigint): void {
  // Go formats the integer as a uint64: -2 is U+FFFFFFFFFFFFFFFE.
  const u = BigInt.asUintN(64, v);
  let prec = 4;
  if (p.f.precPresent && p.f.prec > 4) prec = p.f.prec;
  let s = u.toString(16).toUpperCase().padStart(prec, "0");
  s = "U+" + s;
  if (p.f.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
  padNoZero(p, s);
}

function runeOf(u: bigint): number {
  return u < 0n || u > 0x10ffffn || (u >= 0xd800n && u <= 0xdfffn) ? 0xfffd : Number(u);
}

function printInteger(p: Printer, v: bigint, verb: string, orig: unknown = v): void {
  switch (verb) {
    case "v":
    case "d":
      return fmtInteger(p, v, 10, verb, ldigits);
    case "b":
      return fmtInteger(p, v, 2, verb, ldigits);
    case "o":
    case "O":
      return fmtInteger(p, v, 8, verb, ldigits);
    case "x":
      return fmtInteger(p, v, 16, verb, ldigits);
    case "X":
      return fmtInteger(p, v, 16, verb, udigits);
    // Go 1.19 pads %c and %q with zeros too (only numbers and %U turn the flag off).
    case "c":
      return padString(p, String.fromCodePoint(runeOf(v)));
    case "q":
      return padString(p, quoteRune(runeOf(v), p.f.plus));
    case "U":
      return fmtUnicode(p, v);
    default:
      return badVerb(p, verb, orig);
  }
}

function fmtFloat(p: Printer, v: number, verb: "e" | "E" | "f" | "g" | "G" | "b" | "x" | "X", defPrec: number): void {
  const f = p.f;
  const prec = f.precPresent ? f.prec : defPrec;
  reserve(p, prec);
  let num = formatFloat(v, verb, prec);
  if (num[0] !== "-" && num[0] !== "+") num = "+" + num;
  if (f.space && num[0] === "+" && !f.plus) num = " " + num.slice(1);
  if (num[1] === "I" || num[1] === "N") {
    if (num[1] === "N" && !f.space && !f.plus) num = num.slice(1);
    return padNoZero(p, num);
  }
  if (f.sharp && verb !== "b") num = sharpFloat(num, verb, prec);
  if (f.plus || num[0] !== "+") {
    if (f.zero && f.widPresent && f.wid > num.length) {
      p.buf += num[0];
      writePadding(p, f.wid - num.length);
      p.buf += num.slice(1);
      return;
    }
    return padString(p, num);
  }
  padString(p, num.slice(1));
}

/**
 * `%#g` and friends: always a decimal point; `g` keeps its trailing zeros. As in Go, `%#x` pads to the precision (6
 * by default) counting the `x` of `0x` as a digit, while `%#X` only adds the point: Go lists `x` but not `X` there.
 */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = verb === "g" || verb === "G" || verb === "x" ? (prec === -1 ? 6 : prec) : 0;
  const hex = verb === "x" || verb === "X";
  let tail = "";
  let body = num;
  const e = num.search(hex ? /[pP]/ : /[eEpP]/);
  if (e >= 0) {
    tail = num.slice(e);
    body = num.slice(0, e);
  }
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === ".") continue;
    if (c !== "0") sawNonzero = true;
    if (sawNonzero) digits--;
  }
  if (!body.includes(".")) {
    if (body.length === 2 && body[1] === "0") digits--;
    body += ".";
  }
  while (digits > 0) {
    body += "0";
    digits--;
  }
  return body + tail;
}

function printFloat(p: Printer, v: number, verb: string, orig: unknown = v): void {
  switch (verb) {
    case "v":
      return fmtFloat(p, v, "g", -1);
    case "b":
    case "g":
    case "G":
    case "x":
    case "X":
      return fmtFloat(p, v, verb, -1);
    case "f":
    case "F":
      return fmtFloat(p, v, "f", 6);
    case "e":
    case "E":
      return fmtFloat(p, v, verb, 6);
    default:
      return badVerb(p, verb, orig);
  }
}

function truncate(p: Printer, s: string): string {
  if (!p.f.precPresent) return s;
  let n = p.f.prec;
  let i = 0;
  for (const ch of s) {
    if (--n < 0) return s.slice(0, i);
    i += ch.length;
  }
  return s;
}

function fmtHexBytes(p: Printer, b: Uint8Array, digits: string): void {
  const f = p.f;
  let length = b.length;
  if (f.precPresent && f.prec < length) length = f.prec;
  let width = 2 * length;
  if (width <= 0) {
    if (f.widPresent) writePadding(p, f.wid);
    return;
  }
  if (f.space) {
    if (f.sharp) width *= 2;
    width += length - 1;
  } else if (f.sharp) width += 2;
  if (f.widPresent && f.wid > width && !f.minus) writePadding(p, f.wid - width);
  let s = f.sharp ? "0" + digits[16] : "";
  for (let i = 0; i < length; i++) {
    if (f.space && i > 0) s += f.sharp ? " 0" + digits[16] : " ";
    const c = b[i] ?? 0;
    s += (digits[c >> 4] ?? "") + (digits[c & 15] ?? "");
  }
  p.buf += s;
  if (f.widPresent && f.wid > width && f.minus) writePadding(p, f.wid - width);
}

function fmtQ(p: Printer, s: string): void {
  s = truncate(p, s);
  if (p.f.sharp && canBackquote(s)) return padString(p, "`" + s + "`");
  padString(p, p.f.plus ? quoteToAscii(s) : quote(s));
}

function printString(p: Printer, s: string, verb: string): void {
  switch (verb) {
    case "v":
      if (p.f.sharpV) return fmtQ(p, s);
      return padString(p, truncate(p, s));
    case "s":
      return padString(p, truncate(p, s));
    case "x":
      return fmtHexBytes(p, encodeUtf8(s), ldigits);
    case "X":
      return fmtHexBytes(p, encodeUtf8(s), udigits);
    case "q":
      return fmtQ(p, s);
    default:
      return badVerb(p, verb, s);
  }
}

function printBool(p: Printer, v: boolean, verb: string): void {
  if (verb === "t" || verb === "v") padString(p, v ? "true" : "false");
  else badVerb(p, verb, v);
}

function printBytes(p: Printer, b: Uint8Array, verb: string, depth: number): void {
  switch (verb) {
    case "v":
    case "d": {
      if (p.f.sharpV) {
        p.buf += "[]byte{";
        b.forEach((c, i) => {
          if (i > 0) p.buf += ", ";
          p.buf += "0x" + c.toString(16);
        });
        p.buf += "}";
        return;
      }
      p.buf += "[";
      b.forEach((c, i) => {
        if (i > 0) p.buf += " ";
        fmtInteger(p, BigInt(c), 10, verb, ldigits);
      });
      p.buf += "]";
      return;
    }
    case "s":
      return padString(p, truncate(p, decodeUtf8(b)));
    case "x":
      return fmtHexBytes(p, b, ldigits);
    case "X":
      return fmtHexBytes(p, b, udigits);
    case "q":
      return fmtQ(p, decodeUtf8(b));
    default:
      return printList(p, Array.from(b), verb, depth, "[]uint8");
  }
}

// --- composite values

/**
 * Calls the `Error()` or `String()` method of a value that has one: a class instance whose class defines it (never
 * `Object.prototype`, never a map, a list or an own property, which are data, as in Go where a map is not a Stringer).
 */
function callMethod(v: object, name: "Error" | "String"): string | undefined {
  if (Array.isArray(v) || v instanceof Uint8Array || isGoMap(v)) return undefined;
  for (
    let proto: unknown = Object.getPrototypeOf(v);
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d === undefined) continue;
    if (typeof d.value !== "function") return undefined;
    const r: unknown = (d.value as () => unknown).call(v);
    return typeof r === "string" ? r : undefined;
  }
  return undefined;
}

/** Go's `handleMethods`: errors and Stringers print through `Error()`/`String()` for `%v %s %x %X %q`. */
function handleMethods(p: Printer, v: unknown, verb: string): boolean {
  if (p.f.sharpV || v === null || typeof v !== "object") return false;
  if (verb !== "v" && verb !== "s" && verb !== "x" && verb !== "X" && verb !== "q") return false;
  const s = callMethod(v, "Error") ?? callMethod(v, "String");
  if (s === undefined) return false;
  printString(p, s, verb);
  return true;
}

/** Fails when a list or map printed at `depth` nests deeper than the call's bound. */
function enter(p: Printer, depth: number): void {
  const max = p.limits.maxValueDepth;
  if (depth + 1 > max) throw new FormatLimitError("depth", max);
}

function printList(p: Printer, items: readonly unknown[], verb: string, depth: number, type: string): void {
  enter(p, depth);
  if (p.f.sharpV) {
    p.buf += type + "{";
    items.forEach((x, i) => {
      if (i > 0) p.buf += ", ";
      printValue(p, x, verb, depth + 1);
    });
    p.buf += "}";
    return;
  }
  p.buf += "[";
  items.forEach((x, i) => {
    if (i > 0) p.buf += " ";
    printValue(p, x, verb, depth + 1);
  });
  p.buf += "]";
}

function printMap(p: Printer, m: Readonly<Record<string, unknown>>, verb: string, depth: number): void {
  enter(p, depth);
  const keys = Object.keys(m).sort(compareGoStrings);
  if (p.f.sharpV) {
    p.buf += goTypeName(m) + "{";
    keys.forEach((k, i) => {
      if (i > 0) p.buf += ", ";
      printValue(p, k, verb, depth + 1);
      p.buf += ":";
      printValue(p, m[k], verb, depth + 1);
    });
    p.buf += "}";
    return;
  }
  p.buf += "map[";
  keys.forEach((k, i) => {
    if (i > 0) p.buf += " ";
    printValue(p, k, verb, depth + 1);
    p.buf += ":";
    printValue(p, m[k], verb, depth + 1);
  });
  p.buf += "]";
}

/** Go's `printValue` for a value inside a slice or map (depth > 0). */
function printValue(p: Printer, v: unknown, verb: string, depth: number): void {
  // Every element printed writes at least a separator: checking here bounds the work by the output's bound.
  reserve(p, 1);
  if (v === null || v === undefined) {
    p.buf += p.f.sharpV ? "interface {}(nil)" : "<nil>";
    return;
  }
  if (depth > 0 && handleMethods(p, v, verb)) return;
  printConcrete(p, v, verb, depth);
}

/** Whether a decimal integer prints as its plain digits (no precision, zero padding or sign flag): JS's own text. */
function plainDecimal(f: Flags): boolean {
  return !f.precPresent && !(f.zero && f.widPresent) && !f.plus && !f.space;
}

function printConcrete(p: Printer, v: unknown, verb: string, depth: number): void {
  switch (typeof v) {
    case "boolean":
      return printBool(p, v, verb);
    case "bigint":
      return printInteger(p, v, verb);
    case "number":
      if (Number.isSafeInteger(v) && (verb === "v" || verb === "d") && plainDecimal(p.f)) {
        return padNoZero(p, String(v));
      }
      return isGoInt(v) ? printInteger(p, BigInt(v), verb, v) : printFloat(p, v, verb);
    case "string":
      return printString(p, v, verb);
  }
  if (v instanceof Uint8Array) return printBytes(p, v, verb, depth);
  if (v instanceof GoFloat) return printFloat(p, v.value, verb, v);
  if (v instanceof GoDuration) return printInteger(p, BigInt(v.ns), verb, v);
  if (v instanceof GoMonth || v instanceof GoWeekday) return printInteger(p, BigInt(v.n), verb, v);
  if (Array.isArray(v)) return printList(p, v, verb, depth, goTypeName(v));
  if (isGoMap(v)) return printMap(p, v, verb, depth);
  if (typeof v === "function") return verb === "v" ? padString(p, "0x0") : badVerb(p, verb, v);
  if (v instanceof GoTime) return printTime(p, v, verb);
  const s = typeof v === "object" && v !== null ? callMethod(v, "Error") ?? callMethod(v, "String") : undefined;
  if (s !== undefined) return printString(p, s, verb);
  printMap(p, v as Record<string, unknown>, verb, depth);
}

// --- time.Time

/** Seconds from January 1 of year 1 to the unix epoch: Go's `unixToInternal`. */
const unixToInternal = 62135596800n;

/** An integer field of a struct: the integer verbs, or `badVerb` naming the field's type (`%!f(uint64=0)`). */
function printIntField(p: Printer, v: bigint, verb: string, type: string): void {
  if ("vdboOxXcqU".includes(verb)) return printInteger(p, v, verb);
  p.buf += `%!${verb}(${type}=`;
  printInteger(p, v, "v");
  p.buf += ")";
}

/**
 * A `time.Time` for a verb its `String()` does not serve: `%#v` prints `GoString()`
 * (`time.Date(2024, time.January, 2, 3, 4, 5, 0, time.UTC)`), and other verbs the struct `{wall ext loc}` field by
 * field, as Go's reflection does. The fields are those of a time without a monotonic reading: `wall` holds the
 * nanoseconds, `ext` the seconds since January 1 of year 1, and `loc` is nil, as for UTC. (A time in another location
 * has a `*time.Location` pointer there, whose address Go prints and no one can reproduce.)
 */
function printTime(p: Printer, t: GoTime, verb: string): void {
  if (p.f.sharpV) {
    const c = t.civil();
    const loc = t.zone === "UTC" && t.offset === 0 ? "time.UTC" : `time.Location(${quote(t.zone)})`;
    const month = longMonthNames[c.month - 1] ?? String(c.month);
    const text =
      `time.Date(${c.year}, time.${month}, ${c.day}, ${c.hour}, ${c.minute}, ${c.second}, ${c.nanosecond}, ${loc})`;
    return padString(p, truncate(p, text));
  }
  p.buf += "{";
  printIntField(p, BigInt(t.nsec), verb, "uint64");
  p.buf += " ";
  printIntField(p, BigInt(t.sec) + unixToInternal, verb, "int64");
  p.buf += " ";
  if ("bodxX".includes(verb)) printInteger(p, 0n, verb);
  else {
    p.buf += `%!${verb}(*time.Location=`;
    padString(p, "<nil>");
    p.buf += ")";
  }
  p.buf += "}";
}

// --- entry points

/** Go's `badVerb`: `%!d(string=hi)`, `%!d(<nil>)`. */
export function badVerb(p: Printer, verb: string, v: unknown): void {
  p.buf += "%!" + verb + "(";
  if (v === null || v === undefined) p.buf += "<nil>";
  else {
    p.buf += goTypeName(v) + "=";
    printArg(p, v, "v");
  }
  p.buf += ")";
}

/** Go's `printArg`: prints one operand with the current flags. */
export function printArg(p: Printer, v: unknown, verb: string): void {
  if (v === null || v === undefined) {
    if (verb === "T" || verb === "v") padString(p, "<nil>");
    else badVerb(p, verb, v);
    return;
  }
  if (verb === "T") {
    padString(p, truncate(p, goTypeName(v)));
    return;
  }
  if (verb === "p") {
    badVerb(p, verb, v);
    return;
  }
  if (handleMethods(p, v, verb)) return;
  printConcrete(p, v, verb, 0);
}
