/**
 * `service.mattermost[.<name>]` settings, as the Go engine's `MattermostOptions`.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded Mattermost settings. */
export interface MattermostSettings {
  /** The server, e.g. `https://mattermost.example.com` (`/api/v4/posts` is appended). */
  readonly apiURL: string;
  readonly token: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes Mattermost settings; `apiURL` and `token` are required. */
export const decodeMattermostSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<MattermostSettings> =
  settingsDecoder({
    type: "mattermost",
    props: { apiURL: goString, token: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      if ((raw.apiURL ?? "") === "") {
        problems.push(settingProblem(["apiURL"], "the mattermost service needs an apiURL"));
      }
      if ((raw.token ?? "") === "") problems.push(settingProblem(["token"], "the mattermost service needs a token"));
      return { problems, value: { apiURL: raw.apiURL ?? "", token: raw.token ?? "", delivery: policy } };
    },
  });
