/**
 * `service.<type>` and `service.<type>.<name>`: settings with `$key` references replaced from the Secret.
 * @module
 */
import { E } from "../fp.ts";
import { settingsCodec } from "./_codecs.ts";
import { decoded, failed } from "./_decoded.ts";
import type { Decoded } from "./_decoded.ts";
import { reportErrors } from "./_report.ts";
import { parseYaml } from "./_yaml-position.ts";
import type { ServiceConfig } from "./config.ts";
import type { YamlLimits } from "./read-yaml.ts";
import { substituteSecrets } from "./secrets.ts";

/**
 * Decodes one service key. Settings are read as YAML 1.2 (the Go engine reads them with yaml.v3 and quotes every
 * string before the service decodes them, so `on` stays a string); an empty value is an empty map. Whether the
 * settings suit the service type is for the provider to say.
 */
export function decodeService(
  key: string,
  type: string,
  name: string,
  source: string,
  secrets: ReadonlyMap<string, string>,
  limits?: YamlLimits,
): Decoded<ServiceConfig> {
  const parsed = parseYaml(source, "1.2", limits);
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const yaml = parsed.right;
  const settings = settingsCodec.decode(yaml.value);
  if (E.isLeft(settings)) return failed(key, [...yaml.warnings, ...reportErrors(settings.left, yaml, [], "the service configuration")]);
  const substituted = substituteSecrets(settings.right, secrets, yaml);
  return decoded(key, {
    name,
    type,
    settings: substituted.value as Readonly<Record<string, unknown>>,
  }, [...yaml.warnings, ...substituted.diagnostics]);
}
