/**
 * The Go engine's state store: the `notified.<prefix>` annotation on the resource itself, byte for byte as the Go
 * engine writes it, so this controller can take over from the Go one (and back) on the same resources. It is
 * written with a JSON merge patch that names only that one annotation: another writer's annotations and fields are
 * never touched, and no resourceVersion precondition makes two writers conflict.
 * @module
 */
import { encodeNotifiedState, notifiedAnnotationKey, type NotifiedState, readNotifiedState } from "../../../mod.ts";
import { stateIdentity, type StateStore, type StateTarget, storeFailure } from "../controller/state-store.ts";
import type { KubeClient } from "./_client.ts";
import type { KubeSource } from "./informer-source.ts";
import { isNewerOrSame } from "./resource-version.ts";

/** Options of {@linkcode annotationStore}. */
export interface AnnotationStoreOptions {
  /** The annotation prefix, `notifications.argoproj.io` by default: the annotation is `notified.<prefix>`. */
  readonly prefix?: string;
}

function isKubeSource(source: StateTarget["source"]): source is KubeSource {
  return typeof (source as Partial<KubeSource>).objectPath === "function";
}

/**
 * The merge patch that sets (or, for an empty state, removes) the state annotation and nothing else.
 * @param state the new state
 * @param options the annotation prefix
 * @returns the patch body
 * @example
 * ```ts
 * import { annotationPatch } from "./annotation-store.ts";
 * import { expect } from "expect";
 * expect(annotationPatch({ "b:0:slack:x": 2, "a:0:slack:x": 1 })).toEqual({
 *   metadata: { annotations: { "notified.notifications.argoproj.io": '{"a:0:slack:x":1,"b:0:slack:x":2}' } },
 * });
 * expect(annotationPatch({})).toEqual({ metadata: { annotations: { "notified.notifications.argoproj.io": null } } });
 * ```
 */
export function annotationPatch(state: NotifiedState, options: AnnotationStoreOptions = {}): Record<string, unknown> {
  const key = notifiedAnnotationKey(options.prefix !== undefined ? { prefix: options.prefix } : {});
  const value = Object.keys(state).length === 0 ? null : encodeNotifiedState(state);
  return { metadata: { annotations: { [key]: value } } };
}

/**
 * Creates the annotation store. Reads come from the source's cache; until the cache has caught up with this store's
 * own latest write of a resource (its resourceVersion), that write is what is read, so a pass that runs before the
 * watch delivers our patch does not send again.
 *
 * @param client the API server
 * @param options the annotation prefix
 * @returns the store
 */
export function annotationStore(client: KubeClient, options: AnnotationStoreOptions = {}): StateStore {
  const written = new Map<string, { readonly state: NotifiedState; readonly resourceVersion: string }>();
  const prefix = options.prefix !== undefined ? { prefix: options.prefix } : {};
  return {
    name: "annotation",
    read(target) {
      const id = stateIdentity(target);
      const mine = written.get(id);
      if (mine !== undefined) {
        if (!isNewerOrSame(target.ref.resourceVersion, mine.resourceVersion)) return Promise.resolve(mine.state);
        written.delete(id);
      }
      const metadata = target.object["metadata"] as { annotations?: Record<string, unknown> } | undefined;
      return Promise.resolve(readNotifiedState(metadata?.annotations, prefix).state);
    },
    async write(target, state) {
      if (!isKubeSource(target.source)) {
        return storeFailure(`the annotation store needs a Kubernetes source, not "${target.source.kind}"`, {
          retryable: false,
        });
      }
      const path = target.source.objectPath(target.ref);
      const answer = await client.request<{ metadata?: { resourceVersion?: string } }>("PATCH", path, {
        body: annotationPatch(state, options),
        contentType: "application/merge-patch+json",
      });
      if (!answer.ok) {
        const f = answer.failure;
        return storeFailure(f.message, {
          retryable: f.retryable,
          ...(f.status !== undefined ? { status: f.status } : {}),
        });
      }
      const resourceVersion = answer.value.metadata?.resourceVersion;
      if (resourceVersion !== undefined) written.set(stateIdentity(target), { state, resourceVersion });
      return undefined;
    },
    forget(target) {
      written.delete(stateIdentity(target));
      return Promise.resolve();
    },
  };
}
