/**
 * The `discord` service (beyond the Go engine): the message to the recipient's channel webhook
 * (`webhooks: {recipient: url}`), with the `discord:` block's `username`, `avatarURL` and `embeds`, as Discord's
 * execute-webhook API takes it (`?wait=true`, so the answer names the message). Discord webhooks have no
 * idempotency key: a retry after a lost answer may post twice.
 * @module
 */
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { E, type Either } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, jsonOf, textOf } from "../content.ts";
import type { Delivery, Outgoing, Provider } from "../provider.ts";
import { type RecipientUrlSettings, urlOf } from "../recipient-urls.ts";
import { jsonAnswer, rejectStatus } from "../rejection.ts";
import { discordBlock } from "./block.ts";
import { decodeDiscordSettings } from "./settings.ts";

function prepare(n: Outgoing, settings: RecipientUrlSettings): Either<Diagnostic, Delivery> {
  const r = n.destination.recipient;
  const url = urlOf(settings, r);
  if (url === undefined) return E.left(invalidDelivery(`no discord webhook configured for recipient ${r}`));
  const block = blockOf(n.content, "discord");
  const embeds = jsonOf(block, "embeds", "discord.embeds");
  if (embeds._tag === "Left") return embeds;
  const message = {
    ...(n.content.message !== "" ? { content: n.content.message } : {}),
    ...(textOf(block, "username") !== "" ? { username: textOf(block, "username") } : {}),
    ...(textOf(block, "avatarURL") !== "" ? { avatar_url: textOf(block, "avatarURL") } : {}),
    ...(Array.isArray(embeds.right) && embeds.right.length > 0 ? { embeds: embeds.right } : {}),
  };
  const target = `${url}${url.includes("?") ? "&" : "?"}wait=true`;
  return E.right({
    kind: "http",
    request: {
      method: "POST",
      url: target,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(message),
    },
    read: (response) => {
      if (response.status < 200 || response.status > 299) return rejectStatus(`discord webhook of ${r}`, response);
      const a = jsonAnswer(`discord webhook of ${r}`, response);
      return "_tag" in a
        ? { _tag: "Done" }
        : { _tag: "Done", ...(typeof a.answer["id"] === "string" ? { messageRef: a.answer["id"] } : {}) };
    },
  });
}

/** The `discord` provider. */
export const discordProvider: Provider<RecipientUrlSettings> = {
  type: "discord",
  block: discordBlock,
  decodeSettings: decodeDiscordSettings,
  secrets: (settings) => Object.values(settings.urls),
  prepare,
};
