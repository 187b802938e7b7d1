/**
 * States and message references in one local JSON file, for the controller without a cluster (`npm start`): what
 * was notified survives a restart. Each write replaces the file atomically (a temporary file renamed over it).
 * @module
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { decodeNotifiedState, encodeNotifiedState } from "../../../mod.ts";
import type { MessageStore } from "../message-store.ts";
import { stateIdentity, type StateStore, storeFailure } from "./state-store.ts";

interface FileContent {
  states: Record<string, string>;
  messages: Record<string, string>;
}

/** The two stores over one file. */
export interface FileStore {
  readonly states: StateStore;
  readonly messages: MessageStore;
}

function load(path: string): FileContent {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<FileContent>;
    return { states: { ...parsed.states }, messages: { ...parsed.messages } };
  } catch {
    return { states: {}, messages: {} };
  }
}

/**
 * Opens (or starts) the file at `path`; an unreadable file counts as empty.
 * @param path the file
 * @returns the state store and the message store
 * @example
 * ```ts
 * import { createFileStore } from "./file-store.ts";
 * import { createMemorySource } from "./memory-source.ts";
 * import { mkdtempSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { expect } from "expect";
 * const path = join(mkdtempSync(join(tmpdir(), "file-store-")), "state.json");
 * const target = { key: "certs/default/web", source: createMemorySource("certs", "cert"), object: {}, ref: { namespace: "default", name: "web" } };
 * await createFileStore(path).states.write(target, { "on-ready:[0].x:console:": 1700000000 });
 * expect(await createFileStore(path).states.read(target)).toEqual({ "on-ready:[0].x:console:": 1700000000 });
 * ```
 */
export function createFileStore(path: string): FileStore {
  const content = load(path);
  const save = (): void => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content, null, 2) + "\n");
    renameSync(temporary, path);
  };
  const attempt = (change: () => void): ReturnType<StateStore["write"]> => {
    try {
      change();
      save();
      return Promise.resolve(undefined);
    } catch (e) {
      return Promise.resolve(
        storeFailure(`cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`, { retryable: true }),
      );
    }
  };
  return {
    states: {
      name: "file",
      read: (target) => Promise.resolve(decodeNotifiedState(content.states[stateIdentity(target)]).state),
      write: (target, state) =>
        attempt(() => {
          if (Object.keys(state).length === 0) delete content.states[stateIdentity(target)];
          else content.states[stateIdentity(target)] = encodeNotifiedState(state);
        }),
      forget: async (target) => {
        await attempt(() => delete content.states[stateIdentity(target)]);
      },
    },
    messages: {
      get: (key) => Promise.resolve(content.messages[key]),
      set: async (key, value) => {
        const failed = await attempt(() => (content.messages[key] = value));
        if (failed !== undefined) throw new Error(failed.message);
      },
    },
  };
}
