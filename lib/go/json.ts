/**
 * Go's `encoding/json` encoder over our value model (see `lib/gofmt/go-type.ts`), byte for byte: what sprig's
 * `toJson`/`toPrettyJson`/`toRawJson`, expr's `toJSON` and the notified-state annotation write.
 *
 * Map keys are sorted by their UTF-8 bytes; `<`, `>` and `&` are escaped as `\u003c`… unless `escapeHtml` is off;
 * U+2028/U+2029 are always escaped; `\b` and `\f` are written short, as Go >= 1.22 does (Argo's engine is built with
 * a current Go); a lone surrogate (invalid UTF-8) becomes `\ufffd`; floats use Go's ES6-like number format
 * (`1e-7`, `1e+21`, `-0`); `[]byte` is base64; times are RFC 3339 with nanoseconds; durations, months and weekdays
 * are their integers.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { compareGoStrings } from "../gofmt/compare-go-strings.ts";
import { goTypeName, isGoInt, isGoMap } from "../gofmt/go-type.ts";
import { GoDuration } from "../values/duration.ts";
import { GoFloat } from "../values/float.ts";
import { GoMonth, GoTime, GoWeekday } from "../values/time.ts";
import { encodeBase64 } from "./base64.ts";

/** Options of {@linkcode encodeGoJson}. */
export interface GoJsonOptions {
  /** Escape `<`, `>` and `&` (Go's default; `SetEscapeHTML(false)`, as sprig's `toRawJson` does, turns it off). */
  readonly escapeHtml: boolean;
  /** The indent unit (`"  "` for `json.MarshalIndent(v, "", "  ")`), or `""` for compact output. */
  readonly indent: string;
}

/** Go's encoder gives up on cycles after this depth; ours has no pointers to compare, so depth alone decides. */
const maxDepth = 1000;

const hex = "0123456789abcdef";
// deno-lint-ignore no-control-regex
const needsNoEscape = /^[^\x00-\x1f"\\<>&\u2028\u2029\ud800-\udfff]*$/;
// deno-lint-ignore no-control-regex
const needsNoEscapeRaw = /^[^\x00-\x1f"\\\u2028\u2029\ud800-\udfff]*$/;

/**
 * Quotes a string as Go's JSON encoder does (see the module doc for the escapes).
 *
 * @param s the string
 * @param escapeHtml whether `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (Go's default)
 * @returns the JSON string literal
 * @example HTML escaping
 * ```ts
 * import { quoteGoJson } from "./json.ts";
 * import { expect } from "vitest";
 * expect(quoteGoJson("<a>\n")).toBe('"\\u003ca\\u003e\\n"');
 * expect(quoteGoJson("<a>", false)).toBe('"<a>"');
 * ```
 */
export function quoteGoJson(s: string, escapeHtml: boolean = true): string {
  if ((escapeHtml ? needsNoEscape : needsNoEscapeRaw).test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22 || c === 0x5c) out += `\\${ch}`;
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || (escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26))) {
      out += `\\u00${hex[c >> 4]}${hex[c & 0xf]}`;
    } else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
    else out += ch;
  }
  return `${out}"`;
}

/** Thrown inside the encoder and turned into a `Left` by {@linkcode encodeGoJson}. */
class UnsupportedError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** Go's float encoding: like ES6 `Number#toString` (which Go copied), except that -0 keeps its sign. */
function formatFloat(f: number): string {
  if (!Number.isFinite(f)) {
    throw new UnsupportedError(
      `json: unsupported value: ${f === Infinity ? "+Inf" : f === -Infinity ? "-Inf" : "NaN"}`,
    );
  }
  return Object.is(f, -0) ? "-0" : String(f);
}

function encode(v: unknown, o: GoJsonOptions, depth: number): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return isGoInt(v) ? String(v + 0) : formatFloat(v);
    case "bigint":
      return v.toString();
    case "string":
      return quoteGoJson(v, o.escapeHtml);
    case "function":
      throw new UnsupportedError(`json: unsupported type: ${goTypeName(v)}`);
  }
  if (v instanceof GoFloat) return formatFloat(v.value);
  if (v instanceof GoDuration) return String(v.ns);
  if (v instanceof GoMonth || v instanceof GoWeekday) return String(v.n);
  if (v instanceof GoTime) return quoteGoJson(v.format("2006-01-02T15:04:05.999999999Z07:00"), o.escapeHtml);
  if (v instanceof Uint8Array) return `"${encodeBase64(v)}"`;
  if (depth >= maxDepth) {
    throw new UnsupportedError(`json: unsupported value: encountered a cycle via ${goTypeName(v)}`);
  }
  const nl = o.indent === "" ? "" : "\n" + o.indent.repeat(depth + 1);
  const close = o.indent === "" ? "" : "\n" + o.indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i > 0 ? "," : "") + nl + encode(v[i], o, depth + 1);
    return out + close + "]";
  }
  if (isGoMap(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    if (keys.length === 0) return "{}";
    const sep = o.indent === "" ? ":" : ": ";
    let out = "{";
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      out += (i > 0 ? "," : "") + nl + quoteGoJson(k, o.escapeHtml) + sep + encode(v[k], o, depth + 1);
    }
    return out + close + "}";
  }
  const s = (v as { String?: unknown }).String;
  if (typeof s === "function") return quoteGoJson(String(s.call(v)), o.escapeHtml);
  throw new UnsupportedError(`json: unsupported type: ${goTypeName(v)}`);
}

/**
 * Encodes a value as Go's `json.Marshal` (or `json.MarshalIndent(v, "", indent)`) would.
 *
 * @param v the value
 * @param options HTML escaping and indentation
 * @returns the JSON text, or Go's error message for what Go cannot encode (`json: unsupported value: NaN`,
 *   `json: unsupported type: func()`)
 * @example Sorted keys and HTML escaping
 * ```ts
 * import { encodeGoJson } from "./json.ts";
 * import { expect } from "vitest";
 * expect(encodeGoJson({ b: "<x>", a: 1 }, { escapeHtml: true, indent: "" }))
 *   .toEqual({ _tag: "Right", right: '{"a":1,"b":"\\u003cx\\u003e"}' });
 * expect(encodeGoJson([NaN], { escapeHtml: true, indent: "" }))
 *   .toEqual({ _tag: "Left", left: "json: unsupported value: NaN" });
 * ```
 */
export function encodeGoJson(v: unknown, options: GoJsonOptions): Either<string, string> {
  try {
    return E.right(encode(v, options, 0));
  } catch (e) {
    if (e instanceof UnsupportedError) return E.left(e.message);
    throw e;
  }
}
