/**
 * expr's `toJSON`: Go's `json.MarshalIndent(v, "", "  ")` (see `lib/go/json.ts`), failing as an expr run-time error.
 * @module
 */
import { encodeGoJson, type GoJsonOptions } from "../go/mod.ts";
import { fail } from "./_failure.ts";

const indented: GoJsonOptions = { escapeHtml: true, indent: "  " };

/** Encodes a value as Go's `json.MarshalIndent(v, "", "  ")` does; what Go cannot encode fails at `pos`. */
export function toJson(v: unknown, pos: number): string {
  const r = encodeGoJson(v, indented);
  return r._tag === "Right" ? r.right : fail(r.left, pos);
}
