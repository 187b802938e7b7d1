/**
 * The escapers behind the `html`, `js` and `urlquery` builtins, byte for byte as Go's `template.HTMLEscapeString`,
 * `template.JSEscapeString` and `url.QueryEscape`.
 * @module
 */
import { isPrint } from "../../gofmt/mod.ts";

/**
 * Go's `template.HTMLEscapeString`: `<>&'"` become entities and NUL becomes U+FFFD.
 * @param s the text
 * @returns the escaped text
 * @example
 * ```ts
 * import { escapeHtml } from "./escape.ts";
 * import { expect } from "vitest";
 * expect(escapeHtml(`<a href='x'>`)).toBe("&lt;a href=&#39;x&#39;&gt;");
 * ```
 */
export function escapeHtml(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case "\0":
        return "\uFFFD";
      case '"':
        return "&#34;";
      case "'":
        return "&#39;";
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      default:
        return "&gt;";
    }
  });
}

const jsNamed: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  '"': '\\"',
  "<": "\\u003C",
  ">": "\\u003E",
  "&": "\\u0026",
  "=": "\\u003D",
};

/**
 * Go's `template.JSEscapeString`: quotes, backslash, `<>&=` and control characters as `\uXXXX`; non-printable
 * non-ASCII characters (U+2028, U+00A0, …) as `\uXXXX`.
 * @param s the text
 * @returns the escaped text
 * @example
 * ```ts
 * import { escapeJs } from "./escape.ts";
 * import { expect } from "vitest";
 * expect(escapeJs(`it's <b>`)).toBe("it\\'s \\u003Cb\\u003E");
 * ```
 */
export function escapeJs(s: string): string {
  let out = "";
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    const named = jsNamed[c];
    if (named !== undefined && Object.hasOwn(jsNamed, c)) out += named;
    else if (cp < 0x20) out += `\\u00${cp.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (cp >= 0x80 && !isPrint(cp)) out += `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
    else out += c;
  }
  return out;
}

/**
 * Go's `url.QueryEscape`: unreserved characters stay, space becomes `+`, every other byte `%XX` (upper-case hex).
 * @param s the text
 * @returns the escaped text
 * @example
 * ```ts
 * import { queryEscape } from "./escape.ts";
 * import { expect } from "vitest";
 * expect(queryEscape("a b&c=d/é")).toBe("a+b%26c%3Dd%2F%C3%A9");
 * ```
 */
export function queryEscape(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, (c, i: number) => {
    const code = c.charCodeAt(0);
    const pairOk = code < 0xdc00 ? /[\uDC00-\uDFFF]/.test(s[i + 1] ?? "") : /[\uD800-\uDBFF]/.test(s[i - 1] ?? "");
    return pairOk ? c : "\uFFFD";
  }))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}
