/**
 * expr's `toJSON`: Go's `json.MarshalIndent(v, "", "  ")` over the expr value model (sorted keys, `<>&` escaped,
 * floats in Go's JSON number format).
 * @module
 */
import { GoDuration } from "../values/duration.ts";
import { GoFloat } from "../values/float.ts";
import { GoTime } from "../values/time.ts";
import { fail } from "./_failure.ts";
import { isMap, typeName } from "./runtime.ts";

function jsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Go's encoding/json number text for a float64. */
export function jsonFloat(f: number, pos: number): string {
  if (!Number.isFinite(f)) return fail(`json: unsupported value: ${f === Infinity ? "+Inf" : f === -Infinity ? "-Inf" : "NaN"}`, pos);
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return f.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  }
  return String(f);
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function encode(v: unknown, indent: string, pos: number, depth: number): string {
  if (depth > 1000) fail("json: unsupported value: encountered a cycle", pos);
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return Number.isInteger(v) ? String(v + 0) : jsonFloat(v, pos);
    case "string":
      return jsonString(v);
    case "function":
      return fail("json: unsupported type: func()", pos);
  }
  if (v instanceof GoFloat) return jsonFloat(v.value, pos);
  if (v instanceof GoTime) return jsonString(v.format("2006-01-02T15:04:05.999999999Z07:00"));
  if (v instanceof GoDuration) return String(v.ns);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[\n${v.map((x) => inner + encode(x, inner, pos, depth + 1)).join(",\n")}\n${indent}]`;
  }
  if (v instanceof Uint8Array) {
    let bin = "";
    for (const b of v) bin += String.fromCharCode(b);
    return jsonString(btoaPure(bin));
  }
  if (isMap(v)) {
    const keys = Object.keys(v).sort(compareKeys);
    if (keys.length === 0) return "{}";
    return `{\n${keys.map((k) => `${inner}${jsonString(k)}: ${encode(v[k], inner, pos, depth + 1)}`).join(",\n")}\n${indent}}`;
  }
  return fail(`json: unsupported type: ${typeName(v)}`, pos);
}

function btoaPure(bin: string): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bin.length; i += 3) {
    const a = bin.charCodeAt(i), b = bin.charCodeAt(i + 1) || 0, c = bin.charCodeAt(i + 2) || 0;
    const n = (a << 16) | (b << 8) | c;
    out += chars[n >> 18]! + chars[(n >> 12) & 63]! + (i + 1 < bin.length ? chars[(n >> 6) & 63]! : "=") +
      (i + 2 < bin.length ? chars[n & 63]! : "=");
  }
  return out;
}

/** Encodes a value as Go's `json.MarshalIndent(v, "", "  ")` does. */
export function toJson(v: unknown, pos: number): string {
  return encode(v, "", pos, 0);
}
