/**
 * The `nats` service: the message published to the subject named by the recipient, with the configured headers, as
 * the Go engine publishes it (nats.go): `url` (one server or a comma-separated list, `nats://127.0.0.1:4222` by
 * default), `username` and `password` (used only when both are set), or an NKey `nkey` seed. `prepare` builds the
 * message as data; `deliver.ts` publishes it with the `nats` client.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { invalidDelivery } from "../content.ts";
import type { Provider } from "../provider.ts";
import { decodeNatsSettings, type NatsSettings } from "./settings.ts";

/** The `nats` provider. */
export const natsProvider: Provider<NatsSettings> = {
  type: "nats",
  decodeSettings: decodeNatsSettings,
  secrets: (settings) => [settings.password, settings.nkey],
  prepare(n, settings) {
    const subject = n.destination.recipient;
    if (subject === "" || /[\s]/.test(subject)) {
      return E.left(invalidDelivery(`recipient "${subject}" is not a NATS subject`));
    }
    const auth = settings.nkey !== ""
      ? { auth: { nkeySeed: settings.nkey } }
      : settings.username !== "" && settings.password !== ""
      ? { auth: { user: settings.username, pass: settings.password } }
      : {};
    return E.right({
      kind: "nats",
      servers: settings.servers,
      ...auth,
      subject,
      data: n.content.message,
      headers: settings.headers,
    });
  },
};
