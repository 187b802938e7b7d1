/**
 * SHA-512 (FIPS 180-4 §6.4), for sprig's `sha512sum` and webhook signatures. JavaScript has no 64-bit integer
 * arithmetic short of `BigInt` (tens of times slower), so each 64-bit word is a high and a low 32-bit half, and sums
 * carry from the low half into the high one.
 * @module
 */
import { merkleDamgard, type Message, word } from "./_merkle-damgard.ts";
import { sha2Constants } from "./_sha2-constants.ts";

/**
 * The SHA-512 digest of a message.
 *
 * @param message bytes, or a string for its UTF-8 bytes
 * @returns the 64-byte digest
 * @example
 * ```ts
 * import { sha512, toHex } from "./mod.ts";
 * import { expect } from "vitest";
 * expect(toHex(sha512("abc")).slice(0, 32)).toBe("ddaf35a193617abacc417349ae204131");
 * ```
 */
export function sha512(message: Message): Uint8Array {
  return merkleDamgard(message, 128, sha2Constants().iv512.slice(), compress);
}

let scratch: Int32Array | undefined;

function compress(s: Int32Array, bytes: Uint8Array, offset: number): void {
  const k = sha2Constants().k512;
  const w = scratch ??= new Int32Array(160);
  for (let i = 0; i < 32; i++) w[i] = word(bytes, offset + 4 * i);
  for (let i = 32; i < 160; i += 2) {
    const xh = w[i - 30]!, xl = w[i - 29]!, yh = w[i - 4]!, yl = w[i - 3]!;
    // σ0 = ROTR 1 ^ ROTR 8 ^ SHR 7, σ1 = ROTR 19 ^ ROTR 61 ^ SHR 6
    const lo = ((r(xl, xh, 1) ^ r(xl, xh, 8) ^ r(xl, xh, 7)) >>> 0) + (w[i - 13]! >>> 0) +
      ((r(yl, yh, 19) ^ r(yh, yl, 29) ^ r(yl, yh, 6)) >>> 0) + (w[i - 31]! >>> 0);
    w[i] = (r(xh, xl, 1) ^ r(xh, xl, 8) ^ (xh >>> 7)) + w[i - 14]! + (r(yh, yl, 19) ^ r(yl, yh, 29) ^ (yh >>> 6)) +
      w[i - 32]! + carry(lo);
    w[i + 1] = lo;
  }
  let ah = s[0]!, al = s[1]!, bh = s[2]!, bl = s[3]!, ch = s[4]!, cl = s[5]!, dh = s[6]!, dl = s[7]!;
  let eh = s[8]!, el = s[9]!, fh = s[10]!, fl = s[11]!, gh = s[12]!, gl = s[13]!, hh = s[14]!, hl = s[15]!;
  for (let i = 0; i < 160; i += 2) {
    // T1 = h + Σ1(e) + Ch(e, f, g) + K + W, with Σ1 = ROTR 14 ^ ROTR 18 ^ ROTR 41
    const t1l = (hl >>> 0) + ((r(el, eh, 14) ^ r(el, eh, 18) ^ r(eh, el, 9)) >>> 0) +
      (((el & fl) ^ (~el & gl)) >>> 0) + (k[i + 1]! >>> 0) + (w[i + 1]! >>> 0);
    const t1h = hh + (r(eh, el, 14) ^ r(eh, el, 18) ^ r(el, eh, 9)) + ((eh & fh) ^ (~eh & gh)) + k[i]! + w[i]! +
      carry(t1l);
    // T2 = Σ0(a) + Maj(a, b, c), with Σ0 = ROTR 28 ^ ROTR 34 ^ ROTR 39
    const t2l = ((r(al, ah, 28) ^ r(ah, al, 2) ^ r(ah, al, 7)) >>> 0) + (((al & bl) ^ (al & cl) ^ (bl & cl)) >>> 0);
    const t2h = (r(ah, al, 28) ^ r(al, ah, 2) ^ r(al, ah, 7)) + ((ah & bh) ^ (ah & ch) ^ (bh & ch));
    hh = gh;
    hl = gl;
    gh = fh;
    gl = fl;
    fh = eh;
    fl = el;
    const newEl = (dl >>> 0) + (t1l >>> 0);
    eh = (dh + t1h + carry(newEl)) | 0;
    el = newEl | 0;
    dh = ch;
    dl = cl;
    ch = bh;
    cl = bl;
    bh = ah;
    bl = al;
    const newAl = (t1l >>> 0) + t2l;
    ah = (t1h + t2h + carry(newAl)) | 0;
    al = newAl | 0;
  }
  add(s, 0, ah, al);
  add(s, 2, bh, bl);
  add(s, 4, ch, cl);
  add(s, 6, dh, dl);
  add(s, 8, eh, el);
  add(s, 10, fh, fl);
  add(s, 12, gh, gl);
  add(s, 14, hh, hl);
}

/** One half of a 64-bit rotation right by `n` < 32: the half that starts with `x`, followed by `y`. */
function r(x: number, y: number, n: number): number {
  return (x >>> n) | (y << (32 - n));
}

/** What a sum of unsigned low halves carries into the high half. */
function carry(sum: number): number {
  return (sum / 0x100000000) | 0;
}

/** Adds the 64-bit word (`hi`, `lo`) to the state's word at `i`. */
function add(s: Int32Array, i: number, hi: number, lo: number): void {
  const sum = (s[i + 1]! >>> 0) + (lo >>> 0);
  s[i] = s[i]! + hi + carry(sum);
  s[i + 1] = sum;
}
