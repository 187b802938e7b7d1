/**
 * SHA-1, SHA-256, SHA-512 and HMAC over them, written out for the engine's few digests: the Go engine's condition
 * keys (SHA-1), sprig's `sha1sum`, `sha256sum` and `sha512sum`, webhook signatures, idempotency tokens and ConfigMap
 * keys. These digests name content and sign webhook bodies; nothing here verifies anything.
 *
 * Synchronous, because templates render synchronously and condition keys are computed in `decodeConfig`: WebCrypto's
 * `crypto.subtle.digest` returns a promise, and the core has no `node:crypto`. Written here rather than taken from
 * `@noble/hashes` (audited, and what this replaced) for the edge bundle: noble carries every SHA-2 variant through a
 * generic class hierarchy, 11.3 KiB minified and about 5 KiB gzipped of `mod.ts`'s 100 KiB gzipped budget, where
 * this folder is 3.5 KiB minified and 1.6 KiB gzipped, and as fast. The tests check the FIPS 180 and RFC 4231/2202
 * vectors, and compare with `node:crypto` on every length around the block boundaries.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { sha256, toHex } from "./mod.ts";
 *
 * expect(toHex(sha256(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
 * ```
 * @module
 */
export type { Message } from "./_merkle-damgard.ts";
export { toHex } from "./hex.ts";
export { type HashName, hmac } from "./hmac.ts";
export { sha1 } from "./sha1.ts";
export { sha256 } from "./sha256.ts";
export { sha512 } from "./sha512.ts";
