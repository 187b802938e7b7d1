/**
 * The `opsgenie` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, goStringMap, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `OpsgenieOptions`. */
export interface OpsgenieSettings {
  /** The alerts endpoint. */
  readonly alertsURL: string;
  readonly apiKeys: Readonly<Record<string, string>>;
  readonly delivery: DeliveryPolicy;
}

/** The SDK's retrying client: up to 5 attempts, 1 s to 30 s apart. */
const opsgeniePolicy: DeliveryPolicy = { ...defaultPolicy, maxAttempts: 5, retryWaitMaxMs: 30_000 };

/** Decodes the `opsgenie` service settings. */
export const decodeOpsgenieSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<OpsgenieSettings> =
  settingsDecoder({
    type: "opsgenie",
    props: { apiUrl: goString, apiKeys: goStringMap, ...transportProps },
    policy: opsgeniePolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const host = raw.apiUrl || "api.opsgenie.com";
      const base = /^https?:\/\//.test(host)
        ? host.replace(/\/+$/, "")
        : `${host.includes("api") ? "https" : "http"}://${host}`;
      try {
        new URL(base);
      } catch {
        problems.push(settingProblem(["apiUrl"], `"apiUrl" is not a host name (such as api.eu.opsgenie.com)`));
      }
      const apiKeys = raw.apiKeys ?? {};
      for (const [r, k] of Object.entries(apiKeys)) {
        if (k === "") problems.push(settingProblem(["apiKeys", r], `the API key of recipient "${r}" is empty`));
      }
      return { problems, value: { alertsURL: `${base}/v2/alerts`, apiKeys, delivery: policy } };
    },
  });
