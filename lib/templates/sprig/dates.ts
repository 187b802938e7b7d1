/**
 * sprig's date functions (date.go) over `GoTime`/`GoDuration`. The clock is the render's `now` (never the system
 * clock): `now`, and `date`/`ago`/… given something that is not a time (Go falls back to `time.Now()` there). The
 * `Local` zone is UTC, as on a server running in UTC; named zones use the host's `Intl` time-zone data.
 * @module
 */
import { E } from "../../fp.ts";
import { isGoInt } from "../../gofmt/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { formatDuration, parseDuration } from "../../values/mod.ts";
import { GoTime } from "../../values/mod.ts";
import { any, fixed } from "./_define.ts";
import { str, wrongType } from "./_convert.ts";

const zeroTime = new GoTime(-62135596800);

function nowOf(ctx: FuncContext): GoTime {
  return GoTime.fromUnixMilli(ctx.now);
}

/** A `time.Time`, an int (unix seconds), or — for anything else — the render's now. */
function timeOf(v: unknown, ctx: FuncContext): GoTime {
  if (v instanceof GoTime) return v;
  if (isGoInt(v)) return new GoTime(Number(v));
  return nowOf(ctx);
}

function timeArg(args: readonly unknown[], i: number): GoTime {
  const v = args[i];
  return v instanceof GoTime ? v : wrongType("time.Time", v);
}

/** The offset (seconds east of UTC) and abbreviation of `zone` at instant `t`, or undefined for an unknown zone. */
function zoneAt(zone: string, t: GoTime): { offset: number; abbr: string } | undefined {
  if (zone === "" || zone === "UTC" || zone === "Local") return { offset: 0, abbr: "UTC" };
  try {
    const ms = t.sec * 1000;
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(ms);
    const off = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(off);
    const offset = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
    const short = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }).formatToParts(ms)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
    const numeric = m ? m[1] + (m[2] ?? "") + (m[3] === "00" ? "" : m[3]) : "UTC";
    return { offset, abbr: /^[A-Z]{3,5}$/.test(short) && !short.startsWith("GMT") ? short : numeric };
  } catch {
    return undefined;
  }
}

function inZone(t: GoTime, zone: string): GoTime {
  const z = zoneAt(zone, t) ?? { offset: 0, abbr: "UTC" };
  return t.inOffset(z.offset, z.abbr);
}

function roundToSecond(ns: bigint): bigint {
  const m = 1_000_000_000n;
  const neg = ns < 0n;
  const r = (neg ? -ns : ns) % m;
  const base = (neg ? -ns : ns) - r;
  const v = r + r < m ? base : base + m;
  return neg ? -v : v;
}

function since(t: GoTime, ctx: FuncContext): bigint {
  const now = nowOf(ctx);
  return BigInt(now.sec - t.sec) * 1_000_000_000n + BigInt(now.nsec - t.nsec);
}

function durationRound(v: unknown, ctx: FuncContext): string {
  let d = 0n;
  if (typeof v === "string") {
    const r = parseDuration(v);
    d = E.isRight(r) ? BigInt(r.right.ns) : 0n;
  } else if (isGoInt(v)) d = BigInt(v);
  else if (v instanceof GoTime) d = since(v, ctx);
  const u = d < 0n ? -d : d;
  const hour = 3_600_000_000_000n;
  const units: readonly [bigint, string][] = [
    [hour * 24n * 365n, "y"],
    [hour * 24n * 30n, "mo"],
    [hour * 24n, "d"],
    [hour, "h"],
    [60_000_000_000n, "m"],
    [1_000_000_000n, "s"],
  ];
  for (const [size, name] of units) if (u > size) return String(u / size) + name;
  return "0s";
}

function modify(args: readonly unknown[], must: boolean): GoTime {
  const t = timeArg(args, 1);
  const d = parseDuration(str(args, 0));
  if (E.isLeft(d)) {
    if (must) throw new GoFuncError(d.left);
    return t;
  }
  return t.Add(d.right);
}

function toDate(args: readonly unknown[], must: boolean): GoTime {
  const r = GoTime.parse(str(args, 0), str(args, 1));
  if (E.isRight(r)) return r.right;
  if (must) throw new GoFuncError(r.left);
  return zeroTime;
}

const dateInZone = fixed(["string", any, "string"], (a, ctx) => inZone(timeOf(a[1], ctx), str(a, 2)).format(str(a, 0)));

/** The date family of sprig's function map. */
export const dateFunctions: Readonly<Record<string, GoFunc>> = {
  now: fixed([], (_a, ctx) => nowOf(ctx)),
  date: fixed(["string", any], (a, ctx) => inZone(timeOf(a[1], ctx), "Local").format(str(a, 0))),
  dateInZone,
  date_in_zone: dateInZone,
  htmlDate: fixed([any], (a, ctx) => inZone(timeOf(a[0], ctx), "Local").format("2006-01-02")),
  htmlDateInZone: fixed([any, "string"], (a, ctx) => inZone(timeOf(a[0], ctx), str(a, 1)).format("2006-01-02")),
  ago: fixed([any], (a, ctx) => formatDuration(Number(roundToSecond(since(timeOf(a[0], ctx), ctx))))),
  duration: fixed([any], (a) => {
    const v = a[0];
    let n = 0n;
    if (typeof v === "string") n = /^[+-]?\d+$/.test(v) ? BigInt.asIntN(64, BigInt(v)) : 0n;
    else if (isGoInt(v)) n = BigInt(v);
    return formatDuration(Number(BigInt.asIntN(64, n * 1_000_000_000n)));
  }),
  durationRound: fixed([any], (a, ctx) => durationRound(a[0], ctx)),
  toDate: fixed(["string", "string"], (a) => toDate(a, false)),
  mustToDate: fixed(["string", "string"], (a) => toDate(a, true)),
  dateModify: fixed(["string", "time.Time"], (a) => modify(a, false)),
  date_modify: fixed(["string", "time.Time"], (a) => modify(a, false)),
  mustDateModify: fixed(["string", "time.Time"], (a) => modify(a, true)),
  must_date_modify: fixed(["string", "time.Time"], (a) => modify(a, true)),
  unixEpoch: fixed(["time.Time"], (a) => String(timeArg(a, 0).sec)),
};
