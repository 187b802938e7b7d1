/**
 * The `ntfy` service (beyond the Go engine): the message published to the topic the recipient names, with ntfy's
 * JSON publishing (`POST <url>/` with `topic`, `message` and the `ntfy:` block's `title`, `tags`, `priority`,
 * `click`), authenticated with an access token or a username and password. ntfy has no idempotency key: a retry after
 * a lost answer may publish twice.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import type { Provider } from "../provider.ts";
import { jsonAnswer, rejectStatus } from "../rejection.ts";
import { ntfyBlock } from "./block.ts";
import { decodeNtfySettings, type NtfySettings } from "./settings.ts";

/** The `ntfy` provider. */
export const ntfyProvider: Provider<NtfySettings> = {
  type: "ntfy",
  block: ntfyBlock,
  decodeSettings: decodeNtfySettings,
  secrets: (settings) => settings.secrets,
  prepare(n, settings) {
    const topic = n.destination.recipient;
    if (!/^[\w-]{1,64}$/.test(topic)) return E.left(invalidDelivery(`recipient "${topic}" is not an ntfy topic`));
    const block = blockOf(n.content, "ntfy");
    const tags = Array.isArray(block?.["tags"])
      ? (block!["tags"] as unknown[]).map(String).filter((t) => t !== "")
      : [];
    const priority = textOf(block, "priority");
    if (priority !== "" && !/^[1-5]$/.test(priority)) {
      return E.left(invalidDelivery(`ntfy.priority "${priority}" is not 1 to 5`));
    }
    const message = {
      topic,
      message: n.content.message,
      ...(textOf(block, "title") !== "" ? { title: textOf(block, "title") } : {}),
      ...(tags.length > 0 ? { tags } : {}),
      ...(priority !== "" ? { priority: Number(priority) } : {}),
      ...(textOf(block, "click") !== "" ? { click: textOf(block, "click") } : {}),
    };
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.url}/`,
        headers: {
          "Content-Type": "application/json",
          ...(settings.authorization !== undefined ? { Authorization: settings.authorization } : {}),
        },
        body: JSON.stringify(message),
      },
      read: (response) => {
        if (response.status !== 200) return rejectStatus(`ntfy publish to ${topic}`, response);
        const a = jsonAnswer(`ntfy publish to ${topic}`, response);
        return "_tag" in a
          ? a
          : { _tag: "Done", ...(typeof a.answer["id"] === "string" ? { messageRef: a.answer["id"] } : {}) };
      },
    });
  },
};
