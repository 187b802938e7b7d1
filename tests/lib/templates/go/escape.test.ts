import { describe, expect, it } from "vitest";
import { escapeHtml, escapeJs, queryEscape } from "../../../../lib/templates/go/escape.ts";

describe("escapeHtml()", () => {
  const cases = [
    { input: "<a href='x'>&</a>", out: "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;" },
    { input: 'say "hi"\0', out: "say &#34;hi&#34;\uFFFD" },
    { input: "plain", out: "plain" },
  ] as const;
  for (const c of cases) it(`escapes ${JSON.stringify(c.input)}`, () => expect(escapeHtml(c.input)).toBe(c.out));
});

describe("escapeJs()", () => {
  const cases = [
    { input: `it's "q" <x>`, out: `it\\'s \\"q\\" \\u003Cx\\u003E` },
    { input: "a=b\\c\td&", out: "a\\u003Db\\\\c\\u0009d\\u0026" },
    { input: "\u2028\u00a0é😀", out: "\\u2028\\u00A0é😀" },
  ] as const;
  for (const c of cases) it(`escapes ${JSON.stringify(c.input)}`, () => expect(escapeJs(c.input)).toBe(c.out));
});

describe("queryEscape()", () => {
  const cases = [
    { input: "a b&c=d/é", out: "a+b%26c%3Dd%2F%C3%A9" },
    { input: "~-_.!*'()", out: "~-_.%21%2A%27%28%29" },
    { input: "😀", out: "%F0%9F%98%80" },
  ] as const;
  for (const c of cases) it(`escapes ${JSON.stringify(c.input)}`, () => expect(queryEscape(c.input)).toBe(c.out));
});
