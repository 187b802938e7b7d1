/**
 * The controller's configurations: the ConfigMap and Secret beside the controller, and (self-service) the ones of
 * each namespace, each decoded as a whole when either part changes and swapped in at once, so a pass never sees half
 * an edit. A new version with errors keeps the last good one of its namespace, and every diagnostic is reported.
 * @module
 */
import {
  type Config,
  type ConfigMapLike,
  decodeConfig,
  type DecodeConfigOptions,
  type DecodedConfig,
  type Diagnostic,
  type SecretLike,
} from "../../../mod.ts";
import { liquid } from "../../liquid/mod.ts";

/** One configuration to run on a resource, and the namespace its state keys carry (self-service only). */
export interface ConfigUse {
  readonly config: Config;
  /** Set for a namespace's own configuration: the Go engine prefixes its state keys with it. */
  readonly apiNamespace?: string;
}

/** What became of a new version of a namespace's ConfigMap or Secret. */
export interface ConfigReport {
  readonly namespace: string;
  /**
   * `applied`: in use now; `kept`: it has errors, the last good one stays; `removed`: the namespace has none now;
   * `missing`: the controller's ConfigMap is absent (the last good configuration, if any, stays).
   */
  readonly outcome: "applied" | "kept" | "removed" | "missing";
  /** Every diagnostic of the new version (errors and warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@linkcode createConfigHolder}. */
export interface ConfigHolderOptions {
  /** The controller's namespace: its configuration applies to every resource. */
  readonly namespace: string;
  /** Also use each namespace's own ConfigMap and Secret for its resources (default false). */
  readonly selfService?: boolean;
  /** Decoding options (expression functions, limits, service types, template languages: Liquid unless they say). */
  readonly decode?: DecodeConfigOptions;
  /** Told of every new version and what became of it. */
  readonly onReport?: (report: ConfigReport) => void;
}

/** The configurations in force. */
export interface ConfigHolder {
  /** The configurations to run on a resource of `namespace`: the controller's, then the namespace's own. */
  configsFor(namespace: string): readonly ConfigUse[];
  /**
   * A namespace's ConfigMap or Secret changed (`null`: deleted; absent: unchanged); decodes and swaps.
   * @returns what became of it
   */
  update(
    namespace: string,
    change: { readonly configMap?: ConfigMapLike | null; readonly secret?: SecretLike | null },
  ): ConfigReport;
  /** Whether the controller's own configuration was decoded at least once. */
  ready(): boolean;
  /** Listens for swaps: the namespace whose configuration changed, and whether it is the controller's own. */
  onChange(listener: (namespace: string, controllerWide: boolean) => void): void;
  /** Redacts the values of every Secret in use. */
  redact(text: string): string;
}

interface Slot {
  configMap: ConfigMapLike | null;
  secret: SecretLike | null;
  good?: Config;
}

/**
 * Creates an empty holder; feed it with `update` from informers or files.
 *
 * @param options the controller's namespace, self-service, decoding options, reporting
 * @returns the holder
 * @example A broken edit keeps the last good configuration
 * ```ts
 * import { createConfigHolder } from "./config-holder.ts";
 * import { expect } from "expect";
 * const holder = createConfigHolder({ namespace: "ops" });
 * holder.update("ops", { configMap: { data: { "trigger.on-x": "- when: obj.x\n  send: [x]" } } });
 * const report = holder.update("ops", { configMap: { data: { "trigger.on-x": "- when: obj.x ==\n  send: [x]" } } });
 * expect(report.outcome).toBe("kept");
 * expect([...holder.configsFor("ops")[0]!.config.triggers.keys()]).toEqual(["on-x"]);
 * ```
 */
export function createConfigHolder(options: ConfigHolderOptions): ConfigHolder {
  const slots = new Map<string, Slot>();
  const listeners: ((namespace: string, controllerWide: boolean) => void)[] = [];
  const decode = (cm: ConfigMapLike, secret: SecretLike | null): DecodedConfig =>
    decodeConfig(cm, secret ?? undefined, { languages: { liquid }, ...options.decode });
  const report = (r: ConfigReport): ConfigReport => {
    options.onReport?.(r);
    if (r.outcome === "applied" || r.outcome === "removed") {
      for (const l of listeners) l(r.namespace, r.namespace === options.namespace);
    }
    return r;
  };
  return {
    configsFor(namespace) {
      const main = slots.get(options.namespace)?.good;
      const uses: ConfigUse[] = main === undefined ? [] : [{ config: main }];
      if (options.selfService === true && namespace !== options.namespace) {
        const own = slots.get(namespace)?.good;
        if (own !== undefined) uses.push({ config: own, apiNamespace: namespace });
      }
      return uses;
    },
    update(namespace, change) {
      if (namespace !== options.namespace && options.selfService !== true) {
        return { namespace, outcome: "missing", diagnostics: [] };
      }
      const slot = slots.get(namespace) ?? { configMap: null, secret: null };
      slots.set(namespace, slot);
      if (change.configMap !== undefined) slot.configMap = change.configMap;
      if (change.secret !== undefined) slot.secret = change.secret;
      if (slot.configMap === null) {
        if (namespace === options.namespace) return report({ namespace, outcome: "missing", diagnostics: [] });
        if (slot.good === undefined) return { namespace, outcome: "missing", diagnostics: [] };
        delete slot.good;
        return report({ namespace, outcome: "removed", diagnostics: [] });
      }
      const { config, diagnostics } = decode(slot.configMap, slot.secret);
      if (slot.good !== undefined && diagnostics.some((d) => d.severity === "error")) {
        return report({ namespace, outcome: "kept", diagnostics });
      }
      slot.good = config;
      return report({ namespace, outcome: "applied", diagnostics });
    },
    ready: () => slots.get(options.namespace)?.good !== undefined,
    onChange: (listener) => void listeners.push(listener),
    redact(text) {
      let out = text;
      for (const slot of slots.values()) if (slot.good !== undefined) out = slot.good.redact(out);
      return out;
    },
  };
}
