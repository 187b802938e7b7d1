import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeBase32, encodeBase32 } from "../../../lib/go/base32.ts";
import { encodeUtf8 } from "../../../lib/go/utf8.ts";

describe("encodeBase32()", () => {
  const cases = [
    { input: "", expected: "" },
    { input: "f", expected: "MY======" },
    { input: "fo", expected: "MZXQ====" },
    { input: "foo", expected: "MZXW6===" },
    { input: "foob", expected: "MZXW6YQ=" },
    { input: "fooba", expected: "MZXW6YTB" },
    { input: "foobar", expected: "MZXW6YTBOI======" },
  ] as const;
  for (const c of cases) {
    it(`encodes ${JSON.stringify(c.input)} (RFC 4648)`, () =>
      expect(encodeBase32(encodeUtf8(c.input))).toBe(c.expected));
  }
});

describe("decodeBase32()", () => {
  const cases = [
    { name: "padded text", input: "MZXW6YTBOI======", expected: { _tag: "Right", right: encodeUtf8("foobar") } },
    { name: "\\n inside", input: "MZXW\n6YQ=", expected: { _tag: "Right", right: encodeUtf8("foob") } },
    {
      name: "a lower-case letter",
      input: "mzxw6===",
      expected: { _tag: "Left", left: "illegal base32 data at input byte 0" },
    },
  ] as const;
  for (const c of cases) it(`decodes ${c.name}`, () => expect(decodeBase32(c.input)).toEqual(c.expected));
  it("inverts encodeBase32()", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 30 }), (bytes) => {
      expect(decodeBase32(encodeBase32(bytes))).toEqual({ _tag: "Right", right: bytes });
    }));
  });
});
