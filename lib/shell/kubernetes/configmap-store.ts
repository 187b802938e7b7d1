/**
 * The external state store: one ConfigMap per resource, named after the resource's UID, that only this controller
 * writes. Other writers of the resource (ApplicationSet, Terraform, argocd-agent, `kubectl apply` of a manifest
 * without our annotation) can replace every annotation of the resource without touching what was notified, so they
 * cause no re-send.
 *
 * Why one ConfigMap per resource, and not one per namespace or Redis:
 * - a ConfigMap holds at most 1 MiB, about 8,000 states; a namespace with more resources would overflow, and every
 *   write would rewrite (and every watcher receive) the whole object: 10,000 resources × 1 MiB of etcd traffic;
 * - a per-resource object is written with one server-side apply of a few hundred bytes, shards and replicas never
 *   contend for it, and its owner reference to the resource lets Kubernetes' garbage collector delete it with the
 *   resource (the controller also deletes it when it sees the resource go);
 * - it needs nothing besides the API server (Redis would be one more service to run, secure and back up), and
 *   `kubectl get cm -l notifications.argoproj.io/state` shows it.
 *
 * `data.state` is the Go annotation's JSON, byte for byte; `data.resource` names the resource for people.
 * @module
 */
import { decodeNotifiedState, encodeNotifiedState, type NotifiedState } from "../../../mod.ts";
import { type StateStore, type StateTarget, storeFailure } from "../controller/state-store.ts";
import type { KubeClient, KubeFailure, RawInformer } from "./_client.ts";
import type { KubeSource } from "./informer-source.ts";
import { isNewerOrSame } from "./resource-version.ts";

/** The label every state ConfigMap carries (value `"true"`). */
export const stateLabel = "notifications.argoproj.io/state";

/** Options of {@linkcode configMapStore}. */
export interface ConfigMapStoreOptions {
  /** Where states of cluster-scoped resources go (the controller's namespace). */
  readonly namespace: string;
  /** Watch state ConfigMaps only in this namespace (when the controller watches only it); default all. */
  readonly watchNamespace?: string;
  /** The ConfigMaps' name prefix (default `notified-`); the UID follows. */
  readonly namePrefix?: string;
  /** The field manager of the server-side apply (default `notifications-engine`). */
  readonly fieldManager?: string;
  /** Told when the ConfigMaps' list or watch fails, and when it is retried. */
  readonly onError?: (failure: KubeFailure, retryInMs: number) => void;
}

interface Held {
  readonly state: NotifiedState;
  readonly resourceVersion: string;
}

function isKubeSource(source: StateTarget["source"]): source is KubeSource {
  return typeof (source as Partial<KubeSource>).objectPath === "function";
}

/**
 * Creates the store; `start` lists and watches the state ConfigMaps (label `notifications.argoproj.io/state`).
 * @param client the API server
 * @param options the controller's namespace, the names, the field manager
 * @returns the store
 */
export function configMapStore(client: KubeClient, options: ConfigMapStoreOptions): StateStore {
  const prefix = options.namePrefix ?? "notified-";
  const fieldManager = options.fieldManager ?? "notifications-engine";
  const cached = new Map<string, Held>();
  const mine = new Map<string, Held>();
  let informer: RawInformer | undefined;
  const uidOf = (cm: Record<string, unknown>): string | undefined => {
    const name = (cm["metadata"] as { name?: string } | undefined)?.name;
    return name?.startsWith(prefix) === true ? name.slice(prefix.length) : undefined;
  };
  const hold = (cm: Record<string, unknown>): void => {
    const uid = uidOf(cm);
    if (uid === undefined) return;
    const data = (cm["data"] ?? {}) as Record<string, string>;
    const resourceVersion = (cm["metadata"] as { resourceVersion?: string }).resourceVersion ?? "";
    cached.set(uid, { state: decodeNotifiedState(data["state"]).state, resourceVersion });
  };
  const placeOf = (target: StateTarget): { namespace: string; name: string } | undefined =>
    target.ref.uid === undefined
      ? undefined
      : { namespace: target.ref.namespace || options.namespace, name: `${prefix}${target.ref.uid}` };

  return {
    name: "configmap",
    async start() {
      const path = options.watchNamespace !== undefined
        ? `/api/v1/namespaces/${options.watchNamespace}/configmaps`
        : "/api/v1/configmaps";
      informer = client.informer(path, {
        add: hold,
        update: hold,
        delete: (cm) => {
          const uid = uidOf(cm);
          if (uid !== undefined) cached.delete(uid);
        },
        ...(options.onError !== undefined ? { error: options.onError } : {}),
      }, { labelSelector: stateLabel });
      await informer.start();
    },
    async stop() {
      await informer?.stop();
    },
    read(target) {
      const uid = target.ref.uid;
      if (uid === undefined) return Promise.resolve({});
      const seen = cached.get(uid);
      const written = mine.get(uid);
      if (written !== undefined) {
        if (seen === undefined || !isNewerOrSame(seen.resourceVersion, written.resourceVersion)) {
          return Promise.resolve(written.state);
        }
        mine.delete(uid);
      }
      return Promise.resolve(seen?.state ?? {});
    },
    async write(target, state) {
      const place = placeOf(target);
      if (place === undefined) {
        return storeFailure(`${target.key} has no metadata.uid to key its state by`, { retryable: false });
      }
      const kind = isKubeSource(target.source) ? target.source.objectKind() : undefined;
      const owner = kind !== undefined && isKubeSource(target.source)
        ? [{ apiVersion: target.source.apiVersion, kind, name: target.ref.name, uid: target.ref.uid }]
        : undefined;
      const body = {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: place.name,
          namespace: place.namespace,
          labels: { [stateLabel]: "true" },
          ...(owner !== undefined ? { ownerReferences: owner } : {}),
        },
        data: { state: encodeNotifiedState(state), resource: target.key },
      };
      const answer = await client.request<{ metadata?: { resourceVersion?: string } }>(
        "PATCH",
        `/api/v1/namespaces/${place.namespace}/configmaps/${place.name}`,
        { body, contentType: "application/apply-patch+yaml", query: { fieldManager, force: "true" } },
      );
      if (!answer.ok) {
        const f = answer.failure;
        return storeFailure(f.message, {
          retryable: f.retryable,
          ...(f.status !== undefined ? { status: f.status } : {}),
        });
      }
      mine.set(target.ref.uid!, { state, resourceVersion: answer.value.metadata?.resourceVersion ?? "" });
      return undefined;
    },
    async forget(target) {
      const place = placeOf(target);
      if (place === undefined) return;
      mine.delete(target.ref.uid!);
      if (!cached.has(target.ref.uid!)) return;
      await client.request("DELETE", `/api/v1/namespaces/${place.namespace}/configmaps/${place.name}`);
    },
  };
}
