/**
 * `application/x-www-form-urlencoded` bodies as Go's `url.Values.Encode` writes them: keys sorted, values in the
 * order given, escaped as `url.QueryEscape` escapes (spaces as `+`; only letters, digits and `-_.~` kept).
 * @module
 */

/**
 * Escapes one key or value as Go's `url.QueryEscape`. `URLSearchParams` differs on `*` and `~`, so it is not used.
 * @param s the text
 * @returns the escaped text
 * @example Spaces, a star and a tilde
 * ```ts
 * import { queryEscape } from "./form.ts";
 * import { expect } from "expect";
 * expect(queryEscape("a b*~:")).toBe("a+b%2A~%3A");
 * ```
 */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/**
 * Encodes form values as Go's `url.Values.Encode`: keys in byte order, each value of a key in turn.
 * @param values the values by key
 * @returns the body
 * @example Two keys
 * ```ts
 * import { encodeForm } from "./form.ts";
 * import { expect } from "expect";
 * expect(encodeForm({ text: "Hello world", channel: "ops" })).toBe("channel=ops&text=Hello+world");
 * ```
 */
export function encodeForm(values: Readonly<Record<string, string | readonly string[]>>): string {
  const keys = Object.keys(values).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: string[] = [];
  for (const k of keys) {
    const v = values[k];
    for (const item of typeof v === "string" ? [v] : v ?? []) parts.push(`${queryEscape(k)}=${queryEscape(item)}`);
  }
  return parts.join("&");
}
