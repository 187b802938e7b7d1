/**
 * The `pagerduty` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { baseUrl } from "../api-url.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `PagerDutyOptions` (`serviceId` is read and unused, as in Go). */
export interface PagerDutySettings {
  readonly token: string;
  readonly from: string;
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `pagerduty` service settings. */
export const decodePagerdutySettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<PagerDutySettings> =
  settingsDecoder({
    type: "pagerduty",
    props: { token: goString, from: goString, serviceId: goString, apiURL: goString },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      if ((raw.token ?? "") === "") problems.push(settingProblem(["token"], "the pagerduty service needs a token"));
      const apiURL = baseUrl(raw.apiURL, "https://api.pagerduty.com", "apiURL", problems);
      return { problems, value: { token: raw.token ?? "", from: raw.from ?? "", apiURL, delivery: policy } };
    },
  });
