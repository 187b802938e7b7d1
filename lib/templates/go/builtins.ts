/**
 * Go text/template's builtin functions (`and or not len index slice print printf println html js urlquery call eq ne
 * lt le gt ge`) over the executor's values. They see raw values (`noValue` for a missing key, `null` for a nil
 * interface), as Go's builtins see `reflect.Value`s.
 * @module
 */
import { compareGoStrings, formatValue, sprint, sprintf, sprintln } from "../../gofmt/mod.ts";
import { decodeUtf8, encodeUtf8 } from "../../go/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError, type GoSignature } from "./func.ts";
import { charge, chargeString, charsPerStep, checkDepth, formatWithin } from "./budget.ts";
import { Method, reach } from "./_access.ts";
import { escapeHtml, escapeJs, queryEscape } from "./escape.ts";
import {
  type BasicKind,
  basicKind,
  isMap,
  isNil,
  isTrue as truthy,
  noValue,
  numberOf,
  toArg,
  typeName,
} from "./_value.ts";

/** A builtin: its Go signature (`reflect.Value` parameters receive raw values) and implementation. */
export interface Builtin {
  readonly signature: GoSignature;
  /** `boxed[i]` tells whether argument i is data (where Go's JSON integers are int64) rather than a literal. */
  readonly fn: (ctx: FuncContext, args: readonly unknown[], boxed: readonly boolean[]) => unknown;
}

const raw = "reflect.Value";
const any = "interface {}";

function fail(message: string): never {
  throw new GoFuncError(message);
}

// --- comparisons

/**
 * Data integers are Go int64 (how JSON numbers decode into unstructured objects); bigint is our int64. A copy, so
 * its size is charged and its depth checked as it is made.
 */
function asData(ctx: FuncContext, v: unknown, depth = 0): unknown {
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 63) return BigInt(v);
  if (Array.isArray(v)) {
    checkDepth(ctx, depth + 1, "converting a value");
    charge(ctx, v.length + 1, "converting a value");
    return v.map((x) => asData(ctx, x, depth + 1));
  }
  if (isMap(v) && !(v instanceof Map)) {
    checkDepth(ctx, depth + 1, "converting a value");
    const entries = Object.entries(v);
    charge(ctx, entries.length + 1, "converting a value");
    return Object.fromEntries(entries.map(([k, x]) => [k, asData(ctx, x, depth + 1)]));
  }
  return v;
}

function eq(ctx: FuncContext, args: readonly unknown[], boxed: readonly boolean[] = []): boolean {
  const [a, ...rest] = args;
  if (rest.length === 0) fail("missing argument for comparison");
  const k1 = basicKind(a);
  for (let i = 0; i < rest.length; i++) {
    const b = rest[i];
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (!isNil(a) && !isNil(b)) fail("incompatible types for comparison");
    } else {
      switch (k1) {
        case "bool":
          truth = a === b;
          break;
        case "string":
          if ((a as string).length > charsPerStep) charge(ctx, Math.ceil((a as string).length / charsPerStep), "eq");
          truth = a === b;
          break;
        case "int":
          truth = bigOf(a) === bigOf(b);
          break;
        case "float":
          truth = numberOf(a) === numberOf(b);
          break;
        case "invalid":
          truth = true;
          break;
        default:
          truth = equalOther(ctx, boxed[0] === true ? asData(ctx, a) : a, boxed[i + 1] === true ? asData(ctx, b) : b);
      }
    }
    if (truth) return true;
  }
  return false;
}

function equalOther(ctx: FuncContext, a: unknown, b: unknown): boolean {
  const ta = typeName(a, true);
  const tb = typeName(b, true);
  const comparable = (t: string): boolean => !t.startsWith("[]") && !t.startsWith("map[") && !t.startsWith("func");
  if (kindOf(ta) !== kindOf(tb)) {
    const as = formatWithin(ctx, "eq", (l) => sprintf("%s", [toArg(a)], l));
    fail(`non-comparable types ${as}: ${ta}, ${tb}: ${formatWithin(ctx, "eq", (l) => formatValue(toArg(b), l))}`);
  }
  if (!comparable(tb)) {
    fail(`non-comparable type ${formatWithin(ctx, "eq", (l) => sprintf("%s", [toArg(b)], l))}: ${tb}`);
  }
  if (a === b) return true;
  const equal = ta === tb ? reach(a, "Equal") : undefined;
  return equal instanceof Method && equal.call([b]) === true;
}

