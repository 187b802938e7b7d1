/**
 * Go's `encoding/json` encoder over our value model, as sprig's `toJson`/`toPrettyJson`/`toRawJson` produce it:
 * object keys sorted, `<`, `>`, `&` escaped as `\u003c`… (unless raw), U+2028/U+2029 always escaped, `[]byte` as
 * base64, times as RFC 3339 with nanoseconds.
 * @module
 */
import { compareGoStrings, isGoMap } from "../../gofmt/mod.ts";
import { GoDuration } from "../../values/duration.ts";
import { GoFloat } from "../../values/float.ts";
import { GoTime } from "../../values/time.ts";
import { encodeBase64 } from "./_base64.ts";

/** Options of {@linkcode encodeGoJson}. */
export interface GoJsonOptions {
  /** Escape `<`, `>` and `&` (Go's default; `toRawJson` turns it off). */
  readonly escapeHtml: boolean;
  /** The indent unit (`"  "` for `toPrettyJson`), or `""` for compact output. */
  readonly indent: string;
}

function quoteJson(s: string, html: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c < 0x20 || (html && (c === 0x3c || c === 0x3e || c === 0x26))) {
      out += "\\u00" + c.toString(16).padStart(2, "0");
    } else if (c === 0x2028 || c === 0x2029) out += "\\u" + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\ufffd";
    else out += ch;
  }
  return out + '"';
}

function number(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n === Infinity ? "+Inf" : String(n)}`);
  return Object.is(n, -0) ? "-0" : String(n);
}

function encode(v: unknown, o: GoJsonOptions, depth: number): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return number(v);
    case "bigint":
      return v.toString();
    case "string":
      return quoteJson(v, o.escapeHtml);
  }
  if (v instanceof GoFloat) return number(v.value);
  if (v instanceof GoDuration) return String(v.ns);
  if (v instanceof GoTime) return quoteJson(v.format("2006-01-02T15:04:05.999999999Z07:00"), o.escapeHtml);
  if (v instanceof Uint8Array) return '"' + encodeBase64(v) + '"';
  const nl = o.indent === "" ? "" : "\n" + o.indent.repeat(depth + 1);
  const close = o.indent === "" ? "" : "\n" + o.indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return "[" + v.map((x) => nl + encode(x, o, depth + 1)).join(",") + close + "]";
  }
  if (isGoMap(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    if (keys.length === 0) return "{}";
    const sep = o.indent === "" ? ":" : ": ";
    return "{" + keys.map((k) => nl + quoteJson(k, o.escapeHtml) + sep + encode(v[k], o, depth + 1)).join(",") + close + "}";
  }
  const s = (v as { String?: unknown }).String;
  if (typeof s === "function") return quoteJson(String(s.call(v)), o.escapeHtml);
  throw new Error(`json: unsupported type: ${typeof v}`);
}

/**
 * Encodes a value as Go's `json.Marshal` (or `MarshalIndent` with `indent`) would.
 *
 * @param v the value
 * @param options HTML escaping and indentation
 * @returns the JSON text; throws an `Error` with Go's message for NaN/±Inf (`json: unsupported value: NaN`)
 * @example Sorted keys and HTML escaping
 * ```ts
 * import { encodeGoJson } from "./go-json.ts";
 * import { expect } from "vitest";
 * expect(encodeGoJson({ b: "<x>", a: 1 }, { escapeHtml: true, indent: "" })).toBe('{"a":1,"b":"\\u003cx\\u003e"}');
 * ```
 */
export function encodeGoJson(v: unknown, options: GoJsonOptions): string {
  return encode(v, options, 0);
}
