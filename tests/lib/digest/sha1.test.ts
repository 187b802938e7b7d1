import { describe, expect, it } from "vitest";
import { sha1 } from "../../../lib/digest/sha1.ts";
import { toHex } from "../../../lib/digest/hex.ts";
import { abc, bits448, bits896, millionA } from "./_fips-messages.ts";

describe("sha1()", () => {
  it("hashes the FIPS 180 examples", () => {
    expect(toHex(sha1(""))).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(toHex(sha1(abc))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(toHex(sha1(bits448))).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    expect(toHex(sha1(bits896))).toBe("a49b2446a02c645bf419f995b67091253a04a259");
    expect(toHex(sha1(millionA))).toBe("34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(sha1("é€😀")).toEqual(sha1(Uint8Array.of(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)));
  });

  it("hashes a lone surrogate as U+FFFD, as TextEncoder and Go do", () => {
    expect(sha1("\ud800")).toEqual(sha1(Uint8Array.of(0xef, 0xbf, 0xbd)));
  });

  it("hashes a view of a larger buffer by its own bytes only", () => {
    const buffer = new TextEncoder().encode(`xx${abc}yy`);
    expect(toHex(sha1(buffer.subarray(2, 5)))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
  });

  it("returns 20 fresh bytes, so a caller may change them", () => {
    const first = sha1(abc);
    expect(first.length).toBe(20);
    first.fill(0);
    expect(toHex(sha1(abc))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
  });
});
