/**
 * Settings of services that post to one secret webhook URL per recipient (Teams, Teams Workflows, Google Chat).
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../lib/config/mod.ts";
import { defaultPolicy } from "./delivery-policy.ts";
import { goBool, goStringMap, transportProps } from "./go-codecs.ts";
import type { DeliveryPolicy } from "./provider.ts";
import { settingProblem, settingsDecoder } from "./settings-decoder.ts";

/** Webhook URLs by recipient. */
export interface RecipientUrlSettings {
  readonly urls: Readonly<Record<string, string>>;
  /** Our extension (Google Chat): send a `messageId` so a retry cannot post twice. */
  readonly idempotent: boolean;
  readonly delivery: DeliveryPolicy;
}

/**
 * The decoder of a recipient-URL service.
 * @param type the service type
 * @param key the settings key of the map (`recipientUrls`, `webhooks`)
 * @param options whether the service reads our `idempotent` setting
 * @returns the decoder; every URL must be absolute
 */
export function recipientUrlDecoder(
  type: string,
  key: string,
  options: { readonly idempotency?: boolean } = {},
): (raw: Readonly<Record<string, unknown>>) => DecodedSettings<RecipientUrlSettings> {
  return settingsDecoder({
    type,
    props: { [key]: goStringMap, ...(options.idempotency === true ? { idempotent: goBool } : {}), ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const urls = (raw as Readonly<Record<string, unknown>>)[key] as Readonly<Record<string, string>> | undefined ??
        {};
      const problems: SettingsDiagnostic[] = [];
      for (const [recipient, url] of Object.entries(urls)) {
        try {
          new URL(url);
        } catch {
          problems.push(settingProblem([key, recipient], `the URL of recipient "${recipient}" is not an absolute URL`));
        }
      }
      return {
        problems,
        value: { urls, idempotent: (raw as { idempotent?: boolean }).idempotent ?? false, delivery: policy },
      };
    },
  });
}

/**
 * The URL of a recipient, if configured.
 * @param settings the settings
 * @param recipient the recipient
 * @returns the URL or `undefined`
 */
export function urlOf(settings: RecipientUrlSettings, recipient: string): string | undefined {
  return Object.hasOwn(settings.urls, recipient) ? settings.urls[recipient] : undefined;
}
