/**
 * The Merkle–Damgård frame that SHA-1 and SHA-2 share (FIPS 180-4 §5.1 and §6): the message is padded with a 1 bit,
 * zeros and its length in bits to whole blocks, a compression function folds each block into the state, and the
 * digest is the final state, big-endian.
 * @module
 */
import { encodeUtf8 } from "../go/mod.ts";

/** What is hashed: bytes, or a string, which stands for its UTF-8 bytes (a lone surrogate as U+FFFD). */
export type Message = string | Uint8Array;

/** Folds one block (`blockLength` bytes of `bytes` from `offset`) into `state`. */
export type Compress = (state: Int32Array, bytes: Uint8Array, offset: number) => void;

/**
 * Hashes `message` from the initial `state` (which it overwrites).
 *
 * @param message the message
 * @param blockLength 64 (SHA-1, SHA-256) or 128 (SHA-512) bytes, whose length field is 8 or 16 bytes
 * @param state the initial hash value, as 32-bit words (SHA-512's 64-bit words as high, low pairs)
 * @param compress the compression function
 * @returns the final state as big-endian bytes
 * @example SHA-1's frame with a compression function that counts the blocks
 * ```ts
 * import { merkleDamgard } from "./_merkle-damgard.ts";
 * import { expect } from "vitest";
 * const blocks = (m: string) => merkleDamgard(m, 64, new Int32Array(1), (s) => void (s[0] = s[0]! + 1))[3];
 * expect([blocks(""), blocks("a".repeat(55)), blocks("a".repeat(56)), blocks("a".repeat(64))]).toEqual([1, 1, 2, 2]);
 * ```
 */
export function merkleDamgard(
  message: Message,
  blockLength: 64 | 128,
  state: Int32Array,
  compress: Compress,
): Uint8Array {
  const bytes = bytesOf(message);
  const n = bytes.length;
  const whole = n - (n % blockLength);
  for (let offset = 0; offset < whole; offset += blockLength) compress(state, bytes, offset);
  // The rest, the 0x80 byte and the length field fill one block, or spill into a second.
  const tail = new Uint8Array(n - whole + 1 + blockLength / 8 > blockLength ? 2 * blockLength : blockLength);
  tail.set(bytes.subarray(whole));
  tail[n - whole] = 0x80;
  putWord(tail, tail.length - 8, Math.floor(n / 2 ** 29));
  putWord(tail, tail.length - 4, n * 8);
  for (let offset = 0; offset < tail.length; offset += blockLength) compress(state, tail, offset);
  const out = new Uint8Array(4 * state.length);
  for (let i = 0; i < state.length; i++) putWord(out, 4 * i, state[i]!);
  return out;
}

/**
 * The bytes of a message.
 *
 * @param message bytes, or a string
 * @returns the bytes, or the string's UTF-8 bytes
 * @example
 * ```ts
 * import { bytesOf } from "./_merkle-damgard.ts";
 * import { expect } from "vitest";
 * expect([...bytesOf("é")]).toEqual([0xc3, 0xa9]);
 * ```
 */
export function bytesOf(message: Message): Uint8Array {
  return typeof message === "string" ? encodeUtf8(message) : message;
}

/**
 * The big-endian 32-bit word at `offset`, signed (as an `Int32Array` holds it).
 *
 * @param bytes the bytes
 * @param offset where the word starts
 * @returns the word
 * @example
 * ```ts
 * import { word } from "./_merkle-damgard.ts";
 * import { expect } from "vitest";
 * expect(word(Uint8Array.of(0, 0x80, 0, 0, 1), 1)).toBe(-0x80000000 + 1);
 * ```
 */
export function word(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
}

function putWord(bytes: Uint8Array, offset: number, w: number): void {
  bytes[offset] = w >>> 24;
  bytes[offset + 1] = w >>> 16;
  bytes[offset + 2] = w >>> 8;
  bytes[offset + 3] = w;
}
