/**
 * Base64 without `atob`/`btoa`: standard decoding for Secret `data`, URL-safe unpadded encoding for condition keys.
 * @module
 */

const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Encodes bytes as base64url without padding (Go's `base64.RawURLEncoding`). */
export function encodeBase64UrlNoPad(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += url[(n >> 18) & 63]! + url[(n >> 12) & 63]!;
    if (b !== undefined) out += url[(n >> 6) & 63]!;
    if (c !== undefined) out += url[n & 63]!;
  }
  return out;
}

/**
 * Decodes standard base64 (padding optional, ASCII whitespace ignored, as Kubernetes tolerates line breaks).
 * Returns `undefined` when the text is not base64.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\t\n\r ]/g, "").replace(/=+$/, "");
  if (clean.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(clean)) return undefined;
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of clean) {
    acc = (acc << 6) | std.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
