/**
 * `service.slack[.<name>]` settings, as the Go engine's `SlackOptions`.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goBool, goList, goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import type { SettingsDiagnostic } from "../../lib/config/mod.ts";

/** Decoded Slack settings. */
export interface SlackSettings {
  /** The bot token, sent as the `token` form field. */
  readonly token: string;
  /** The Web API base, ending in `/` (method names are appended). */
  readonly apiURL: string;
  readonly username: string;
  readonly icon: string;
  readonly disableUnfurl: boolean;
  /** Not used to send; kept for hosts that verify Slack's requests (Argo CD's bot). */
  readonly signingSecret: string;
  readonly channels: readonly string[];
  readonly insecureSkipVerify: boolean;
  readonly delivery: DeliveryPolicy;
}

const props = {
  token: goString,
  apiURL: goString,
  username: goString,
  icon: goString,
  disableUnfurl: goBool,
  signingSecret: goString,
  channels: goList(goString, "a list of channel names"),
  ...transportProps,
};

/**
 * Slack's `chat.postMessage` allows about one message per second per channel, with short bursts: the default rate
 * limit of a Slack service is one request per second with a burst of 20, so a burst of notifications waits instead
 * of being answered with 429.
 */
const slackPolicy: DeliveryPolicy = { ...defaultPolicy, rate: { perSecond: 1, burst: 20 } };

/** Decodes Slack settings; `token` is required. */
export const decodeSlackSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<SlackSettings> =
  settingsDecoder({
    type: "slack",
    props,
    policy: slackPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const token = raw.token ?? "";
      if (token === "") problems.push(settingProblem(["token"], "the slack service needs a token"));
      let apiURL = raw.apiURL ?? "";
      if (apiURL === "") apiURL = "https://slack.com/api/";
      else if (!apiURL.endsWith("/")) {
        problems.push(
          settingProblem(["apiURL"], `"apiURL" should end with "/" (method names are appended to it); "/" is added`, {
            severity: "warning",
          }),
        );
        apiURL += "/";
      }
      return {
        problems,
        value: {
          token,
          apiURL,
          username: raw.username ?? "",
          icon: raw.icon ?? "",
          disableUnfurl: raw.disableUnfurl ?? false,
          signingSecret: raw.signingSecret ?? "",
          channels: raw.channels ?? [],
          insecureSkipVerify: raw.insecureSkipVerify ?? false,
          delivery: policy,
        },
      };
    },
  });
