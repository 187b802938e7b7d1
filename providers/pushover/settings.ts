/**
 * The `pushover` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded Pushover settings. */
export interface PushoverSettings {
  readonly token: string;
  /** The API base, `https://api.pushover.net/1` by default (ours: the Go engine always uses that host). */
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Pushover's application tokens and user keys: 30 letters and digits. */
export const pushoverKey: RegExp = /^[A-Za-z0-9]{30}$/;

/** Decodes the `pushover` service settings. */
export const decodePushoverSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<PushoverSettings> =
  settingsDecoder({
    type: "pushover",
    props: { token: goString, apiURL: goString },
    policy: defaultPolicy,
    build(raw, policy) {
      const token = raw.token ?? "";
      if (token === "") return { problems: [settingProblem(["token"], "the pushover service needs a token")] };
      if (!pushoverKey.test(token)) {
        return { problems: [settingProblem(["token"], "the pushover token must be 30 letters and digits")] };
      }
      return {
        value: { token, apiURL: (raw.apiURL || "https://api.pushover.net/1").replace(/\/+$/, ""), delivery: policy },
      };
    },
  });
