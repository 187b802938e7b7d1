/**
 * Where the controller's resources come from: a Kubernetes informer, a folder of YAML files, or any stream of
 * objects. A source keeps the current version of each object and tells the controller which keys changed; the
 * controller reads the object when it processes the key, so a burst of changes costs one pass.
 * @module
 */

/** A resource as the controller sees it: any JSON object, usually a Kubernetes object. */
export type ResourceObject = Readonly<Record<string, unknown>>;

/** What happened to an object. */
export type SourceEventType = "added" | "updated" | "deleted";

/** Told by a source when an object changed: its key and its new version (the last one known, when deleted). */
export type SourceListener = (type: SourceEventType, key: string, object: ResourceObject) => void;

/** A kind of resources and how the controller reaches them. */
export interface Source {
  /** Names the kind in keys, logs and metrics (`cert-manager.io/v1/certificates`). */
  readonly kind: string;
  /** The variable the resource has in conditions and templates (`cert`, `app`, `foo`). */
  readonly resourceName: string;
  /**
   * Starts watching; `listener` hears of every object present at start (as `added`) and of every change after.
   * Resolves once the first full view is loaded (the source is synced).
   */
  start(listener: SourceListener): Promise<void>;
  /** The current version of the object under `key`, if any. */
  get(key: string): ResourceObject | undefined;
  /** Every key currently known. */
  keys(): Iterable<string>;
  /** Whether the first full view is loaded and the source is connected. */
  ready(): boolean;
  stop(): Promise<void>;
}

/** A resource's place: namespace ("" when cluster-scoped) and name, read from `metadata`. */
export interface ObjectRef {
  readonly namespace: string;
  readonly name: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * Reads namespace, name, uid and resourceVersion of an object; `undefined` without a string `metadata.name`.
 * @param object the object
 * @returns its reference
 * @example
 * ```ts
 * import { objectRef } from "./source.ts";
 * import { expect } from "expect";
 * expect(objectRef({ metadata: { name: "web", namespace: "prod" } })).toEqual({ namespace: "prod", name: "web" });
 * expect(objectRef({ spec: {} })).toBeUndefined();
 * ```
 */
export function objectRef(object: unknown): ObjectRef | undefined {
  if (typeof object !== "object" || object === null) return undefined;
  const metadata = (object as { metadata?: unknown }).metadata;
  if (typeof metadata !== "object" || metadata === null) return undefined;
  const m = metadata as Record<string, unknown>;
  const name = text(m["name"]);
  if (name === undefined || name === "") return undefined;
  const uid = text(m["uid"]);
  const resourceVersion = text(m["resourceVersion"]);
  return {
    namespace: text(m["namespace"]) ?? "",
    name,
    ...(uid !== undefined ? { uid } : {}),
    ...(resourceVersion !== undefined ? { resourceVersion } : {}),
  };
}

/**
 * The queue key of an object of a kind: `<kind>/<namespace>/<name>`.
 * @param kind the source's kind
 * @param ref namespace and name
 * @returns the key
 */
export function objectKey(kind: string, ref: Pick<ObjectRef, "namespace" | "name">): string {
  return `${kind}/${ref.namespace}/${ref.name}`;
}
