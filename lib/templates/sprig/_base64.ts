/**
 * Go's standard base64 and base32 encodings (padding required, `\r`/`\n` ignored when decoding), with Go's
 * `illegal base64 data at input byte N` errors.
 * @module
 */
const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Standard base64 with padding. */
export function encodeBase64(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const rem = b.length - i;
    out += b64[(n >> 18) & 63] ?? "";
    out += b64[(n >> 12) & 63] ?? "";
    out += rem > 1 ? b64[(n >> 6) & 63] ?? "" : "=";
    out += rem > 2 ? b64[n & 63] ?? "" : "=";
  }
  return out;
}

/** Go's `base64.StdEncoding.DecodeString`: the bytes, or the error message. */
export function decodeBase64(src: Uint8Array): { bytes: Uint8Array } | { error: string } {
  const out: number[] = [];
  const corrupt = (n: number): { error: string } => ({ error: `illegal base64 data at input byte ${n}` });
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: Uint8Array.from(out) };
        return corrupt(si - j);
      }
      const c = src[si++] ?? 0;
      const d = b64.indexOf(String.fromCharCode(c));
      if (d >= 0 && c < 128) {
        dbuf[j] = d;
        continue;
      }
      if (c === 10 || c === 13) {
        j--;
        continue;
      }
      if (c !== 61 || j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 10 || src[si] === 13)) si++;
      if (si < src.length) return corrupt(si);
      dlen = j;
      break;
    }
    const n = ((dbuf[0] ?? 0) << 18) | ((dbuf[1] ?? 0) << 12) | ((dbuf[2] ?? 0) << 6) | (dbuf[3] ?? 0);
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (dlen < 4) break;
  }
  return { bytes: Uint8Array.from(out) };
}

/** Standard base32 with padding. */
export function encodeBase32(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 5) {
    const chunk = Array.from(b.subarray(i, i + 5));
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const nchars = [2, 4, 5, 7, 8][chunk.length - 1] ?? 8;
    for (let k = 0; k < 8; k++) {
      out += k < nchars ? b32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : "=";
    }
  }
  return out;
}

/** Go's `base32.StdEncoding.DecodeString`: the bytes, or the error message. */
export function decodeBase32(input: Uint8Array): { bytes: Uint8Array } | { error: string } {
  const src = Array.from(input).filter((c) => c !== 10 && c !== 13);
  const olen = src.length;
  const corrupt = (n: number): { error: string } => ({ error: `illegal base32 data at input byte ${n}` });
  const out: number[] = [];
  let pos = 0;
  let end = false;
  while (pos < src.length && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (pos === src.length) return corrupt(olen - (src.length - pos) - j);
      const c = src[pos++] ?? 0;
      const left = src.length - pos;
      if (c === 61 && j >= 2 && left < 8) {
        if (left + j < 7) return corrupt(olen);
        for (let k = 0; k < 7 - j; k++) if (left > k && src[pos + k] !== 61) return corrupt(olen - left + k - 1);
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return corrupt(olen - left - 1);
        break;
      }
      const d = b32.indexOf(String.fromCharCode(c));
      if (d < 0 || c >= 128) return corrupt(olen - left - 1);
      dbuf[j++] = d;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes = [32n, 24n, 16n, 8n, 0n].map((s) => Number((bits >> s) & 255n));
    const n = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen] ?? 5;
    out.push(...bytes.slice(0, n));
  }
  return { bytes: Uint8Array.from(out) };
}
