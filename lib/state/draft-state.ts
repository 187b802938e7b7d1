/**
 * A notified state being changed by one evaluation, in constant time per change.
 * @module
 */
import type { NotifiedState } from "./notified-state.ts";

/** The changes of one pass over a state; {@linkcode StateDraft.done} gives the new state. */
export interface StateDraft {
  /** Whether `key` is recorded. */
  has(key: string): boolean;
  /** When `key` was recorded (unix seconds), as the draft stands; `undefined` when it is not. */
  at(key: string): number | undefined;
  /** Records `key` at `nowSeconds` (a fraction is dropped), unless it is already recorded: as `markNotified`. */
  mark(key: string, nowSeconds: number): void;
  /** Forgets `key`: as `clearNotified` without `oncePer`. */
  clear(key: string): void;
  /** The state with every change; the original object when nothing changed. */
  done(): NotifiedState;
}

/**
 * Starts a draft of `state`. Each `markNotified` or `clearNotified` copies the whole state, so a pass that records
 * one entry per destination would take time quadratic in the destinations; a draft keeps the changes in a map and
 * builds the state once.
 *
 * @param state The state (not modified).
 * @returns The draft.
 *
 * @example Marking and clearing
 * ```ts
 * import { expect } from "expect";
 * import { draftState } from "./draft-state.ts";
 *
 * const draft = draftState({ a: 1, b: 2 });
 * draft.mark("c", 3.5);
 * draft.mark("a", 9);
 * draft.clear("b");
 * expect(draft.at("a")).toBe(1);
 * expect(draft.done()).toEqual({ a: 1, c: 3 });
 * ```
 */
export function draftState(state: NotifiedState): StateDraft {
  let entries: Map<string, number> | undefined;
  const changed = (): Map<string, number> => (entries ??= new Map(Object.entries(state)));
  return {
    has: (key) => (entries !== undefined ? entries.has(key) : Object.hasOwn(state, key)),
    at: (key) => (entries !== undefined ? entries.get(key) : Object.hasOwn(state, key) ? state[key] : undefined),
    mark(key, nowSeconds) {
      if (!this.has(key)) changed().set(key, Math.floor(nowSeconds));
    },
    clear(key) {
      if (this.has(key)) changed().delete(key);
    },
    done: () => (entries === undefined ? state : Object.fromEntries(entries)),
  };
}
