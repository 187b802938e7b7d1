/**
 * `service.<type>` and `service.<type>.<name>`: settings with `$key` references replaced from the Secret, then decoded
 * by the service type's own decoder (a provider of `./providers`), whose diagnostics get the key's line and column.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import { E } from "../fp.ts";
import { didYouMean } from "../suggest.ts";
import type { BlockSpec, TemplateBlocks } from "../templates/mod.ts";
import { settingsCodec } from "./_codecs.ts";
import { decoded, failed } from "./_decoded.ts";
import type { Decoded } from "./_decoded.ts";
import { reportErrors } from "./_report.ts";
import { parseYaml } from "./_yaml-position.ts";
import { redactor } from "./redact.ts";
import type { YamlValue } from "./_yaml-position.ts";
import type { ServiceConfig } from "./config.ts";
import type { YamlLimits } from "../yaml/mod.ts";
import { substituteSecrets } from "./secrets.ts";

// --- model

/**
 * A problem a service type found in its settings. `path` is where inside the settings (`["headers", 0, "name"]`);
 * the configuration decoder turns it into the line and column of the ConfigMap value. `atKey` points at the map key
 * rather than its value (an unknown field).
 */
export interface SettingsDiagnostic extends Diagnostic {
  readonly path?: readonly (string | number)[];
  readonly atKey?: boolean;
}

/** Decoded settings: the value when no diagnostic is an error, and every diagnostic (warnings included). */
export interface DecodedSettings<S> {
  readonly value: S | undefined;
  readonly diagnostics: readonly SettingsDiagnostic[];
}

/**
 * What the configuration needs of a service type: its template block and how to read its settings. Every provider
 * of `./providers` is one; the core never needs more of it.
 * @typeParam S the decoded settings
 */
export interface ServiceType<S = unknown> {
  /** The type as written after `service.`: `slack`, `teams-workflows`. */
  readonly type: string;
  /** The service's block in template documents, when it has one. */
  readonly block?: BlockSpec;
  /** Decodes the settings (secrets already substituted); never throws. */
  decodeSettings(raw: Readonly<Record<string, unknown>>): DecodedSettings<S>;
}

/** Service types by their type name; a host extends a registry by spreading it. */
export type ServiceTypes = Readonly<Record<string, ServiceType>>;

/**
 * The template blocks of a registry's service types that have one, in the registry's order: what
 * `compileTemplate` takes.
 * @param serviceTypes the registry
 * @returns the blocks by service type
 */
export function blocksOf(serviceTypes: ServiceTypes): TemplateBlocks {
  const blocks: Record<string, BlockSpec> = {};
  for (const [type, s] of Object.entries(serviceTypes)) if (s.block !== undefined) blocks[type] = s.block;
  return blocks;
}

// --- decode

/** Where the service is: its ConfigMap key, type and name, the Secret's values and the known service types. */
export interface DecodeServiceOptions {
  readonly type: string;
  readonly name: string;
  readonly secrets: ReadonlyMap<string, string>;
  readonly serviceTypes: ServiceTypes;
  /** The bounds of the YAML reading (the configuration's limits). */
  readonly limits?: YamlLimits;
}

/**
 * Decodes one service key. Settings are read as YAML 1.2 (the Go engine reads them with yaml.v3 and quotes every
 * string before the service decodes them, so `on` stays a string); an empty value is an empty map. An unknown type
 * is an error with a suggestion; the type's decoder says whether the settings suit it.
 */
export function decodeService(key: string, source: string, options: DecodeServiceOptions): Decoded<ServiceConfig> {
  const { type, name, secrets, serviceTypes, limits } = options;
  const serviceType = Object.hasOwn(serviceTypes, type) ? serviceTypes[type] : undefined;
  if (serviceType === undefined) {
    return failed(key, [
      diagnostic("InvalidKey", `the service type "${type}" is not supported`, {
        hint: didYouMean(type, Object.keys(serviceTypes)),
      }),
    ]);
  }
  const parsed = parseYaml(source, "1.2", limits);
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const yaml = parsed.right;
  const settings = settingsCodec.decode(yaml.value);
  if (E.isLeft(settings)) {
    return failed(key, [...yaml.warnings, ...reportErrors(settings.left, yaml, [], "the service configuration")]);
  }
  const substituted = substituteSecrets(settings.right, secrets, yaml);
  const raw = substituted.value as Readonly<Record<string, unknown>>;
  const typed = serviceType.decodeSettings(raw);
  const redact = redactor(secrets.values());
  const problems = typed.diagnostics.map((d) => locate(redacted(d, redact), yaml));
  return decoded(key, { name, type, settings: raw, serviceType, decoded: typed.value }, [
    ...yaml.warnings,
    ...substituted.diagnostics,
    ...problems,
  ]);
}

/** A service type's words about settings that hold secrets: every value of the Secret is redacted from them. */
function redacted(d: SettingsDiagnostic, redact: (text: string) => string): SettingsDiagnostic {
  return { ...d, message: redact(d.message), ...(d.hint !== undefined ? { hint: redact(d.hint) } : {}) };
}

/** Moves a settings diagnostic's path to the line and column of the YAML value (or key). */
function locate(d: SettingsDiagnostic, yaml: YamlValue): Diagnostic {
  const { path, atKey, ...rest } = d;
  if (path === undefined) return rest;
  const at = atKey === true ? yaml.keyAt(path) : yaml.valueAt(path);
  return diagnostic(rest._tag, rest.message, {
    severity: rest.severity,
    key: rest.key,
    line: rest.line ?? at?.line,
    column: rest.column ?? at?.column,
    hint: rest.hint,
    snippet: rest.snippet,
  });
}
