/**
 * sprig's numeric functions (numeric.go and the arithmetic in functions.go): int64 arithmetic over spf13/cast
 * conversions, and the float functions that go through shopspring/decimal.
 * @module
 */
import { isInt64 } from "../../go/mod.ts";
import { formatValue, withGoType } from "../../gofmt/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { chargeList, chargeString } from "../go/budget.ts";
import { any, fixed, variadic } from "./_define.ts";
import { floatResult, int, int64Result, numberOf, str, toFloat64, toInt64 } from "./_convert.ts";

/** An exact decimal `m × 10^-e` (what shopspring/decimal holds). */
interface Dec {
  readonly m: bigint;
  readonly e: number;
}

/** shopspring's `NewFromFloat`: the shortest decimal that round-trips the float. */
function decOf(f: number): Dec {
  if (!Number.isFinite(f)) throw new GoFuncError(`Cannot create a Decimal from ${formatValue(f)}`);
  const [mant = "0", exp = "0"] = f.toExponential().split("e");
  const digits = mant.replace(".", "").replace("-", "");
  const frac = (mant.split(".")[1] ?? "").length;
  const e = frac - Number(exp);
  const m = BigInt((f < 0 ? "-" : "") + digits);
  return e >= 0 ? { m, e } : { m: m * 10n ** BigInt(-e), e: 0 };
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.max(a.e, b.e);
  return [a.m * 10n ** BigInt(e - a.e), b.m * 10n ** BigInt(e - b.e), e];
}

function decToFloat(d: Dec): number {
  const neg = d.m < 0n;
  let s = (neg ? -d.m : d.m).toString();
  if (d.e > 0) {
    s = s.padStart(d.e + 1, "0");
    s = s.slice(0, s.length - d.e) + "." + s.slice(s.length - d.e);
  }
  return Number((neg ? "-" : "") + s);
}

const decOps: Readonly<Record<string, (a: Dec, b: Dec) => Dec>> = {
  add: (a, b) => {
    const [x, y, e] = align(a, b);
    return { m: x + y, e };
  },
  sub: (a, b) => {
    const [x, y, e] = align(a, b);
    return { m: x - y, e };
  },
  mul: (a, b) => ({ m: a.m * b.m, e: a.e + b.e }),
  div: (a, b) => {
    if (b.m === 0n) throw new GoFuncError("decimal division by 0");
    const precision = 16;
    const num = a.m * 10n ** BigInt(b.e + precision);
    const den = b.m * 10n ** BigInt(a.e);
    const q = num / den;
    const r = num % den;
    const twice = (r < 0n ? -r : r) * 2n;
    const absDen = den < 0n ? -den : den;
    const away = twice >= absDen ? ((num < 0n) !== (den < 0n) ? -1n : 1n) : 0n;
    return { m: q + away, e: precision };
  },
};

function decimalOp(op: string, first: unknown, rest: readonly unknown[]): unknown {
  const f = decOps[op] as (a: Dec, b: Dec) => Dec;
  let acc = decOf(toFloat64(first));
  for (const x of rest) acc = f(acc, decOf(toFloat64(x)));
  return floatResult(decToFloat(acc));
}

/** sprig's `untilStep`: the list is counted, and checked against `maxListLength`, before it is built. */
function untilStep(ctx: FuncContext, what: string, start: number, stop: number, step: number): number[] {
  if (stop < start ? step >= 0 : step <= 0) return [];
  const n = Math.ceil((stop - start) / step);
  chargeList(ctx, n, what);
  // Counted, not compared: past 2^53 adding a step may not move the number.
  const v: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) v[k] = start + k * step;
  return v;
}

function joined(ctx: FuncContext, numbers: readonly number[]): string {
  chargeString(ctx, numbers.reduce((n, x) => n + String(x).length + 1, -1), "seq");
  return numbers.join(" ");
}

function seq(ctx: FuncContext, params: readonly number[]): string {
  const [a = 0, b = 0, c = 0] = params;
  switch (params.length) {
    case 1: {
      const inc = a < 1 ? -1 : 1;
      return joined(ctx, untilStep(ctx, "seq", 1, a + inc, inc));
    }
    case 2: {
      const step = b < a ? -1 : 1;
      return joined(ctx, untilStep(ctx, "seq", a, b + step, step));
    }
    case 3: {
      let inc = 1;
      if (c < a) {
        inc = -1;
        if (b > 0) return "";
      }
      return joined(ctx, untilStep(ctx, "seq", a, c + inc, b));
    }
  }
  return "";
}

