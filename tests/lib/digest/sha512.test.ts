import { describe, expect, it } from "vitest";
import { sha512 } from "../../../lib/digest/sha512.ts";
import { toHex } from "../../../lib/digest/hex.ts";
import { abc, bits448, bits896, millionA } from "./_fips-messages.ts";

describe("sha512()", () => {
  it("hashes the FIPS 180 examples", () => {
    expect(toHex(sha512(""))).toBe(
      "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    );
    expect(toHex(sha512(abc))).toBe(
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    );
    expect(toHex(sha512(bits448))).toBe(
      "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
    );
    expect(toHex(sha512(bits896))).toBe(
      "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
    );
    expect(toHex(sha512(millionA))).toBe(
      "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b",
    );
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(sha512("é€😀")).toEqual(sha512(Uint8Array.of(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)));
  });

  it("returns 64 fresh bytes, so a caller may change them", () => {
    const first = sha512(abc);
    expect(first.length).toBe(64);
    first.fill(0);
    expect(toHex(sha512(abc)).slice(0, 32)).toBe("ddaf35a193617abacc417349ae204131");
  });
});
