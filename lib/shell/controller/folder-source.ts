/**
 * A source reading a folder of YAML (or JSON) files, each holding one or more documents, and watching it: an edited,
 * added or removed file changes the objects it holds. It lets the controller run with no cluster (the embedded
 * default of `npm start`) and lets tests drive it with plain files.
 * @module
 */
import { type FSWatcher, readdirSync, readFileSync, watch } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { createMemorySource } from "./memory-source.ts";
import { objectKey, objectRef, type ResourceObject, type Source } from "./source.ts";

/** Options of {@linkcode folderSource}. */
export interface FolderSourceOptions {
  /** The folder. */
  readonly dir: string;
  /** The kind, for keys and logs (`certificates`). */
  readonly kind: string;
  /** The resource's variable in conditions and templates. */
  readonly resourceName: string;
  /** Which documents are resources of this source (default: all with a `metadata.name`). */
  readonly accept?: (object: ResourceObject) => boolean;
  /** Watch the folder for changes (default true). */
  readonly watch?: boolean;
  /** Milliseconds to wait after a change before reading again, so an editor's several writes read once (default 100). */
  readonly debounceMs?: number;
  /** Told of a file that cannot be read or parsed; its objects stay as they were. */
  readonly onError?: (file: string, message: string) => void;
}

const isResourceFile = (name: string): boolean => /\.(ya?ml|json)$/i.test(name) && !name.startsWith(".");

function isObject(value: unknown): value is ResourceObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The documents of one file, or an error message. */
function readDocuments(path: string): ResourceObject[] | string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const objects: ResourceObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return doc.errors[0]!.message;
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (isObject(value)) objects.push(value);
  }
  return objects;
}

/**
 * Creates a source over the YAML and JSON files of `dir` (not its sub-folders). Objects are keyed by kind, namespace
 * and name; when two files hold the same object, the later file (by name) wins.
 *
 * @param options the folder, kind, variable name and filter
 * @returns the source; `start` reads the folder
 * @example
 * ```ts
 * import { folderSource } from "./folder-source.ts";
 * import { mkdtempSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { expect } from "expect";
 * const dir = mkdtempSync(join(tmpdir(), "folder-source-"));
 * writeFileSync(join(dir, "a.yaml"), "metadata: {name: a}\n---\nmetadata: {name: b}\n");
 * const source = folderSource({ dir, kind: "things", resourceName: "thing", watch: false });
 * await source.start(() => {});
 * expect([...source.keys()]).toEqual(["things//a", "things//b"]);
 * ```
 */
export function folderSource(options: FolderSourceOptions): Source {
  const memory = createMemorySource(options.kind, options.resourceName);
  const accept = options.accept ?? (() => true);
  const lastGood = new Map<string, ResourceObject[]>();
  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const reload = (): void => {
    let names: string[] = [];
    try {
      names = readdirSync(options.dir).filter(isResourceFile).sort();
    } catch (e) {
      options.onError?.(options.dir, e instanceof Error ? e.message : String(e));
      return;
    }
    const present = new Map<string, ResourceObject>();
    for (const name of names) {
      const path = join(options.dir, name);
      const read = readDocuments(path);
      if (typeof read === "string") options.onError?.(path, read);
      else lastGood.set(name, read);
      for (const object of lastGood.get(name) ?? []) {
        const ref = objectRef(object);
        if (ref !== undefined && accept(object)) present.set(objectKey(options.kind, ref), object);
      }
    }
    for (const name of [...lastGood.keys()]) if (!names.includes(name)) lastGood.delete(name);
    for (const key of [...memory.keys()]) if (!present.has(key)) memory.remove(key);
    for (const object of present.values()) memory.put(object);
  };

  return {
    kind: options.kind,
    resourceName: options.resourceName,
    get: memory.get,
    keys: memory.keys,
    ready: memory.ready,
    async start(listener) {
      reload();
      await memory.start(listener);
      if (options.watch === false) return;
      watcher = watch(options.dir, () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(reload, options.debounceMs ?? 100);
      });
      watcher.on("error", (e) => options.onError?.(options.dir, e.message));
    },
    async stop() {
      watcher?.close();
      if (timer !== undefined) clearTimeout(timer);
      await memory.stop();
    },
  };
}
