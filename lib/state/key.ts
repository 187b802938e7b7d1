/**
 * The keys of the notified state, byte-compatible with the Go engine's `StateItemKey`.
 * @module
 */
import type { Destination } from "../subscriptions/mod.ts";

/** What a state key is made of. */
export interface StateKeyParts {
  readonly trigger: string;
  /** The condition's key, `[i].<base64url-nopad(sha1(when))>` (from the configuration). */
  readonly conditionKey: string;
  readonly destination: Destination;
  /** The condition's `oncePer` value, formatted like Go's `%v`; absent or empty means none. */
  readonly oncePer?: string | undefined;
  /**
   * The namespace of the configuration, only for a self-service (namespaced) configuration; when set (even to `""`)
   * it is part of the key, as the Go engine does when `isSelfConfig` is true.
   */
  readonly apiNamespace?: string | undefined;
}

/**
 * Builds the state key of a condition and destination:
 * `[oncePer:][apiNamespace:]trigger:conditionKey:service:recipient`.
 *
 * Parts are joined as they are, without escaping, exactly like the Go engine, so existing annotations keep working.
 *
 * @param parts The trigger, condition, destination, and the optional `oncePer` value and namespace.
 * @returns The key.
 *
 * @example Plain and once-per keys
 * ```ts
 * import { expect } from "expect";
 * import { stateKey } from "./key.ts";
 *
 * const destination = { service: "slack", recipient: "ops" };
 * expect(stateKey({ trigger: "on-synced", conditionKey: "[0].abc", destination }))
 *   .toBe("on-synced:[0].abc:slack:ops");
 * expect(stateKey({ trigger: "on-synced", conditionKey: "[0].abc", destination, oncePer: "v1" }))
 *   .toBe("v1:on-synced:[0].abc:slack:ops");
 * ```
 */
export function stateKey(parts: StateKeyParts): string {
  const { trigger, conditionKey, destination, oncePer, apiNamespace } = parts;
  const base = `${trigger}:${conditionKey}:${destination.service}:${destination.recipient}`;
  const scoped = apiNamespace !== undefined ? `${apiNamespace}:${base}` : base;
  return oncePer !== undefined ? withOncePer(scoped, oncePer) : scoped;
}

/**
 * The state key of a condition with an `oncePer` value, from its key without one: `oncePer:key` (the key itself when
 * `oncePer` is empty).
 *
 * @param key The state key without `oncePer` (from {@linkcode stateKey}).
 * @param oncePer The `oncePer` value, formatted like Go's `%v`.
 * @returns The key.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { withOncePer } from "./key.ts";
 *
 * expect(withOncePer("on-synced:[0].abc:slack:ops", "v1")).toBe("v1:on-synced:[0].abc:slack:ops");
 * ```
 */
export function withOncePer(key: string, oncePer: string): string {
  return oncePer === "" ? key : `${oncePer}:${key}`;
}
