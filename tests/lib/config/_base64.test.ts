import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64UrlNoPad } from "../../../lib/config/_base64.ts";
import { decodeUtf8, encodeUtf8 } from "../../../lib/config/_utf8.ts";

const encodeCases = [
  { name: "nothing", input: "", expected: "" },
  { name: "one byte, no padding", input: "f", expected: "Zg" },
  { name: "two bytes, no padding", input: "fo", expected: "Zm8" },
  { name: "three bytes", input: "foo", expected: "Zm9v" },
  { name: "the URL alphabet for 62 and 63", input: "\u00fb\u00ff", expected: "w7vDvw" },
  { name: "- and _ instead of + and /", input: "??>", expected: "Pz8-" },
] as const;

const decodeCases = [
  { name: "padded text", input: "c2xhY2stdG9rZW4=", expected: "slack-token" },
  { name: "unpadded text", input: "c2xhY2stdG9rZW4", expected: "slack-token" },
  { name: "line breaks inside", input: "c2xhY2st\ndG9rZW4=", expected: "slack-token" },
  { name: "UTF-8", input: "aMOpbGxvIOKckyDwn5qA", expected: "héllo ✓ 🚀" },
  { name: "the empty string", input: "", expected: "" },
] as const;

describe("encodeBase64UrlNoPad()", () => {
  for (const c of encodeCases) {
    it(`encodes ${c.name}`, () => {
      expect(encodeBase64UrlNoPad(encodeUtf8(c.input))).toBe(c.expected);
    });
  }
});

describe("decodeBase64()", () => {
  for (const c of decodeCases) {
    it(`decodes ${c.name}`, () => {
      const bytes = decodeBase64(c.input);
      expect(bytes === undefined ? undefined : decodeUtf8(bytes)).toBe(c.expected);
    });
  }
  for (const input of ["not base64!", "abcde", "a-b_"]) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(decodeBase64(input)).toBeUndefined();
    });
  }
});
