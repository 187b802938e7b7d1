/**
 * The `webex` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded Webex settings. */
export interface WebexSettings {
  readonly token: string;
  /** `https://webexapis.com` by default, without a trailing slash. */
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `webex` service settings. */
export const decodeWebexSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<WebexSettings> =
  settingsDecoder({
    type: "webex",
    props: { token: goString, apiURL: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const token = raw.token ?? "";
      if (token === "") return { problems: [settingProblem(["token"], "the webex service needs a token")] };
      const apiURL = raw.apiURL === undefined || raw.apiURL === ""
        ? "https://webexapis.com"
        : raw.apiURL.replace(/\/$/, "");
      return { value: { token, apiURL, delivery: policy } };
    },
  });
