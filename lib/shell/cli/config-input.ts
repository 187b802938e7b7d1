/**
 * Where a CLI verb's configuration and resource come from: files, `-` (standard input), or a cluster
 * (`--kubeconfig`).
 * @module
 */
import { parseAllDocuments } from "yaml";
import type { Config, DecodedConfig } from "../../config/mod.ts";
import { redactor } from "../../config/mod.ts";
import { memberRoots } from "../../expr/mod.ts";
import { decodeConfig } from "../../../mod.ts";
import { liquid } from "../../liquid/mod.ts";
import type { CliIO } from "./cli-io.ts";
import { parseResourceRef, readClusterConfig, readClusterResource } from "./kube-source.ts";
import { outputFormat } from "./output.ts";
import { serviceSecrets } from "./prepare-request.ts";

/** The flags that say where things come from. */
export interface SourceFlags {
  readonly "config-map"?: string | undefined;
  readonly secret?: string | undefined;
  readonly kubeconfig?: string | undefined;
  readonly namespace?: string | undefined;
  readonly "config-map-name"?: string | undefined;
  readonly "secret-name"?: string | undefined;
}

/** A decoded configuration and where it came from. */
export interface LoadedConfig extends DecodedConfig {
  /** The ConfigMap's file, `-`, or `cluster:<namespace>/<name>`. */
  readonly origin: string;
  /** The ConfigMap's text, when it was read from a file or standard input (for line numbers). */
  readonly text?: string;
  /** The ConfigMap's keys as read. */
  readonly data: Readonly<Record<string, string>>;
  /** Redacts every value of the Secret and every secret of the services' settings. */
  readonly redact: (text: string) => string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a file, or standard input for `-`.
 * @param path the file, relative to the working directory, or `-`
 * @param io the CLI's capabilities
 * @returns the text
 */
export async function readInput(path: string, io: CliIO): Promise<string> {
  return path === "-" ? await io.readStdin() : await io.readFile(path);
}

/**
 * Reads one YAML manifest; with `kind`, the document of that kind among several.
 * @param text the YAML text
 * @param options what it is (for messages) and the kind to pick
 * @returns the manifest, or why not
 */
export function readManifest(
  text: string,
  options: { readonly what: string; readonly kind?: string },
): Record<string, unknown> | string {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const bad = list.flatMap((d) => d.errors);
  if (bad.length > 0 || !Array.isArray(docs)) {
    return `${options.what} is not valid YAML: ${bad[0]?.message.split("\n")[0] ?? "not a YAML stream"}`;
  }
  const values = list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown).filter(isRecord);
  const byKind = options.kind === undefined ? [] : values.filter((v) => v["kind"] === options.kind);
  const picked = byKind.length === 1 ? byKind[0] : values.length === 1 ? values[0] : undefined;
  if (picked === undefined) {
    return `${options.what} must hold one ${options.kind ?? "YAML map"}; it holds ${values.length} map(s)`;
  }
  return picked;
}

function redactorFor(config: Config): (text: string) => string {
  const services = redactor([...config.services.values()].flatMap(serviceSecrets));
  return (text) => services(config.redact(text));
}

/**
 * Reads and decodes the configuration.
 * @param flags where it comes from
 * @param io the CLI's capabilities
 * @param options `console: true` adds a `service.console` when the ConfigMap has none (for `template notify`)
 * @returns the decoded configuration, or why it could not be read
 */
