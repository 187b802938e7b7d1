/**
 * Idempotency keys for services that de-duplicate: a stable token derived from the notification's idempotency key
 * (the state key and decision the host passes to `deliver`) and where it goes, so a retry — in the same process or
 * after a crash — names the same alert, event, message or transaction.
 * @module
 */
import { sha1, toHex } from "../lib/digest/mod.ts";

/**
 * A hex token for a notification to one recipient.
 * @param key the notification's idempotency key
 * @param parts where it goes (service name, recipient…), so two destinations never share a token
 * @returns 40 hex digits
 * @example The same inputs give the same token
 * ```ts
 * import { idempotencyToken } from "./idempotency.ts";
 * import { expect } from "expect";
 * expect(idempotencyToken("k", ["ops"])).toBe(idempotencyToken("k", ["ops"]));
 * expect(idempotencyToken("k", ["ops"])).not.toBe(idempotencyToken("k", ["dev"]));
 * ```
 */
export function idempotencyToken(key: string, parts: readonly string[]): string {
  return toHex(sha1(JSON.stringify([key, ...parts])));
}
