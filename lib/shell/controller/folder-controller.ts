/**
 * The controller with no cluster: resources, the notification ConfigMap and its Secret are YAML files in one folder,
 * watched for changes; state and message references live in a local file. The same loop as on a cluster, so what a
 * user sees here (`npm start`) is what the controller does there.
 * @module
 */
import type { ConfigMapLike, SecretLike } from "../../../mod.ts";
import { createDeliveryIO, type DeliveryIO } from "../delivery-io.ts";
import type { Log } from "../log.ts";
import type { ControllerMetrics } from "../metrics.ts";
import { type ConfigHolder, type ConfigReport, createConfigHolder } from "./config-holder.ts";
import { type Controller, createController } from "./controller.ts";
import { createFileStore } from "./file-store.ts";
import { folderSource } from "./folder-source.ts";
import type { ControllerHooks } from "./hooks.ts";
import type { ResourceObject, Source } from "./source.ts";

/** A kind of document in the folder that is a resource to watch (`Certificate` as `cert`). */
export interface FolderKind {
  /** The documents' `kind`. */
  readonly kind: string;
  /** The variable in conditions and templates. */
  readonly resourceName: string;
}

/** Options of {@linkcode createFolderController}. */
export interface FolderControllerOptions {
  readonly dir: string;
  readonly kinds: readonly FolderKind[];
  /** The local state file. */
  readonly stateFile: string;
  /** Watch the folder (default true); false for one pass. */
  readonly watch?: boolean;
  /** The ConfigMap to use when the folder holds several (default: the first by file and document order). */
  readonly configMapName?: string;
  /** Delivery capabilities to replace (`print` for the console service, `fetch`). */
  readonly io?: Partial<Omit<DeliveryIO, "gates" | "store">>;
  readonly log?: Log;
  readonly metrics?: ControllerMetrics;
  readonly hooks?: ControllerHooks;
  /** Told of each new configuration version. */
  readonly onConfig?: (report: ConfigReport) => void;
}

/** The running folder controller. */
export interface FolderController {
  readonly controller: Controller;
  readonly configs: ConfigHolder;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const configKinds = new Set(["ConfigMap", "Secret"]);
const kindOf = (o: ResourceObject): unknown => o["kind"];
const nameOf = (o: ResourceObject): unknown => (o["metadata"] as { name?: unknown } | undefined)?.name;

/**
 * Creates the controller over a folder; `start` reads it (and watches it, unless `watch` is false).
 * @param options folder, kinds, state file, delivery capabilities
 * @returns the controller
 */
export function createFolderController(options: FolderControllerOptions): FolderController {
  const watch = options.watch ?? true;
  const onError = (file: string, message: string): void => options.log?.error(`cannot read ${file}: ${message}`);
  const configs = createConfigHolder({
    namespace: "",
    ...(options.onConfig !== undefined ? { onReport: options.onConfig } : {}),
  });
  const configSource = folderSource({
    dir: options.dir,
    kind: "config",
    resourceName: "config",
    accept: (o) => configKinds.has(String(kindOf(o))),
    watch,
    onError,
  });
  const sources: Source[] = options.kinds.map((k) =>
    folderSource({
      dir: options.dir,
      kind: k.kind.toLowerCase(),
      resourceName: k.resourceName,
      accept: (o) => kindOf(o) === k.kind,
      watch,
      onError,
    })
  );
  const files = createFileStore(options.stateFile);
  const controller = createController({
    sources,
    configs,
    store: files.states,
    io: createDeliveryIO({ ...options.io, store: files.messages }),
    ...(options.log !== undefined ? { log: options.log } : {}),
    ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
    ...(options.hooks !== undefined ? { hooks: options.hooks } : {}),
  });
  let applied = "";
  let live = false;
  const reloadConfig = (): void => {
    const docs = [...configSource.keys()].map((k) => configSource.get(k)!);
    const pick = (kind: string): ResourceObject | undefined =>
      docs.find((d) =>
        kindOf(d) === kind &&
        (kind !== "ConfigMap" || options.configMapName === undefined || nameOf(d) === options.configMapName)
      );
    const configMap = pick("ConfigMap");
    const secret = pick("Secret");
    const fingerprint = JSON.stringify([configMap, secret]);
    if (fingerprint === applied) return;
    applied = fingerprint;
    configs.update("", {
      configMap: (configMap as ConfigMapLike | undefined) ?? null,
      secret: (secret as SecretLike | undefined) ?? null,
    });
  };
  return {
    controller,
    configs,
    async start() {
      await configSource.start(() => live && reloadConfig());
      reloadConfig();
      live = true;
      await controller.start();
    },
    async stop() {
      await configSource.stop();
      await controller.stop();
    },
  };
}
