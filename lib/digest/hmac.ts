/**
 * HMAC (RFC 2104, FIPS 198-1) over SHA-1, SHA-256 or SHA-512, for the webhook service's `signature:` setting, which
 * signs request bodies as GitHub and Flux do. Signing only: the engine verifies no signature, so comparing MACs in
 * constant time is not this module's concern.
 * @module
 */
import { bytesOf, type Message } from "./_merkle-damgard.ts";
import { sha1 } from "./sha1.ts";
import { sha256 } from "./sha256.ts";
import { sha512 } from "./sha512.ts";

/** The hash functions HMAC runs over. */
export type HashName = "sha1" | "sha256" | "sha512";

/** Each hash function with its block length, to which HMAC pads the key. */
const hashes: Readonly<Record<HashName, readonly [(message: Message) => Uint8Array, number]>> = {
  sha1: [sha1, 64],
  sha256: [sha256, 64],
  sha512: [sha512, 128],
};

/**
 * The HMAC of a message: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message)), with K the key padded with zeros to the block
 * length, or its digest when it is longer.
 *
 * @param hash the hash function
 * @param key the secret key: bytes, or a string for its UTF-8 bytes
 * @param message the message: bytes, or a string for its UTF-8 bytes
 * @returns the MAC, as long as a digest of `hash`
 * @example RFC 4231's second test case
 * ```ts
 * import { hmac, toHex } from "./mod.ts";
 * import { expect } from "vitest";
 * expect(toHex(hmac("sha256", "Jefe", "what do ya want for nothing?")))
 *   .toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
 * ```
 */
export function hmac(hash: HashName, key: Message, message: Message): Uint8Array {
  const [digest, blockLength] = hashes[hash];
  const k = bytesOf(key);
  const m = bytesOf(message);
  const padded = new Uint8Array(blockLength);
  padded.set(k.length > blockLength ? digest(k) : k);
  const inner = new Uint8Array(blockLength + m.length);
  for (let i = 0; i < blockLength; i++) inner[i] = padded[i]! ^ 0x36;
  inner.set(m, blockLength);
  const innerDigest = digest(inner);
  const outer = new Uint8Array(blockLength + innerDigest.length);
  for (let i = 0; i < blockLength; i++) outer[i] = padded[i]! ^ 0x5c;
  outer.set(innerDigest, blockLength);
  return digest(outer);
}
