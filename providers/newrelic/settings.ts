/**
 * The `newrelic` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { baseUrl } from "../api-url.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `NewrelicOptions`. */
export interface NewrelicSettings {
  readonly apiKey: string;
  /** `https://api.newrelic.com` by default, without a trailing slash. */
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `newrelic` service settings. */
export const decodeNewrelicSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<NewrelicSettings> =
  settingsDecoder({
    type: "newrelic",
    props: { apiKey: goString, apiURL: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const apiURL = baseUrl(raw.apiURL, "https://api.newrelic.com", "apiURL", problems);
      return { problems, value: { apiKey: raw.apiKey ?? "", apiURL, delivery: policy } };
    },
  });
