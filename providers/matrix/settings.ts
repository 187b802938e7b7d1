/**
 * The `matrix` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { baseUrl } from "../api-url.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded Matrix settings. */
export interface MatrixSettings {
  /** The homeserver, without a trailing slash. */
  readonly url: string;
  readonly token: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `matrix` service settings. */
export const decodeMatrixSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<MatrixSettings> =
  settingsDecoder({
    type: "matrix",
    props: { url: goString, token: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      if ((raw.url ?? "") === "") {
        problems.push(settingProblem(["url"], "the matrix service needs url (the homeserver)"));
      }
      if ((raw.token ?? "") === "") problems.push(settingProblem(["token"], "the matrix service needs a token"));
      return {
        problems,
        value: { url: baseUrl(raw.url, "https://invalid", "url", problems), token: raw.token ?? "", delivery: policy },
      };
    },
  });