function kindOf(t: string): string {
  if (t.startsWith("[]")) return "slice";
  if (t.startsWith("map[")) return "map";
  if (t.startsWith("func")) return "func";
  return "struct";
}

/** An int-kinded value as an exact bigint (data beyond 2^53 arrives as bigint). */
function bigOf(v: unknown): bigint {
  return typeof v === "bigint" ? v : BigInt(numberOf(v));
}

function lt(ctx: FuncContext, a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  const basic = (k: BasicKind): boolean => k !== "other" && k !== "invalid";
  if (!basic(k1) || !basic(k2)) fail("invalid type for comparison");
  if (k1 !== k2) fail("incompatible types for comparison");
  switch (k1) {
    case "bool":
      return fail("invalid type for comparison");
    case "string":
      charge(ctx, Math.ceil(Math.min((a as string).length, (b as string).length) / charsPerStep), "lt");
      return compareGoStrings(a as string, b as string) < 0;
    case "int":
      return bigOf(a) < bigOf(b);
    default:
      return numberOf(a) < numberOf(b);
  }
}

function le(ctx: FuncContext, a: unknown, b: unknown): boolean {
  return lt(ctx, a, b) || eq(ctx, [a, b]);
}

// --- collections

function utf8Bytes(ctx: FuncContext, s: string): Uint8Array {
  charge(ctx, Math.ceil(s.length / charsPerStep), "encoding a string");
  return encodeUtf8(s);
}

function length(ctx: FuncContext, v: unknown, boxed: boolean): number {
  if (v === null) fail("len of nil pointer");
  if (v === noValue || v === undefined) fail("reflect: call of reflect.Value.Type on zero Value");
  if (typeof v === "string") return utf8Bytes(ctx, v).length;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length;
  if (v instanceof Map) return v.size;
  if (isMap(v)) return Object.keys(v).length;
  return fail(`len of type ${typeName(v, boxed)}`);
}

