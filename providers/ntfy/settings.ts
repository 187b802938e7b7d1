/**
 * The `ntfy` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { baseUrl } from "../api-url.ts";
import { basic } from "../commit-status-settings.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingsDecoder } from "../settings-decoder.ts";

/** Decoded ntfy settings. */
export interface NtfySettings {
  readonly url: string;
  readonly authorization?: string;
  readonly secrets: readonly string[];
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `ntfy` service settings. */
export const decodeNtfySettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<NtfySettings> =
  settingsDecoder({
    type: "ntfy",
    props: { url: goString, token: goString, username: goString, password: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const url = baseUrl(raw.url, "https://ntfy.sh", "url", problems);
      const authorization = (raw.token ?? "") !== ""
        ? `Bearer ${raw.token}`
        : (raw.username ?? "") !== ""
        ? basic(raw.username!, raw.password ?? "")
        : undefined;
      return {
        problems,
        value: {
          url,
          ...(authorization !== undefined ? { authorization } : {}),
          secrets: [raw.token ?? "", raw.password ?? "", authorization ?? ""],
          delivery: policy,
        },
      };
    },
  });
