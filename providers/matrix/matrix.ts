/**
 * The `matrix` service (beyond the Go engine): the message sent to the room the recipient names through the
 * client-server API (`PUT /_matrix/client/v3/rooms/<room>/send/m.room.message/<txnId>`, a bearer access token), as
 * Flux's Matrix provider sends it. The transaction id is derived from the notification, so the homeserver takes a
 * retry — after a lost answer or a crash — as the same event. The `matrix:` block's `msgtype` (`m.text` by default,
 * `m.notice` for bots) and `formattedBody` (HTML) are optional.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import type { BlockSpec } from "../../lib/templates/mod.ts";
import { E } from "../../lib/fp.ts";
import { baseUrl } from "../api-url.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { textOmitEmpty } from "../fields.ts";
import { goString, transportProps } from "../go-codecs.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { DeliveryPolicy, Provider } from "../provider.ts";
import { jsonAnswer, rejectStatus } from "../rejection.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** The `matrix:` block. */
export const matrixBlock: BlockSpec = {
  merge: "merge",
  fields: { msgtype: textOmitEmpty, formattedBody: textOmitEmpty },
};

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

/** The `matrix` provider. */
export const matrixProvider: Provider<MatrixSettings> = {
  type: "matrix",
  block: matrixBlock,
  decodeSettings: decodeMatrixSettings,
  secrets: (settings) => [settings.token],
  prepare(n, settings, options) {
    const room = n.destination.recipient;
    if (!/^[!#][^:\s]+:\S+$/.test(room)) {
      return E.left(
        invalidDelivery(`recipient "${room}" is not a Matrix room id (!id:server) or alias (#name:server)`),
      );
    }
    const block = blockOf(n.content, "matrix");
    const formatted = textOf(block, "formattedBody");
    const event = {
      msgtype: textOf(block, "msgtype") || "m.text",
      body: n.content.message,
      ...(formatted !== "" ? { format: "org.matrix.custom.html", formatted_body: formatted } : {}),
    };
    const txn = idempotencyToken(options.idempotencyKey ?? `${options.now}`, [n.destination.service, room]);
    const url = `${settings.url}/_matrix/client/v3/rooms/${encodeURIComponent(room)}/send/m.room.message/${txn}`;
    return E.right({
      kind: "http",
      request: {
        method: "PUT",
        url,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${settings.token}` },
        body: JSON.stringify(event),
      },
      read: (response) => {
        if (response.status !== 200) return rejectStatus(`matrix send to ${room}`, response);
        const a = jsonAnswer(`matrix send to ${room}`, response);
        if ("_tag" in a) return a;
        return {
          _tag: "Done",
          ...(typeof a.answer["event_id"] === "string" ? { messageRef: a.answer["event_id"] } : {}),
        };
      },
    });
  },
};
