/**
 * The `matrix` service (beyond the Go engine): the message sent to the room the recipient names through the
 * client-server API (`PUT /_matrix/client/v3/rooms/<room>/send/m.room.message/<txnId>`, a bearer access token), as
 * Flux's Matrix provider sends it. The transaction id is derived from the notification, so the homeserver takes a
 * retry — after a lost answer or a crash — as the same event. The `matrix:` block's `msgtype` (`m.text` by default,
 * `m.notice` for bots) and `formattedBody` (HTML) are optional.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { Provider } from "../provider.ts";
import { jsonAnswer, rejectStatus } from "../rejection.ts";
import { matrixBlock } from "./block.ts";
import { decodeMatrixSettings, type MatrixSettings } from "./settings.ts";

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
