/**
 * The `pagerdutyv2` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { baseUrl } from "../api-url.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, goStringMap } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `PagerDutyV2Options`. */
export interface PagerDutyV2Settings {
  /** Routing keys by recipient. */
  readonly serviceKeys: Readonly<Record<string, string>>;
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `pagerdutyv2` service settings. */
export const decodePagerdutyv2Settings: (
  raw: Readonly<Record<string, unknown>>,
) => DecodedSettings<PagerDutyV2Settings> = settingsDecoder({
  type: "pagerdutyv2",
  props: { serviceKeys: goStringMap, apiURL: goString },
  policy: defaultPolicy,
  build(raw, policy) {
    const problems: SettingsDiagnostic[] = [];
    const apiURL = baseUrl(raw.apiURL, "https://events.pagerduty.com", "apiURL", problems);
    return { problems, value: { serviceKeys: raw.serviceKeys ?? {}, apiURL, delivery: policy } };
  },
});