export async function loadConfig(
  flags: SourceFlags,
  io: CliIO,
  options: { readonly console?: boolean } = {},
): Promise<LoadedConfig | string> {
  let configMap: { data?: unknown };
  let secret: { data?: unknown; stringData?: unknown } | undefined;
  let origin: string;
  let text: string | undefined;
  try {
    if (flags["config-map"] !== undefined) {
      origin = flags["config-map"];
      if (origin === "-" && flags.secret === "-") {
        return "only one of --config-map and --secret may be - (standard input)";
      }
      text = await readInput(origin, io);
      const cm = readManifest(text, { what: `the ConfigMap ${origin}`, kind: "ConfigMap" });
      if (typeof cm === "string") return cm;
      configMap = cm;
      if (flags.secret !== undefined && flags.secret !== ":empty") {
        const s = readManifest(await readInput(flags.secret, io), {
          what: `the Secret ${flags.secret}`,
          kind: "Secret",
        });
        if (typeof s === "string") return s;
        secret = s;
      }
    } else if (flags.kubeconfig !== undefined) {
      const names = {
        configMap: flags["config-map-name"] ?? "argocd-notifications-cm",
        secret: flags["secret-name"] ?? "argocd-notifications-secret",
      };
      const read = await readClusterConfig({ kubeconfig: flags.kubeconfig, namespace: flags.namespace }, names);
      if (typeof read === "string") return read;
      configMap = read.configMap;
      secret = read.secret;
      origin = `cluster:${names.configMap}`;
    } else {
      return "say where the configuration is: --config-map <file|-> (and --secret <file|->), or --kubeconfig <file>";
    }
  } catch (e) {
    return `cannot read the configuration: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (!isRecord(configMap.data) && configMap.data !== undefined) return `the ConfigMap ${origin}: data must be a map`;
  const data = { ...(configMap.data as Record<string, string> | undefined) };
  if (options.console === true && data["service.console"] === undefined) data["service.console"] = "";
  const decoded = decodeConfig({ data }, secret as Parameters<typeof decodeConfig>[1], { languages: { liquid } });
  return { ...decoded, origin, ...(text !== undefined ? { text } : {}), data, redact: redactorFor(decoded.config) };
}

/**
 * Reads the resource argument: a file, `-`, or with `--kubeconfig` `[apiVersion/]Kind/name`.
 * @param arg the argument
 * @param flags where things come from
 * @param io the CLI's capabilities
 * @returns the resource, or why it could not be read
 */
export async function loadResource(
  arg: string,
  flags: SourceFlags,
  io: CliIO,
): Promise<Record<string, unknown> | string> {
  if (arg === "-" && flags["config-map"] === "-") {
    return "the configuration and the resource cannot both come from standard input";
  }
  if (flags.kubeconfig !== undefined && arg !== "-" && !/\.(ya?ml|json)$/.test(arg)) {
    const ref = parseResourceRef(arg);
    if (typeof ref === "string") return ref;
    return await readClusterResource({ kubeconfig: flags.kubeconfig, namespace: flags.namespace }, ref);
  }
  let text: string;
  try {
    text = await readInput(arg, io);
  } catch (e) {
    return `cannot read the resource ${arg}: ${e instanceof Error ? e.message : String(e)}`;
  }
  return readManifest(text, { what: `the resource ${arg}` });
}

/**
 * The variable name of a resource in conditions and templates: `--as`, else `app` for an Argo CD Application,
 * `rollout` for an Argo Rollouts Rollout, else the one name the configuration's conditions read members of that is
 * not a variable the engine provides (`cert` for the cert-manager example), else `obj`.
 * @param resource the resource
 * @param as the `--as` flag
 * @param config the configuration whose conditions name the resource
 * @returns the name
 */
export function resourceNameOf(
  resource: Readonly<Record<string, unknown>>,
  as: string | undefined,
  config?: Pick<Config, "triggers">,
): string {
  if (as !== undefined) return as;
  if (resource["kind"] === "Application") return "app";
  if (resource["kind"] === "Rollout") return "rollout";
  const named = config === undefined ? new Set<string>() : rootsReadByConditions(config);
  return named.size === 1 ? [...named][0]! : "obj";
}

/** Variables the engine or the Argo CD preset provides, never the resource's name. */
const providedNames = new Set(["time", "strings", "context", "serviceType", "recipient", "env"]);

/** The names whose members the conditions read (`cert` of `cert.status`), but the provided ones. */
function rootsReadByConditions(config: Pick<Config, "triggers">): Set<string> {
  const names = new Set<string>();
  for (const trigger of config.triggers.values()) {
    for (const c of trigger.conditions) {
      for (const source of [c.when, c.oncePer ?? ""]) {
        for (const name of memberRoots(source)) if (!providedNames.has(name)) names.add(name);
      }
    }
  }
  return names;
}

/**
 * What every configuration verb does first: reads `--output` (text, json or yaml) and loads the configuration,
 * reporting a problem on standard error.
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @param options the verb (for messages) and whether to add a `console` service
 * @returns the configuration and the format, or the exit code (2) after reporting the problem
 */
export async function startVerb(
  flags: SourceFlags & { readonly output?: string | undefined },
  io: CliIO,
  options: { readonly verb: string; readonly console?: boolean },
): Promise<{ readonly loaded: LoadedConfig; readonly format: "text" | "json" | "yaml" } | number> {
  const format = outputFormat(flags.output, ["text", "json", "yaml"]);
  if (format !== "text" && format !== "json" && format !== "yaml") {
    io.stderr(`${options.verb}: ${format}\n`);
    return 2;
  }
  const loaded = await loadConfig(flags, io, { console: options.console === true });
  if (typeof loaded === "string") {
    io.stderr(`${options.verb}: ${loaded}\n`);
    return 2;
  }
  return { loaded, format };
}
