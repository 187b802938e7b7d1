/**
 * Feeds a config holder from the cluster: the controller's ConfigMap and Secret are watched, and (self-service) the
 * ConfigMap and Secret of the same names in every namespace; each change rebuilds that namespace's configuration.
 * @module
 */
import type { ConfigHolder } from "../controller/config-holder.ts";
import type { KubeClient, KubeFailure, RawInformer } from "./_client.ts";

/** A `namespace/name`. */
export interface NamespacedName {
  readonly namespace: string;
  readonly name: string;
}

/** Options of {@linkcode watchConfig}. */
export interface WatchConfigOptions {
  readonly configMap: NamespacedName;
  /** The Secret (none: service settings get no `$key` substitution). */
  readonly secret?: NamespacedName;
  /** Also watch the ConfigMap and Secret of the same names in every namespace (default false). */
  readonly selfService?: boolean;
  readonly onError?: (failure: KubeFailure, retryInMs: number) => void;
}

/** The running watches. */
export interface ConfigWatch {
  /** Resolves once the ConfigMap and Secret were listed (present or not). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether both watches are connected. */
  healthy(): boolean;
}

/**
 * Watches the configuration and keeps `holder` up to date. The Secret is listed first, so the first configuration is
 * decoded with it.
 * @param client the API server
 * @param holder what to feed
 * @param options which ConfigMap and Secret, self-service
 * @returns the watches
 */
export function watchConfig(
  client: KubeClient,
  holder: Pick<ConfigHolder, "update">,
  options: WatchConfigOptions,
): ConfigWatch {
  const main = options.configMap.namespace;
  const selfService = options.selfService === true;
  const slotOf = (o: Record<string, unknown>, own: NamespacedName): string | undefined => {
    const ns = (o["metadata"] as { namespace?: string } | undefined)?.namespace ?? "";
    if (ns === own.namespace) return main;
    return selfService ? ns : undefined;
  };
  const watchOne = (
    resource: "configmaps" | "secrets",
    own: NamespacedName,
    field: "configMap" | "secret",
  ): RawInformer => {
    const path = selfService ? `/api/v1/${resource}` : `/api/v1/namespaces/${own.namespace}/${resource}`;
    const set = (value: Record<string, unknown> | null) => (o: Record<string, unknown>): void => {
      const slot = slotOf(o, own);
      if (slot !== undefined) holder.update(slot, { [field]: value === null ? null : o });
    };
    return client.informer(path, {
      add: set({}),
      update: set({}),
      delete: set(null),
      ...(options.onError !== undefined ? { error: options.onError } : {}),
    }, { fieldSelector: `metadata.name=${own.name}` });
  };
  const informers: RawInformer[] = [];
  let stopped = false;
  return {
    async start() {
      stopped = false;
      if (options.secret !== undefined) {
        const secrets = watchOne("secrets", options.secret, "secret");
        informers.push(secrets);
        await secrets.start();
        if (stopped) return;
      }
      const configMaps = watchOne("configmaps", options.configMap, "configMap");
      informers.push(configMaps);
      await configMaps.start();
    },
    async stop() {
      stopped = true;
      await Promise.all(informers.map((i) => i.stop()));
    },
    healthy: () => informers.every((i) => i.healthy()),
  };
}
