/**
 * `service.telegram[.<name>]` settings: the Go engine's `TelegramOptions`, plus our `apiURL`.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded Telegram settings. */
export interface TelegramSettings {
  /** The bot token (it goes in the URL path). */
  readonly token: string;
  /** The Bot API host, `https://api.telegram.org` by default (ours: the Go engine always uses that host). */
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes Telegram settings; `token` is required. */
export const decodeTelegramSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<TelegramSettings> =
  settingsDecoder({
    type: "telegram",
    props: { token: goString, apiURL: goString },
    policy: defaultPolicy,
    build(raw, policy) {
      const token = raw.token ?? "";
      if (token === "") return { problems: [settingProblem(["token"], "the telegram service needs a token")] };
      return {
        value: { token, apiURL: (raw.apiURL || "https://api.telegram.org").replace(/\/+$/, ""), delivery: policy },
      };
    },
  });
