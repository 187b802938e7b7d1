import { describe, expect, it } from "vitest";
import { canBackquote, isPrint, quote, quoteRune, quoteToAscii } from "../../../lib/gofmt/quote.ts";

const quotes = [
  { s: 'a"b\\', quote: '"a\\"b\\\\"', ascii: '"a\\"b\\\\"' },
  { s: "\n\t\x07\x00\x7f", quote: '"\\n\\t\\a\\x00\\x7f"', ascii: '"\\n\\t\\a\\x00\\x7f"' },
  { s: "é☃😀", quote: '"é☃😀"', ascii: '"\\u00e9\\u2603\\U0001f600"' },
  { s: "\u00a0\u200b", quote: '"\\u00a0\\u200b"', ascii: '"\\u00a0\\u200b"' },
] as const;

describe("quote() and quoteToAscii()", () => {
  for (const c of quotes) {
    it(`quotes ${JSON.stringify(c.s)}`, () => {
      expect(quote(c.s)).toBe(c.quote);
      expect(quoteToAscii(c.s)).toBe(c.ascii);
    });
  }
});

describe("quoteRune(), canBackquote(), isPrint()", () => {
  const cases = [
    { name: "quoteRune letter", got: () => quoteRune(97, false), want: "'a'" },
    { name: "quoteRune quote", got: () => quoteRune(39, false), want: "'\\''" },
    { name: "quoteRune invalid", got: () => quoteRune(0x110000, false), want: "'\ufffd'" },
    { name: "quoteRune ascii", got: () => quoteRune(233, true), want: "'\\u00e9'" },
    { name: "canBackquote tab", got: () => canBackquote("a\tb"), want: true },
    { name: "canBackquote newline", got: () => canBackquote("a\nb"), want: false },
    { name: "isPrint soft hyphen", got: () => isPrint(0xad), want: false },
    { name: "isPrint CJK", got: () => isPrint(0x65e5), want: true },
  ] as const;
  for (const c of cases) it(c.name, () => expect(c.got()).toBe(c.want));
});
