/**
 * A source over any Kubernetes resource (group, version, resource), cluster-wide or in one namespace, with label and
 * field selectors: a list-and-watch cache that re-lists after `410 Gone`, reconnects with backoff after a dropped
 * watch, and tells the controller of every change.
 * @module
 */
import type { ObjectRef, Source, SourceListener } from "../controller/source.ts";
import { objectKey, objectRef } from "../controller/source.ts";
import type { KubeClient, KubeFailure, RawInformer } from "./_client.ts";

/** Which resources a source watches. */
export interface ResourceSpec {
  /** The API group, `""` for the core group. */
  readonly group: string;
  readonly version: string;
  /** The plural resource name (`certificates`). */
  readonly resource: string;
  /** Only this namespace (default: all). */
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

/** A source of Kubernetes objects, which also knows their API paths. */
export interface KubeSource extends Source {
  readonly spec: ResourceSpec;
  /** `apiVersion` of the objects (`cert-manager.io/v1`). */
  readonly apiVersion: string;
  /** The kind as discovered (`Certificate`); known once started. */
  objectKind(): string | undefined;
  /** Whether the resource is namespaced; known once started. */
  namespaced(): boolean;
  /** The API path of one object. */
  objectPath(ref: Pick<ObjectRef, "namespace" | "name">): string;
}

/** Options of {@linkcode informerSource}. */
export interface InformerSourceOptions {
  readonly resourceName: string;
  /** Told of a failed discovery, list or watch, and when it is retried. */
  readonly onError?: (failure: KubeFailure, retryInMs: number) => void;
}

/**
 * Parses `group/version/resource` (`cert-manager.io/v1/certificates`) or `version/resource` (`v1/configmaps`) into
 * a spec; `undefined` when it is neither.
 * @param text the flag's value
 * @returns the spec
 * @example
 * ```ts
 * import { parseResourceSpec } from "./informer-source.ts";
 * import { expect } from "expect";
 * expect(parseResourceSpec("cert-manager.io/v1/certificates")).toEqual({ group: "cert-manager.io", version: "v1", resource: "certificates" });
 * expect(parseResourceSpec("v1/configmaps")).toEqual({ group: "", version: "v1", resource: "configmaps" });
 * expect(parseResourceSpec("certificates")).toBeUndefined();
 * ```
 */
export function parseResourceSpec(text: string): ResourceSpec | undefined {
  const parts = text.split("/");
  if (parts.some((p) => p === "" || !/^[a-z0-9.-]+$/i.test(p))) return undefined;
  if (parts.length === 2) return { group: "", version: parts[0]!, resource: parts[1]! };
  if (parts.length === 3) return { group: parts[0]!, version: parts[1]!, resource: parts[2]! };
  return undefined;
}

const apiBase = (
  spec: ResourceSpec,
): string => (spec.group === "" ? `/api/${spec.version}` : `/apis/${spec.group}/${spec.version}`);

interface Discovered {
  readonly kind: string;
  readonly namespaced: boolean;
}

async function discover(client: KubeClient, spec: ResourceSpec): Promise<Discovered | KubeFailure> {
  const path = apiBase(spec);
  const answer = await client.request<{ resources?: { name?: string; kind?: string; namespaced?: boolean }[] }>(
    "GET",
    path,
  );
  if (!answer.ok) return answer.failure;
  const found = answer.value.resources?.find((r) => r.name === spec.resource);
  if (found?.kind === undefined) {
    return {
      _tag: "KubeFailure",
      status: 404,
      message: `GET ${path}: the API server serves no resource "${spec.resource}" there`,
      retryable: true,
    };
  }
  return { kind: found.kind, namespaced: found.namespaced === true };
}

/**
 * Creates a source over the resources `spec` names. `start` discovers the kind (retrying with backoff while the API
 * server cannot be reached or does not serve it yet), lists, and watches.
 *
 * @param client the API server
 * @param spec which resources
 * @param options the resource's variable name, and where errors go
 * @returns the source
 */
export function informerSource(client: KubeClient, spec: ResourceSpec, options: InformerSourceOptions): KubeSource {
  const kind = spec.group === ""
    ? `${spec.version}/${spec.resource}`
    : `${spec.group}/${spec.version}/${spec.resource}`;
  let discovered: Discovered | undefined;
  let informer: RawInformer | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;
  const objectPath = (ref: Pick<ObjectRef, "namespace" | "name">): string =>
    discovered?.namespaced === false || ref.namespace === ""
      ? `${apiBase(spec)}/${spec.resource}/${ref.name}`
      : `${apiBase(spec)}/namespaces/${ref.namespace}/${spec.resource}/${ref.name}`;
  const collection = (): string =>
    spec.namespace !== undefined && discovered?.namespaced !== false
      ? `${apiBase(spec)}/namespaces/${spec.namespace}/${spec.resource}`
      : `${apiBase(spec)}/${spec.resource}`;
  const keyOf = (o: unknown): string | undefined => {
    const ref = objectRef(o);
    return ref === undefined ? undefined : objectKey(kind, ref);
  };
  return {
    kind,
    resourceName: options.resourceName,
    spec,
    apiVersion: spec.group === "" ? spec.version : `${spec.group}/${spec.version}`,
    objectKind: () => discovered?.kind,
    namespaced: () => discovered?.namespaced ?? spec.namespace !== undefined,
    objectPath,
    async start(listener: SourceListener) {
      stopped = false;
      for (let failures = 1; discovered === undefined && !stopped; failures++) {
        const found = await discover(client, spec);
        if ("_tag" in found) {
          const wait = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
          options.onError?.(found, wait);
          await new Promise<void>((r) => {
            const timer = setTimeout(r, wait);
            wake = () => (clearTimeout(timer), r());
          });
        } else discovered = found;
      }
      if (stopped) return;
      const emit = (type: "added" | "updated" | "deleted") => (o: Record<string, unknown>): void => {
        const key = keyOf(o);
        if (key !== undefined) listener(type, key, o);
      };
      informer = client.informer(collection(), {
        add: emit("added"),
        update: emit("updated"),
        delete: emit("deleted"),
        ...(options.onError !== undefined ? { error: options.onError } : {}),
      }, {
        ...(spec.labelSelector !== undefined ? { labelSelector: spec.labelSelector } : {}),
        ...(spec.fieldSelector !== undefined ? { fieldSelector: spec.fieldSelector } : {}),
      });
      await informer.start();
    },
    get(key) {
      const last = key.lastIndexOf("/");
      const nsEnd = key.lastIndexOf("/", last - 1);
      if (key.slice(0, nsEnd) !== kind) return undefined;
      const namespace = key.slice(nsEnd + 1, last);
      return informer?.get(key.slice(last + 1), namespace === "" ? undefined : namespace);
    },
    *keys() {
      for (const o of informer?.list() ?? []) {
        const key = keyOf(o);
        if (key !== undefined) yield key;
      }
    },
    ready: () => informer?.healthy() ?? false,
    async stop() {
      stopped = true;
      wake?.();
      await informer?.stop();
    },
  };
}
