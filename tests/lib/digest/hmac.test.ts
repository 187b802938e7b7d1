import { describe, expect, it } from "vitest";
import { hmac } from "../../../lib/digest/hmac.ts";
import { toHex } from "../../../lib/digest/hex.ts";

const repeat = (byte: number, n: number): Uint8Array => new Uint8Array(n).fill(byte);
const upTo25 = Uint8Array.from({ length: 25 }, (_, i) => i + 1);
const largerKeyFirst = "Test Using Larger Than Block-Size Key - Hash Key First";

describe("hmac()", () => {
  describe("RFC 2202's HMAC-SHA-1 test cases", () => {
    const cases: [string, Uint8Array | string, Uint8Array | string, string][] = [
      ["1", repeat(0x0b, 20), "Hi There", "b617318655057264e28bc0b6fb378c8ef146be00"],
      [
        "2: a key shorter than the digest",
        "Jefe",
        "what do ya want for nothing?",
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
      ],
      ["3", repeat(0xaa, 20), repeat(0xdd, 50), "125d7342b9ac11cd91a39af48aa17b4f63f175d3"],
      ["4", upTo25, repeat(0xcd, 50), "4c9007f4026250c6bc8414f9bf50c86c2d7235da"],
      ["5", repeat(0x0c, 20), "Test With Truncation", "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"],
      ["6: a key longer than the block", repeat(0xaa, 80), largerKeyFirst, "aa4ae5e15272d00e95705637ce8a3b55ed402112"],
      [
        "7: a key and a message longer than the block",
        repeat(0xaa, 80),
        "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data",
        "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
      ],
    ];
    for (const [name, key, message, mac] of cases) {
      it(`case ${name}`, () => expect(toHex(hmac("sha1", key, message))).toBe(mac));
    }
  });

  describe("RFC 4231's HMAC-SHA-256 and HMAC-SHA-512 test cases", () => {
    const cases: [string, Uint8Array | string, Uint8Array | string, string, string][] = [
      [
        "1",
        repeat(0x0b, 20),
        "Hi There",
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
      ],
      [
        "2: a key shorter than the digest",
        "Jefe",
        "what do ya want for nothing?",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
      ],
      [
        "3",
        repeat(0xaa, 20),
        repeat(0xdd, 50),
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
      ],
      [
        "4",
        upTo25,
        repeat(0xcd, 50),
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
      ],
      // Case 5 prints only the first 128 bits.
      [
        "5",
        repeat(0x0c, 20),
        "Test With Truncation",
        "a3b6167473100ee06e0c796c2955552b",
        "415fad6271580a531d4179bc891d87a6",
      ],
      [
        "6: a key longer than both blocks",
        repeat(0xaa, 131),
        largerKeyFirst,
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
      ],
      [
        "7: a key and a message longer than both blocks",
        repeat(0xaa, 131),
        "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
      ],
    ];
    for (const [name, key, message, mac256, mac512] of cases) {
      it(`case ${name}`, () => {
        expect(toHex(hmac("sha256", key, message)).slice(0, mac256.length)).toBe(mac256);
        expect(toHex(hmac("sha512", key, message)).slice(0, mac512.length)).toBe(mac512);
      });
    }
  });

  it("pads a key of exactly one block with nothing and does not hash it", () => {
    // A 64-byte key is used as is by HMAC-SHA-256, a 65-byte one is replaced by its digest: the two MACs differ.
    const key = repeat(0x61, 65);
    expect(hmac("sha256", key.subarray(0, 64), "m")).not.toEqual(hmac("sha256", key, "m"));
    expect(toHex(hmac("sha256", key.subarray(0, 64), "m"))).toBe(toHex(hmac("sha256", "a".repeat(64), "m")));
  });

  it("takes a string key and message as their UTF-8 bytes", () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    expect(hmac("sha256", "clé", "données")).toEqual(hmac("sha256", utf8("clé"), utf8("données")));
  });
});
