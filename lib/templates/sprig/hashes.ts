/**
 * sprig's checksum functions. SHA-1/SHA-256/SHA-512 come from `@noble/hashes` (audited, dependency-free, pure JS and
 * synchronous — WebCrypto's digest is async and cannot serve a synchronous template function); Adler-32 is a few
 * lines.
 * @module
 */
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { encodeUtf8 } from "../../go/mod.ts";
import type { GoFunc } from "../go/func.ts";
import { fixed } from "./_define.ts";
import { str } from "./_convert.ts";

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

function adler32(b: Uint8Array): number {
  let a = 1;
  let s = 0;
  for (const x of b) {
    a = (a + x) % 65521;
    s = (s + a) % 65521;
  }
  return (s * 65536 + a) >>> 0;
}

/** The checksum family of sprig's function map. */
export const hashFunctions: Readonly<Record<string, GoFunc>> = {
  sha1sum: fixed(["string"], (a) => hex(sha1(encodeUtf8(str(a, 0))))),
  sha256sum: fixed(["string"], (a) => hex(sha256(encodeUtf8(str(a, 0))))),
  sha512sum: fixed(["string"], (a) => hex(sha512(encodeUtf8(str(a, 0))))),
  adler32sum: fixed(["string"], (a) => String(adler32(encodeUtf8(str(a, 0))))),
};
