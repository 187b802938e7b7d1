import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decodeBase64, encodeBase64 } from "../../../lib/go/base64.ts";
import { encodeUtf8 } from "../../../lib/go/utf8.ts";

describe("encodeBase64()", () => {
  const cases = [
    { name: "nothing", input: "", options: {}, expected: "" },
    { name: "one byte, padded", input: "f", options: {}, expected: "Zg==" },
    { name: "two bytes, padded", input: "fo", options: {}, expected: "Zm8=" },
    { name: "three bytes", input: "foo", options: {}, expected: "Zm9v" },
    { name: "+ and / in the standard alphabet", input: "??>", options: {}, expected: "Pz8+" },
    { name: "one byte, raw URL", input: "f", options: { url: true, padding: false }, expected: "Zg" },
    { name: "two bytes, raw URL", input: "fo", options: { url: true, padding: false }, expected: "Zm8" },
    {
      name: "the URL alphabet for 62 and 63",
      input: "\u00fb\u00ff",
      options: { url: true, padding: false },
      expected: "w7vDvw",
    },
    { name: "- and _ instead of + and /", input: "??>", options: { url: true, padding: false }, expected: "Pz8-" },
    { name: "padded URL", input: "f", options: { url: true }, expected: "Zg==" },
  ] as const;
  for (const c of cases) {
    it(`encodes ${c.name}`, () => {
      expect(encodeBase64(encodeUtf8(c.input), c.options)).toBe(c.expected);
    });
  }
});

describe("decodeBase64()", () => {
  const text = (r: ReturnType<typeof decodeBase64>): string =>
    r._tag === "Left" ? `error: ${r.left}` : String.fromCharCode(...r.right);
  const cases = [
    { name: "padded text", input: "c2xhY2stdG9rZW4=", options: {}, expected: "slack-token" },
    { name: "the empty string", input: "", options: {}, expected: "" },
    { name: "\\r\\n anywhere", input: "Zm\r\n9v\nYg=\r\n=", options: {}, expected: "foob" },
    {
      name: "missing padding as Go's error",
      input: "Zm9vYg",
      options: {},
      expected: "error: illegal base64 data at input byte 4",
    },
    { name: "a bad byte", input: "Zm9v!", options: {}, expected: "error: illegal base64 data at input byte 4" },
    { name: "a space", input: "Zm 9v", options: {}, expected: "error: illegal base64 data at input byte 2" },
    {
      name: "trailing garbage after padding",
      input: "Zg==Zg==",
      options: {},
      expected: "error: illegal base64 data at input byte 4",
    },
    {
      name: "one stray character",
      input: "Zm9vY",
      options: {},
      expected: "error: illegal base64 data at input byte 4",
    },
    {
      name: "the URL alphabet in standard text",
      input: "Pz8-",
      options: {},
      expected: "error: illegal base64 data at input byte 3",
    },
    { name: "raw text without padding", input: "Zm9vYg", options: { padding: false }, expected: "foob" },
    {
      name: "padding in raw text as an error",
      input: "Zg==",
      options: { padding: false },
      expected: "error: illegal base64 data at input byte 2",
    },
    { name: "raw URL text", input: "Pz8-", options: { url: true, padding: false }, expected: "??>" },
    {
      name: "non-ASCII, counting bytes",
      input: "é",
      options: {},
      expected: "error: illegal base64 data at input byte 0",
    },
  ] as const;
  for (const c of cases) {
    it(`decodes ${c.name}`, () => {
      expect(text(decodeBase64(c.input, c.options))).toBe(c.expected);
    });
  }
  it("inverts encodeBase64() in all four encodings", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), fc.boolean(), fc.boolean(), (bytes, url, padding) => {
      const r = decodeBase64(encodeBase64(bytes, { url, padding }), { url, padding });
      expect(r).toEqual({ _tag: "Right", right: bytes });
    }));
  });
});
