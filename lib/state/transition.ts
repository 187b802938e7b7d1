/**
 * Pure transitions of the notified state, as the Go engine's `SetAlreadyNotified` does them.
 * @module
 */
import type { NotifiedState } from "./notified-state.ts";

/** A new state and whether it differs from the old one (when it does not, `state` is the old object). */
export interface StateTransition {
  readonly state: NotifiedState;
  readonly changed: boolean;
}

/**
 * Records that `key` was notified at `nowSeconds`. A key that is already recorded keeps its time and nothing changes:
 * that is what makes a notification go out once.
 *
 * @param state The current state (not modified).
 * @param key The state key (see `stateKey`).
 * @param nowSeconds The current unix time in seconds; a fraction is dropped.
 * @returns The new state and whether it changed.
 *
 * @example Once only
 * ```ts
 * import { expect } from "expect";
 * import { markNotified } from "./transition.ts";
 *
 * const first = markNotified({}, "k", 100);
 * expect(first).toEqual({ state: { k: 100 }, changed: true });
 * expect(markNotified(first.state, "k", 200).changed).toBe(false);
 * ```
 */
export function markNotified(
  state: NotifiedState,
  key: string,
  nowSeconds: number,
): StateTransition {
  if (Object.hasOwn(state, key)) return { state, changed: false };
  return {
    state: Object.fromEntries([...Object.entries(state), [
      key,
      Math.floor(nowSeconds),
    ]]),
    changed: true,
  };
}

/** Options of {@linkcode clearNotified}. */
export interface ClearOptions {
  /** The condition's `oncePer` value (or `true`): such entries are never cleared, only truncated away. */
  readonly oncePer?: string | boolean | undefined;
}

/**
 * Forgets that `key` was notified, so that the next time its condition holds it notifies again. Entries of a
 * condition with `oncePer` are kept: they mean "once for this value", for good.
 *
 * @param state The current state (not modified).
 * @param key The state key.
 * @param options Whether the condition has an `oncePer` value.
 * @returns The new state and whether it changed.
 *
 * @example Clearing
 * ```ts
 * import { expect } from "expect";
 * import { clearNotified } from "./transition.ts";
 *
 * expect(clearNotified({ k: 1 }, "k")).toEqual({ state: {}, changed: true });
 * expect(clearNotified({ k: 1 }, "k", { oncePer: "v1" }).changed).toBe(false);
 * ```
 */
export function clearNotified(
  state: NotifiedState,
  key: string,
  options: ClearOptions = {},
): StateTransition {
  const oncePer = options.oncePer === true ||
    (typeof options.oncePer === "string" && options.oncePer !== "");
  if (!Object.hasOwn(state, key) || oncePer) return { state, changed: false };
  return {
    state: Object.fromEntries(Object.entries(state).filter(([k]) => k !== key)),
    changed: true,
  };
}
