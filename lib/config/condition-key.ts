/**
 * The Go engine's condition key, which the notified-state annotation records.
 * @module
 */
import { sha1 } from "../digest/mod.ts";
import { encodeBase64 } from "../go/mod.ts";

/**
 * The key of the condition at `index` with expression `when`: `[i].` + base64url without padding of the SHA-1 of
 * `when` as written (an empty `when` hashes the empty string, though it runs as `false`).
 *
 * @param index The condition's position in its trigger, from 0.
 * @param when The condition's `when`, as written.
 * @returns The key, e.g. `[0].Q9PIkxno1a5_1B188eKM2kht0gM` for `when: foo.status.ready`.
 *
 * @example The key of the first condition
 * ```ts
 * import { conditionKey } from "notifications-engine";
 * import { expect } from "expect";
 *
 * expect(conditionKey(0, "foo.status.ready")).toBe("[0].Q9PIkxno1a5_1B188eKM2kht0gM");
 * ```
 */
export function conditionKey(index: number, when: string): string {
  return `[${index}].${encodeBase64(sha1(when), { url: true, padding: false })}`;
}
