/**
 * The `webex` service: `POST <apiURL>/v1/messages` with a bearer token and the message as markdown, to a person
 * (a recipient that looks like an e-mail address) or a room, as the Go engine sends it. Only 200 is success.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { E } from "../../lib/fp.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import { goMarshal } from "../go-json.ts";
import type { DeliveryPolicy, Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
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

/** The `webex` provider. */
export const webexProvider: Provider<WebexSettings> = {
  type: "webex",
  decodeSettings: decodeWebexSettings,
  secrets: (settings) => [settings.token],
  prepare(n, settings) {
    const r = n.destination.recipient;
    const message = {
      ...(r !== "" && /^\S+@\S+\.\S+$/.test(r) ? { toPersonEmail: r } : r === "" ? {} : { roomId: r }),
      ...(n.content.message === "" ? {} : { markdown: n.content.message }),
    };
    const url = `${settings.apiURL}/v1/messages`;
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${settings.token}` },
        body: goMarshal(message),
      },
      read: (response) => response.status === 200 ? { _tag: "Done" } : rejectStatus(`webex POST ${url}`, response),
    });
  },
};
