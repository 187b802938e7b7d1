import { describe, expect, it } from "vitest";
import { toHex } from "../../../lib/digest/hex.ts";

describe("toHex()", () => {
  it("writes two lowercase digits a byte, with leading zeros", () => {
    expect(toHex(Uint8Array.of(0, 1, 15, 16, 171, 255))).toBe("00010f10abff");
  });

  it("writes nothing for no bytes", () => {
    expect(toHex(new Uint8Array(0))).toBe("");
  });

  it("writes every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toHex(all)).toBe(Array.from(all, (b) => b.toString(16).padStart(2, "0")).join(""));
  });
});
