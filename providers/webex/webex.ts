/**
 * The `webex` service: `POST <apiURL>/v1/messages` with a bearer token and the message as markdown, to a person
 * (a recipient that looks like an e-mail address) or a room, as the Go engine sends it. Only 200 is success.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { goMarshal } from "../go-json.ts";
import type { Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { decodeWebexSettings, type WebexSettings } from "./settings.ts";

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
