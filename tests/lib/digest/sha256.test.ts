import { describe, expect, it } from "vitest";
import { sha256 } from "../../../lib/digest/sha256.ts";
import { toHex } from "../../../lib/digest/hex.ts";
import { abc, bits448, bits896, millionA } from "./_fips-messages.ts";

describe("sha256()", () => {
  it("hashes the FIPS 180 examples", () => {
    expect(toHex(sha256(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(toHex(sha256(abc))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(toHex(sha256(bits448))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    expect(toHex(sha256(bits896))).toBe("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    expect(toHex(sha256(millionA))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(sha256("é€😀")).toEqual(sha256(Uint8Array.of(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)));
  });

  it("returns 32 fresh bytes, so a caller may change them", () => {
    const first = sha256(abc);
    expect(first.length).toBe(32);
    first.fill(0);
    expect(toHex(sha256(abc))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
