/**
 * The `pushover` service: `POST https://api.pushover.net/1/messages.json`, form-encoded, as the Go engine sends it
 * (gregdel/pushover), after the same checks: a 30-character token and user key, a message of 1 to 1024 characters.
 * Success is `status: 1` in the answer. Unlike the Go client, a success without the `X-Limit-App-*` headers is a
 * success (the Go client calls it an error after the message was sent, so a retry sends it twice).
 * @module
 */
import { E } from "../../lib/fp.ts";
import { invalidDelivery } from "../content.ts";
import { encodeForm } from "../form.ts";
import type { Provider } from "../provider.ts";
import { excerpt, isRetryableStatus, jsonAnswer } from "../rejection.ts";
import { decodePushoverSettings, pushoverKey, type PushoverSettings } from "./settings.ts";

/** The `pushover` provider. */
export const pushoverProvider: Provider<PushoverSettings> = {
  type: "pushover",
  decodeSettings: decodePushoverSettings,
  secrets: (settings) => [settings.token],
  prepare(n, settings) {
    const user = n.destination.recipient;
    const message = n.content.message;
    if (user === "") return E.left(invalidDelivery("pushover: empty recipient token"));
    if (!pushoverKey.test(user)) {
      return E.left(invalidDelivery("pushover: invalid recipient token (30 letters and digits)"));
    }
    if (message === "") return E.left(invalidDelivery("pushover: message empty"));
    if ([...message].length > 1024) {
      return E.left(invalidDelivery("pushover: message too long (more than 1024 characters)"));
    }
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.apiURL}/messages.json`,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: encodeForm({ message, priority: "0", token: settings.token, user }),
      },
      read: (response) => {
        if (response.status >= 500) {
          return { _tag: "Rejected", retryable: true, cause: `pushover answered status ${response.status}` };
        }
        const read = jsonAnswer("pushover POST /messages.json", response);
        if ("_tag" in read) return read;
        const { status, request, errors: list } = read.answer;
        if (status === 1) return typeof request === "string" ? { _tag: "Done", messageRef: request } : { _tag: "Done" };
        const errors = Array.isArray(list) ? list.join("; ") : excerpt(response.body);
        return { _tag: "Rejected", retryable: isRetryableStatus(response.status), cause: `pushover: ${errors}` };
      },
    });
  },
};
