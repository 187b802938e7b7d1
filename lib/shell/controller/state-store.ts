/**
 * Where the controller keeps what it notified, per resource: the interface every store implements (the Go engine's
 * annotation, a ConfigMap per resource, a local file) and a store in memory.
 * @module
 */
import type { NotifiedState } from "../../../mod.ts";
import { encodeNotifiedState } from "../../../mod.ts";
import type { ObjectRef, ResourceObject, Source } from "./source.ts";

/** The resource a state belongs to, as the controller hands it to a store. */
export interface StateTarget {
  /** The queue key, `<kind>/<namespace>/<name>`. */
  readonly key: string;
  readonly source: Source;
  /** The current version of the resource (from the source). */
  readonly object: ResourceObject;
  readonly ref: ObjectRef;
}

/** Why a store could not read or write; `retryable` when trying again later may pass. */
export interface StoreFailure {
  readonly _tag: "StoreFailure";
  readonly message: string;
  readonly retryable: boolean;
  /** The HTTP status, when the store answered one (409 for a conflict). */
  readonly status?: number;
}

/** Where states live. */
export interface StateStore {
  /** Names the store in logs (`annotation`, `configmap`, `file`). */
  readonly name: string;
  /** Resolves once the store can be read (its cache loaded). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** The recorded state of the resource: the freshest the store knows, its own latest write included. */
  read(target: StateTarget): Promise<NotifiedState>;
  /** Records the state; `undefined` when done. Writes only what differs from what is recorded. */
  write(target: StateTarget, state: NotifiedState): Promise<StoreFailure | undefined>;
  /** The resource is gone: forgets its state (best effort). */
  forget(target: StateTarget): Promise<void>;
}

/**
 * Builds a {@linkcode StoreFailure}.
 * @param message what failed, without secrets
 * @param options whether it may pass later, and the status
 * @returns the failure
 */
export function storeFailure(
  message: string,
  options: { readonly retryable: boolean; readonly status?: number },
): StoreFailure {
  return { _tag: "StoreFailure", message, ...options };
}

/**
 * The identity of a resource's state: its UID when it has one (a resource deleted and created again under the same
 * name starts afresh, as with the annotation), else its queue key (files and streams have no UIDs).
 * @param target the resource
 * @returns the identity
 */
export function stateIdentity(target: Pick<StateTarget, "key" | "ref">): string {
  return target.ref.uid ?? target.key;
}

/**
 * A store in memory, for tests and one-shot runs. Its `entries` hold each state as the annotation would.
 * @returns the store
 * @example
 * ```ts
 * import { createMemoryStateStore } from "./state-store.ts";
 * import { createMemorySource } from "./memory-source.ts";
 * import { expect } from "expect";
 * const store = createMemoryStateStore();
 * const source = createMemorySource("foos", "foo");
 * const target = { key: "foos/ns/a", source, object: {}, ref: { namespace: "ns", name: "a" } };
 * await store.write(target, { "on-ready:[0].x:slack:ops": 1700000000 });
 * expect(await store.read(target)).toEqual({ "on-ready:[0].x:slack:ops": 1700000000 });
 * expect(store.entries.get("foos/ns/a")).toBe('{"on-ready:[0].x:slack:ops":1700000000}');
 * ```
 */
export function createMemoryStateStore(): StateStore & {
  readonly entries: ReadonlyMap<string, string>;
  writes: number;
} {
  const entries = new Map<string, string>();
  const store = {
    name: "memory",
    entries,
    writes: 0,
    read: (target: StateTarget): Promise<NotifiedState> => {
      const held = entries.get(stateIdentity(target));
      return Promise.resolve(held === undefined ? {} : JSON.parse(held) as NotifiedState);
    },
    write: (target: StateTarget, state: NotifiedState): Promise<undefined> => {
      const id = stateIdentity(target);
      const encoded = encodeNotifiedState(state);
      if (Object.keys(state).length === 0) entries.delete(id);
      else entries.set(id, encoded);
      store.writes++;
      return Promise.resolve(undefined);
    },
    forget: (target: StateTarget): Promise<void> => {
      entries.delete(stateIdentity(target));
      return Promise.resolve();
    },
  };
  return store;
}
