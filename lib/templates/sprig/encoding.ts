/**
 * sprig's encoding functions: base64/base32 (strings.go) and JSON (defaults.go) with Go's exact output.
 *
 * Within the render's limits: an encoding's length is computed before it is built; a value is measured before it is
 * encoded as JSON (its depth against `maxValueDepth`, and the text it would make against `maxStringLength`: a value a
 * template built can share one list at every level and encode exponentially long); a JSON text is scanned for its
 * depth and list lengths before it is decoded.
 * @module
 */
import { isGoMap } from "../../gofmt/mod.ts";
import { decodeUtf8, encodeUtf8 } from "../../go/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { budgetOf, charge, chargeList, chargeString, LimitFailure } from "../go/budget.ts";
import { toFloatValue } from "../../values/mod.ts";
import { any, fixed } from "./_define.ts";
import { str } from "./_convert.ts";
import { decodeBase32, encodeBase32 } from "../../go/mod.ts";
import { decodeBase64, encodeBase64 } from "../../go/mod.ts";
import { encodeGoJson, type GoJsonOptions } from "../../go/mod.ts";
import { goJsonSyntaxError } from "../../go/mod.ts";

const compact: GoJsonOptions = { escapeHtml: true, indent: "" };
const pretty: GoJsonOptions = { escapeHtml: true, indent: "  " };
const raw: GoJsonOptions = { escapeHtml: false, indent: "" };

/**
 * Fails when the JSON text of `v` would nest deeper than `maxValueDepth` or be longer than `maxStringLength`, counting
 * at least one character per value visited (so the walk stops within that many steps), and charges the visit.
 */
function measureJson(ctx: FuncContext, v: unknown, indent: number, what: string): void {
  const { maxValueDepth, maxStringLength } = budgetOf(ctx).limits;
  const stack: unknown[] = [v];
  const depths: number[] = [0];
  let size = 0;
  let visited = 0;
  while (stack.length > 0) {
    const x = stack.pop();
    const d = depths.pop() as number;
    visited++;
    size += 1 + indent * d;
    if (typeof x === "string") size += x.length + 1;
    else if (x instanceof Uint8Array) size += Math.ceil(x.length / 3) * 4 + 1;
    else if (Array.isArray(x) || isGoMap(x)) {
      if (d + 1 > maxValueDepth) {
        throw new LimitFailure(
          "maxValueDepth",
          maxValueDepth,
          `${what} reached a value nested more than ${maxValueDepth} levels deep`,
        );
      }
      size += 1;
      if (Array.isArray(x)) {
        for (let i = x.length - 1; i >= 0; i--) {
          stack.push(x[i]);
          depths.push(d + 1);
        }
      } else {
        for (const k of Object.keys(x)) {
          size += k.length + 3;
          stack.push(x[k]);
          depths.push(d + 1);
        }
      }
    }
    if (size > maxStringLength) chargeString(ctx, size, what);
  }
  charge(ctx, visited, what);
}

/** Fails when a JSON text nests deeper than `maxValueDepth` or holds a list longer than `maxListLength`. */
function measureJsonText(ctx: FuncContext, s: string): void {
  const { maxValueDepth, maxListLength } = budgetOf(ctx).limits;
  const counts: number[] = [];
  let elements = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < s.length && s.charCodeAt(i) !== 0x22; i++) if (s.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      counts.push(1);
      if (counts.length > maxValueDepth) {
        throw new LimitFailure(
          "maxValueDepth",
          maxValueDepth,
          `fromJson would build a value nested more than ${maxValueDepth} levels deep`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) counts.pop();
    else if (c === 0x2c && counts.length > 0) {
      const n = (counts[counts.length - 1] as number) + 1;
      counts[counts.length - 1] = n;
      elements++;
      if (n > maxListLength) chargeList(ctx, n, "fromJson");
    }
  }
  charge(ctx, elements, "fromJson");
}

function json(ctx: FuncContext, v: unknown, o: GoJsonOptions, fail: boolean, what: string): string {
  measureJson(ctx, v, o.indent.length, what);
  const r = encodeGoJson(v, o);
  if (r._tag === "Right") return r.right;
  if (fail) throw new GoFuncError(r.left);
  return "";
}

/** Go's `json.Unmarshal` into `interface{}`: Go's syntax errors, then every number is a float64. */
function fromJson(ctx: FuncContext, s: string): { value: unknown } | { error: string } {
  measureJsonText(ctx, s);
  const error = goJsonSyntaxError(s);
  if (error !== undefined) return { error };
  const value: unknown = JSON.parse(s, (_k, v: unknown) => (typeof v === "number" ? toFloatValue(v) : v));
  return { value };
}

/** The bytes of `s`, and a check that their encoding (`per` characters for every `group` bytes) fits the limits. */
function toEncode(ctx: FuncContext, s: string, group: number, per: number, what: string): Uint8Array {
  const bytes = encodeUtf8(s);
  chargeString(ctx, Math.ceil(bytes.length / group) * per, what);
  return bytes;
}

/** The encoding family of sprig's function map. */
export const encodingFunctions: Readonly<Record<string, GoFunc>> = {
  b64enc: fixed(["string"], (a, ctx) => encodeBase64(toEncode(ctx, str(a, 0), 3, 4, "b64enc"))),
  b64dec: fixed(["string"], (a) => {
    const r = decodeBase64(str(a, 0));
    return r._tag === "Left" ? r.left : decodeUtf8(r.right);
  }),
  b32enc: fixed(["string"], (a, ctx) => encodeBase32(toEncode(ctx, str(a, 0), 5, 8, "b32enc"))),
  b32dec: fixed(["string"], (a) => {
    const r = decodeBase32(str(a, 0));
    return r._tag === "Left" ? r.left : decodeUtf8(r.right);
  }),
  toJson: fixed([any], (a, ctx) => json(ctx, a[0], compact, false, "toJson")),
  mustToJson: fixed([any], (a, ctx) => json(ctx, a[0], compact, true, "mustToJson")),
  toPrettyJson: fixed([any], (a, ctx) => json(ctx, a[0], pretty, false, "toPrettyJson")),
  mustToPrettyJson: fixed([any], (a, ctx) => json(ctx, a[0], pretty, true, "mustToPrettyJson")),
  toRawJson: fixed([any], (a, ctx) => json(ctx, a[0], raw, true, "toRawJson")),
  mustToRawJson: fixed([any], (a, ctx) => json(ctx, a[0], raw, true, "mustToRawJson")),
  fromJson: fixed(["string"], (a, ctx) => {
    const r = fromJson(ctx, str(a, 0));
    return "value" in r ? r.value : null;
  }),
  mustFromJson: fixed(["string"], (a, ctx) => {
    const r = fromJson(ctx, str(a, 0));
    if ("error" in r) throw new GoFuncError(r.error);
    return r.value;
  }),
};
