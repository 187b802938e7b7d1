/**
 * sprig's checksum functions. SHA-1/SHA-256/SHA-512 come from `lib/digest` (synchronous, as template functions
 * must be); Adler-32 is a few lines.
 * @module
 */
import { sha1, sha256, sha512, toHex } from "../../digest/mod.ts";
import { encodeUtf8 } from "../../go/mod.ts";
import type { GoFunc } from "../go/func.ts";
import { fixed } from "./_define.ts";
import { str } from "./_convert.ts";

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
  sha1sum: fixed(["string"], (a) => toHex(sha1(str(a, 0)))),
  sha256sum: fixed(["string"], (a) => toHex(sha256(str(a, 0)))),
  sha512sum: fixed(["string"], (a) => toHex(sha512(str(a, 0)))),
  adler32sum: fixed(["string"], (a) => String(adler32(encodeUtf8(str(a, 0))))),
};
