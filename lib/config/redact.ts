/**
 * Redaction by value: every secret the Secret supplied (and any other value a caller names) is replaced in a text,
 * in the forms it takes on the way to a service (as written, URL-encoded, JSON-escaped).
 * @module
 */

/** Values shorter than this are not redacted: they cannot be told from ordinary text (`1`, `on`, `dev`). */
const shortest = 4;

/**
 * Builds a function that replaces each of `values` in a text with `***`. Longer values go first, so a secret that
 * contains another is replaced whole. Values shorter than four characters are left alone.
 *
 * @param values the secret values
 * @returns the redacting function
 * @example Redacting a token and its URL-encoded form
 * ```ts
 * import { redactor } from "./redact.ts";
 * import { expect } from "expect";
 *
 * const redact = redactor(["xoxb-1/2"]);
 * expect(redact("token xoxb-1/2 in /api?t=xoxb-1%2F2")).toBe("token *** in /api?t=***");
 * ```
 */
export function redactor(values: Iterable<string>): (text: string) => string {
  const forms = new Set<string>();
  for (const v of values) {
    if (v.length < shortest) continue;
    forms.add(v);
    forms.add(encodeURIComponent(v));
    forms.add(JSON.stringify(v).slice(1, -1));
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const f of sorted) if (out.includes(f)) out = out.split(f).join("***");
    return out;
  };
}
