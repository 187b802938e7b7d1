/**
 * Message references (Slack's thread parent per grouping key, the channel a message went to) in one ConfigMap in the
 * controller's namespace, so a restarted or replacing replica edits the same message. Each reference is one key of
 * `data`, written with a JSON merge patch that names only it, so replicas never overwrite each other's; the
 * ConfigMap is watched, so a reference another replica wrote is seen.
 * @module
 */
import { sha1, toHex } from "../../digest/mod.ts";
import type { MessageStore } from "../message-store.ts";
import type { KubeClient, KubeFailure, RawInformer } from "./_client.ts";

/** Options of {@linkcode configMapMessageStore}. */
export interface ConfigMapMessageStoreOptions {
  readonly namespace: string;
  /** The ConfigMap's name (default `notifications-engine-messages`). */
  readonly name?: string;
  readonly onError?: (failure: KubeFailure, retryInMs: number) => void;
}

const encoder = new TextEncoder();

/**
 * The ConfigMap key of a reference key: base64url of its UTF-8 (ConfigMap keys allow only `[-._a-zA-Z0-9]`), or
 * `sha1-<hex>` when that passes the 253 characters a key may have.
 * @param key the reference key (`slack/thread ["ops","deploy-1"]`)
 * @returns the ConfigMap key
 * @example
 * ```ts
 * import { messageDataKey } from "./configmap-message-store.ts";
 * import { expect } from "expect";
 * expect(messageDataKey("slack/x")).toBe("c2xhY2sveA");
 * expect(messageDataKey("k".repeat(300))).toMatch(/^sha1-[0-9a-f]{40}$/);
 * ```
 */
export function messageDataKey(key: string): string {
  const bytes = encoder.encode(key);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  const encoded = btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
  return encoded.length <= 253 ? encoded : `sha1-${toHex(sha1(bytes))}`;
}

/**
 * Creates the store; `start` loads and watches the ConfigMap (absent is empty; the first `set` creates it).
 * @param client the API server
 * @param options namespace and name
 * @returns the store
 */
export function configMapMessageStore(
  client: KubeClient,
  options: ConfigMapMessageStoreOptions,
): MessageStore & { start(): Promise<void>; stop(): Promise<void> } {
  const name = options.name ?? "notifications-engine-messages";
  const path = `/api/v1/namespaces/${options.namespace}/configmaps`;
  const values = new Map<string, string>();
  let informer: RawInformer | undefined;
  const load = (cm: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries((cm["data"] ?? {}) as Record<string, string>)) values.set(k, v);
  };
  return {
    async start() {
      informer = client.informer(path, {
        add: load,
        update: load,
        delete: () => values.clear(),
        ...(options.onError !== undefined ? { error: options.onError } : {}),
      }, { fieldSelector: `metadata.name=${name}` });
      await informer.start();
    },
    async stop() {
      await informer?.stop();
    },
    get: (key) => Promise.resolve(values.get(messageDataKey(key))),
    async set(key, value) {
      const dataKey = messageDataKey(key);
      values.set(dataKey, value);
      const patched = await client.request("PATCH", `${path}/${name}`, {
        body: { data: { [dataKey]: value } },
        contentType: "application/merge-patch+json",
      });
      if (patched.ok) return;
      if (patched.failure.status === 404) {
        const created = await client.request("POST", path, {
          body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { [dataKey]: value } },
        });
        if (created.ok) return;
        if (created.failure.status === 409) return this.set(key, value);
        throw new Error(created.failure.message);
      }
      throw new Error(patched.failure.message);
    },
  };
}
