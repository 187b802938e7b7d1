/**
 * The `mattermost` service: `POST <apiURL>/api/v4/posts` with a bearer token, the message and the template's
 * attachments (always a list), as the Go engine sends it (a Go map, so keys sorted).
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, jsonOf } from "../content.ts";
import { goMarshal, sortKeys } from "../go-json.ts";
import type { Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { mattermostBlock } from "./block.ts";
import { decodeMattermostSettings, type MattermostSettings } from "./settings.ts";

/** The id of the created post, when the answer names one. */
function idOf(body: string): string | undefined {
  try {
    const post = JSON.parse(body) as { readonly id?: unknown };
    return typeof post.id === "string" && post.id !== "" ? post.id : undefined;
  } catch {
    return undefined;
  }
}

/** The `mattermost` provider. */
export const mattermostProvider: Provider<MattermostSettings> = {
  type: "mattermost",
  block: mattermostBlock,
  decodeSettings: decodeMattermostSettings,
  secrets: (settings) => [settings.token],
  prepare(n, settings) {
    const attachments = jsonOf(blockOf(n.content, "mattermost"), "attachments", "mattermost.attachments");
    if (attachments._tag === "Left") return attachments;
    const list = attachments.right ?? [];
    if (!Array.isArray(list)) return E.left(invalidDelivery("mattermost.attachments must be a JSON list"));
    const body = { channel_id: n.destination.recipient, message: n.content.message, props: { attachments: list } };
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.apiURL}/api/v4/posts`,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${settings.token}` },
        body: goMarshal(sortKeys(body)),
      },
      read: (response) => {
        if (response.status < 200 || response.status > 299) {
          return rejectStatus("mattermost POST /api/v4/posts", response);
        }
        const id = idOf(response.body);
        return id === undefined ? { _tag: "Done" } : { _tag: "Done", messageRef: id };
      },
    });
  },
};