function indexArg(index: unknown, cap: number): number {
  if (isNil(index)) fail("cannot index slice/array with nil");
  const k = basicKind(index);
  if (k !== "int") fail(`cannot index slice/array with type ${typeName(index, true)}`);
  const x = numberOf(index);
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

function index(ctx: FuncContext, args: readonly unknown[], boxed: readonly boolean[]): unknown {
  let [item] = args;
  let itemBoxed = boxed[0] === true;
  if (isNil(item)) fail("index of untyped nil");
  for (let k = 1; k < args.length; k++) {
    const ix = args[k];
    if (item === null) fail("index of nil pointer");
    if (typeof item === "string" || Array.isArray(item) || item instanceof Uint8Array) {
      const x = indexArg(ix, item.length);
      if (typeof item === "string") {
        const bytes = utf8Bytes(ctx, item);
        if (x >= bytes.length) fail("reflect: string index out of range");
        item = bytes[x];
      } else {
        if (x >= item.length) fail("reflect: slice index out of range");
        item = item[x] ?? null;
      }
    } else if (isMap(item)) {
      if (isNil(ix)) fail("value is nil; should be of type string");
      if (typeof ix !== "string") fail(`value has type ${typeName(ix, boxed[k] === true)}; should be string`);
      const found = reach(item, ix);
      item = found === noValue ? null : found;
    } else {
      fail(`can't index item of type ${typeName(item, itemBoxed)}`);
    }
    itemBoxed = true;
  }
  return item;
}

function slice(ctx: FuncContext, args: readonly unknown[], boxed: readonly boolean[]): unknown {
  const [item, ...indexes] = args;
  if (isNil(item)) fail("slice of untyped nil");
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === "string") {
    if (indexes.length === 3) fail("cannot 3-index slice a string");
    len = utf8Bytes(ctx, item).length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    return fail(`can't slice item of type ${typeName(item, boxed[0] === true)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((ix, i) => {
    idx[i] = indexArg(ix, len);
  });
  const [lo = 0, hi = len, max = len] = idx;
  if (lo > hi) fail(`invalid slice index: ${lo} > ${hi}`);
  if (indexes.length === 3 && hi > max) fail(`invalid slice index: ${hi} > ${max}`);
  if (typeof item === "string") return decodeUtf8(utf8Bytes(ctx, item).slice(lo, hi));
  charge(ctx, hi - lo, "slice");
  return item.slice(lo, hi);
}

// --- printing

function printableArgs(ctx: FuncContext, args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === "string") return args[0];
  return formatWithin(ctx, "printing", (l) => sprint(args.map((a) => (isNil(a) ? "<no value>" : a)), l));
}

// --- call

function call(ctx: FuncContext, args: readonly unknown[], boxed: readonly boolean[]): unknown {
  const [fn, ...rest] = args;
  if (isNil(fn)) fail("call of nil");
  // A function value is one the data holds (a host helper such as `time.Parse`): `_access.ts` never yields one from
  // a prototype. It is called without a receiver.
  if (typeof fn !== "function") fail(`non-function of type ${typeName(fn, boxed[0] === true)}`);
  const signature = (fn as GoFunc).signature;
  const values = rest.map(toArg);
  if (signature !== undefined) {
    const n = signature.params.length;
    if (signature.variadic !== undefined) {
      if (values.length < n) fail(`wrong number of args: got ${values.length} want at least ${n}`);
    } else if (values.length !== n) {
      fail(`wrong number of args: got ${values.length} want ${n}`);
    }
    return (fn as GoFunc)(ctx, values);
  }
  return (fn as (...a: unknown[]) => unknown)(...values);
}

/** An escaped text, charged and checked against the render's string limit (escaping grows a text up to 6 times). */
function escaped(ctx: FuncContext, what: string, text: string): string {
  chargeString(ctx, text.length, what);
  return text;
}

function sig(params: readonly string[], variadic?: string): GoSignature {
  return variadic === undefined ? { params } : { params, variadic };
}

/**
 * The builtins by name. `and` and `or` are evaluated lazily by the executor (they short-circuit); their entries
 * here give their signature.
 */
export const builtins: Readonly<Record<string, Builtin>> = {
  and: { signature: sig([raw], raw), fn: () => noValue },
  or: { signature: sig([raw], raw), fn: () => noValue },
  not: { signature: sig([raw]), fn: (_c, [v]) => !truthy(v) },
  len: { signature: sig([raw]), fn: (c, [v], boxed) => length(c, v, boxed[0] === true) },
  index: { signature: sig([raw], raw), fn: (c, args, boxed) => index(c, args, boxed) },
  slice: { signature: sig([raw], raw), fn: (c, args, boxed) => slice(c, args, boxed) },
  print: { signature: sig([], any), fn: (c, args) => formatWithin(c, "print", (l) => sprint(args.map(toArg), l)) },
  printf: {
    signature: sig(["string"], any),
    fn: (c, [f, ...args], boxed) => {
      const operands = args.map((a, i) => (boxed[i + 1] === true ? asData(c, toArg(a)) : toArg(a)));
      return formatWithin(c, "printf", (l) => sprintf(String(f), operands, l));
    },
  },
  println: {
    signature: sig([], any),
    fn: (c, args) => formatWithin(c, "println", (l) => sprintln(args.map(toArg), l)),
  },
  html: { signature: sig([], any), fn: (c, args) => escaped(c, "html", escapeHtml(printableArgs(c, args))) },
  js: { signature: sig([], any), fn: (c, args) => escaped(c, "js", escapeJs(printableArgs(c, args))) },
  urlquery: { signature: sig([], any), fn: (c, args) => escaped(c, "urlquery", queryEscape(printableArgs(c, args))) },
  call: { signature: sig([raw], raw), fn: call },
  eq: { signature: sig([raw], raw), fn: (c, args, boxed) => eq(c, args, boxed) },
  ne: { signature: sig([raw, raw]), fn: (c, [a, b]) => !eq(c, [a, b]) },
  lt: { signature: sig([raw, raw]), fn: (c, [a, b]) => lt(c, a, b) },
  le: { signature: sig([raw, raw]), fn: (c, [a, b]) => le(c, a, b) },
  gt: { signature: sig([raw, raw]), fn: (c, [a, b]) => !le(c, a, b) },
  ge: { signature: sig([raw, raw]), fn: (c, [a, b]) => !lt(c, a, b) },
};
