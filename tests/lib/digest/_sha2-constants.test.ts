import { describe, expect, it } from "vitest";
import { sha2Constants } from "../../../lib/digest/_sha2-constants.ts";

const hex = (words: Int32Array): string[] => Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, "0"));

describe("sha2Constants()", () => {
  it("derives FIPS 180-4's SHA-512 round constants (first and last two as printed in §4.2.3)", () => {
    const k = hex(sha2Constants().k512);
    expect(k.length).toBe(160);
    expect(k.slice(0, 4)).toEqual(["428a2f98", "d728ae22", "71374491", "23ef65cd"]);
    expect(k.slice(-4)).toEqual(["5fcb6fab", "3ad6faec", "6c44198c", "4a475817"]);
  });

  it("derives SHA-512's initial hash value (§5.3.5)", () => {
    expect(hex(sha2Constants().iv512)).toEqual([
      "6a09e667",
      "f3bcc908",
      "bb67ae85",
      "84caa73b",
      "3c6ef372",
      "fe94f82b",
      "a54ff53a",
      "5f1d36f1",
      "510e527f",
      "ade682d1",
      "9b05688c",
      "2b3e6c1f",
      "1f83d9ab",
      "fb41bd6b",
      "5be0cd19",
      "137e2179",
    ]);
  });

  it("takes SHA-256's constants as the first 32 bits of SHA-512's (§4.2.2, §5.3.3)", () => {
    const { k256, iv256 } = sha2Constants();
    expect(hex(k256).length).toBe(64);
    expect(hex(k256).slice(-2)).toEqual(["bef9a3f7", "c67178f2"]);
    expect(hex(iv256)).toEqual([
      "6a09e667",
      "bb67ae85",
      "3c6ef372",
      "a54ff53a",
      "510e527f",
      "9b05688c",
      "1f83d9ab",
      "5be0cd19",
    ]);
  });

  it("derives them once", () => {
    expect(sha2Constants()).toBe(sha2Constants());
  });
});
