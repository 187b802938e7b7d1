/**
 * The string builtins of expr v1.17 (`trim`, `upper`, `split`, `replace`, `repeat`, `join`, `indexOf`, `toBase64` …).
 * Each pays for the characters it scans and builds; what it builds is checked against `maxStringLength` (and
 * `maxListLength` for `split`) before it is built.
 * @module
 */
import { checkString, spend } from "./_budget.ts";
import { fail, LimitFailure } from "./_failure.ts";
import { decodeBase64, encodeBase64 } from "../go/mod.ts";
import { decodeUtf8, encodeUtf8, goCount, goReplace, goSplit, goTrim, goTrimSpace, utf8Length } from "../go/mod.ts";
import { arity, budgetOf, buildList, built, type Builtin, type BuiltinContext, scanned, str } from "./_builtin-kit.ts";
import { toIndex, typeName } from "./runtime.ts";

function byteIndex(s: string, i: number): number {
  return i < 0 ? -1 : utf8Length(s.slice(0, i));
}

/** Go's `strings.Replace(s, old, new, limit)`; the result's length is checked before it is built. */
function replace(s: string, o: string, n: string, limit: number, c: BuiltinContext): string {
  const found = goCount(s, o);
  const count = limit < 0 ? found : Math.min(limit, found);
  checkString(budgetOf(c), s.length + count * (n.length - o.length), "replace", c.pos);
  return built(goReplace(s, o, n, limit), "replace", c);
}

/** expr's `join`: the result's length is checked before it is built. */
function join(xs: unknown, glue: string, c: BuiltinContext): string {
  if (!Array.isArray(xs)) return fail(`invalid argument for join (type ${typeName(xs)})`, c.pos);
  const parts = xs.map((x) => str(x, c.pos));
  spend(budgetOf(c), parts.length, c.pos);
  const length = parts.reduce((n, p) => n + p.length, 0) + Math.max(0, parts.length - 1) * glue.length;
  checkString(budgetOf(c), length, "join", c.pos);
  return built(parts.join(glue), "join", c);
}

/** expr's `repeat`: the result's length is checked before it is built. */
function repeat(s: string, n: number, c: BuiltinContext): string {
  if (n < 0) fail(`invalid argument for repeat (expected positive integer, got ${n})`, c.pos);
  const max = budgetOf(c).limits.maxStringLength;
  const length = s.length * n;
  if (length > max) {
    throw new LimitFailure(
      "maxStringLength",
      max,
      `memory budget exceeded: repeat would build ${length} characters`,
      c.pos,
    );
  }
  return built(s.repeat(n), "repeat", c);
}

function fromBase64(s: string, pos: number): string {
  const r = decodeBase64(s);
  return r._tag === "Right" ? decodeUtf8(r.right) : fail(r.left, pos);
}

/** The string builtins by name. */
export const stringBuiltins: readonly (readonly [string, Builtin])[] = [
  ["trim", (a, c) => {
    arity("trim", a, 1, 2, c.pos);
    return a.length === 1 ? goTrimSpace(scanned(a[0], c)) : goTrim(scanned(a[0], c), scanned(a[1], c));
  }],
  ["trimPrefix", (a, c) => {
    arity("trimPrefix", a, 1, 2, c.pos);
    const s = str(a[0], c.pos), p = a.length === 2 ? scanned(a[1], c) : " ";
    return s.startsWith(p) ? s.slice(p.length) : s;
  }],
  ["trimSuffix", (a, c) => {
    arity("trimSuffix", a, 1, 2, c.pos);
    const s = str(a[0], c.pos), p = a.length === 2 ? scanned(a[1], c) : " ";
    return p !== "" && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  }],
  ["upper", (a, c) => (arity("upper", a, 1, 1, c.pos), built(scanned(a[0], c).toUpperCase(), "upper", c))],
  ["lower", (a, c) => (arity("lower", a, 1, 1, c.pos), built(scanned(a[0], c).toLowerCase(), "lower", c))],
  ...(["split", "splitAfter"] as const).map((name): [string, Builtin] => [name, (a, c) => {
    arity(name, a, 2, 3, c.pos);
    const parts = goSplit(
      scanned(a[0], c),
      str(a[1], c.pos),
      a.length === 3 ? toIndex(a[2], c.pos) : -1,
      name === "splitAfter",
    );
    buildList(parts.length, name, c);
    return parts;
  }]),
  ["replace", (a, c) => {
    arity("replace", a, 3, 4, c.pos);
    const s = scanned(a[0], c), o = str(a[1], c.pos), n = str(a[2], c.pos);
    return replace(s, o, n, a.length === 4 ? toIndex(a[3], c.pos) : -1, c);
  }],
  ["repeat", (a, c) => (arity("repeat", a, 2, 2, c.pos), repeat(str(a[0], c.pos), toIndex(a[1], c.pos), c))],
  ["join", (a, c) => (arity("join", a, 1, 2, c.pos), join(a[0], a.length === 2 ? str(a[1], c.pos) : "", c))],
  ["indexOf", (a, c) => {
    arity("indexOf", a, 2, 2, c.pos);
    const s = scanned(a[0], c);
    return byteIndex(s, s.indexOf(str(a[1], c.pos)));
  }],
  ["lastIndexOf", (a, c) => {
    arity("lastIndexOf", a, 2, 2, c.pos);
    const s = scanned(a[0], c);
    return byteIndex(s, s.lastIndexOf(str(a[1], c.pos)));
  }],
  ["hasPrefix", (a, c) => (arity("hasPrefix", a, 2, 2, c.pos), str(a[0], c.pos).startsWith(scanned(a[1], c)))],
  ["hasSuffix", (a, c) => (arity("hasSuffix", a, 2, 2, c.pos), str(a[0], c.pos).endsWith(scanned(a[1], c)))],
  [
    "toBase64",
    (a, c) => (arity("toBase64", a, 1, 1, c.pos), built(encodeBase64(encodeUtf8(scanned(a[0], c))), "toBase64", c)),
  ],
  ["fromBase64", (a, c) => (arity("fromBase64", a, 1, 1, c.pos), fromBase64(scanned(a[0], c), c.pos))],
];
