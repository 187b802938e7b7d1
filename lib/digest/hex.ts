/**
 * Lowercase hex, the form in which sprig's checksums, webhook signatures and idempotency tokens show digests.
 * @module
 */

/**
 * Bytes as lowercase hex, two digits a byte.
 *
 * @param bytes the bytes
 * @returns the hex text
 * @example
 * ```ts
 * import { toHex } from "./hex.ts";
 * import { expect } from "vitest";
 * expect(toHex(Uint8Array.of(0, 10, 255))).toBe("000aff");
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += (b < 16 ? "0" : "") + b.toString(16);
  return out;
}
