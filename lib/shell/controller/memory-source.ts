/**
 * A source held in memory: the host puts and removes objects (from a stream, a file, a test), and the controller
 * hears of each change. The folder and stream sources are built on it.
 * @module
 */
import { objectKey, objectRef, type ResourceObject, type Source, type SourceListener } from "./source.ts";

/** A source whose objects the host sets. */
export interface MemorySource extends Source {
  /**
   * Adds or replaces an object; an object without `metadata.name` is refused.
   * @returns its key, or `undefined` when refused
   */
  put(object: ResourceObject): string | undefined;
  /** Removes the object under `key`; returns whether there was one. */
  remove(key: string): boolean;
}

/**
 * Creates an empty memory source. `put` of an object equal (as JSON) to the one held tells nobody.
 *
 * @param kind the kind, for keys (`certificates`)
 * @param resourceName the resource's variable in conditions and templates
 * @returns the source
 * @example
 * ```ts
 * import { createMemorySource } from "./memory-source.ts";
 * import { expect } from "expect";
 * const source = createMemorySource("foos", "foo");
 * const heard: string[] = [];
 * await source.start((type, key) => heard.push(`${type} ${key}`));
 * source.put({ metadata: { name: "a", namespace: "ns" } });
 * source.put({ metadata: { name: "a", namespace: "ns" } });
 * expect(heard).toEqual(["added foos/ns/a"]);
 * ```
 */
export function createMemorySource(kind: string, resourceName: string): MemorySource {
  const objects = new Map<string, { readonly object: ResourceObject; readonly json: string }>();
  let listener: SourceListener | undefined;
  let started = false;
  return {
    kind,
    resourceName,
    start(l) {
      listener = l;
      started = true;
      for (const [key, held] of objects) l("added", key, held.object);
      return Promise.resolve();
    },
    get: (key) => objects.get(key)?.object,
    keys: () => objects.keys(),
    ready: () => started,
    stop() {
      listener = undefined;
      started = false;
      return Promise.resolve();
    },
    put(object) {
      const ref = objectRef(object);
      if (ref === undefined) return undefined;
      const key = objectKey(kind, ref);
      const json = JSON.stringify(object);
      const held = objects.get(key);
      if (held?.json === json) return key;
      objects.set(key, { object, json });
      listener?.(held === undefined ? "added" : "updated", key, object);
      return key;
    },
    remove(key) {
      const held = objects.get(key);
      if (held === undefined) return false;
      objects.delete(key);
      listener?.("deleted", key, held.object);
      return true;
    },
  };
}