function round(a: unknown, places: number, roundOn: number): unknown {
  const val = toFloat64(a);
  const pow = Math.pow(10, places);
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  return floatResult((frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow);
}

const int64Of = (v: unknown): bigint => toInt64(v);

/** The numeric family of sprig's function map. */
export const mathFunctions: Readonly<Record<string, GoFunc>> = {
  atoi: fixed(["string"], (a) => {
    const s = str(a, 0);
    return /^[+-]?\d+$/.test(s) && Math.abs(Number(s)) < 2 ** 63 ? Number(s) : 0;
  }),
  int64: fixed([any], (a) => int64Result(int64Of(a[0]))),
  int: fixed([any], (a) => int64Result(int64Of(a[0]))),
  float64: fixed([any], (a) => floatResult(toFloat64(a[0]))),
  toDecimal: fixed([any], (a) => {
    const s = formatValue(a[0]);
    if (!/^[+-]?[0-7]+$/.test(s)) return 0;
    const v = BigInt("0o" + s.replace(/^[+-]/, ""));
    const signed = s[0] === "-" ? -v : v;
    return isInt64(signed) ? int64Result(signed) : 0;
  }),
  seq: variadic([], "int", (a, ctx) => seq(ctx, a.map((_, i) => int(a, i)))),
  until: fixed(["int"], (a, ctx) => {
    const n = int(a, 0);
    return withGoType(untilStep(ctx, "until", 0, n, n < 0 ? -1 : 1), "[]int");
  }),
  untilStep: fixed(
    ["int", "int", "int"],
    (a, ctx) => withGoType(untilStep(ctx, "untilStep", int(a, 0), int(a, 1), int(a, 2)), "[]int"),
  ),
  add1: fixed([any], (a) => int64Result(int64Of(a[0]) + 1n)),
  add: variadic([], any, (a) => int64Result(a.reduce<bigint>((s, x) => s + int64Of(x), 0n))),
  sub: fixed([any, any], (a) => int64Result(int64Of(a[0]) - int64Of(a[1]))),
  div: fixed([any, any], (a) => {
    const d = int64Of(a[1]);
    if (d === 0n) throw new GoFuncError("runtime error: integer divide by zero");
    return int64Result(int64Of(a[0]) / d);
  }),
  mod: fixed([any, any], (a) => {
    const d = int64Of(a[1]);
    if (d === 0n) throw new GoFuncError("runtime error: integer divide by zero");
    return int64Result(int64Of(a[0]) % d);
  }),
  mul: variadic(
    [any],
    any,
    (a) => int64Result(a.slice(1).reduce<bigint>((s, x) => BigInt.asIntN(64, s * int64Of(x)), int64Of(a[0]))),
  ),
  biggest: variadic(
    [any],
    any,
    (a) => int64Result(a.slice(1).reduce<bigint>((m, x) => (int64Of(x) > m ? int64Of(x) : m), int64Of(a[0]))),
  ),
  max: variadic(
    [any],
    any,
    (a) => int64Result(a.slice(1).reduce<bigint>((m, x) => (int64Of(x) > m ? int64Of(x) : m), int64Of(a[0]))),
  ),
  min: variadic(
    [any],
    any,
    (a) => int64Result(a.slice(1).reduce<bigint>((m, x) => (int64Of(x) < m ? int64Of(x) : m), int64Of(a[0]))),
  ),
  maxf: variadic(
    [any],
    any,
    (a) => floatResult(a.slice(1).reduce<number>((m, x) => goMax(m, toFloat64(x)), toFloat64(a[0]))),
  ),
  minf: variadic(
    [any],
    any,
    (a) => floatResult(a.slice(1).reduce<number>((m, x) => goMin(m, toFloat64(x)), toFloat64(a[0]))),
  ),
  add1f: fixed([any], (a) => decimalOp("add", a[0], [1])),
  addf: variadic([], any, (a) => decimalOp("add", 0, a)),
  subf: variadic([any], any, (a) => decimalOp("sub", a[0], a.slice(1))),
  mulf: variadic([any], any, (a) => decimalOp("mul", a[0], a.slice(1))),
  divf: variadic([any], any, (a) => decimalOp("div", a[0], a.slice(1))),
  ceil: fixed([any], (a) => floatResult(Math.ceil(toFloat64(a[0])))),
  floor: fixed([any], (a) => floatResult(Math.floor(toFloat64(a[0])))),
  round: variadic([any, "int"], "float64", (a) => round(a[0], int(a, 1), a.length > 2 ? numberOf(a[2]) ?? 0.5 : 0.5)),
};

function goMax(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
}

function goMin(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
}
