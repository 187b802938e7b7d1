/**
 * The `slack` service: `chat.postMessage` and `chat.update` of the Web API, form-encoded, as the Go engine sends
 * them (slack-go): the message as `text`, the template's `username` and `icon` over the settings', `attachments`
 * and `blocks` from the `slack:` block, and threads by `groupingKey` under the `deliveryPolicy`:
 *
 * | policy | parent known? | requests |
 * | --- | --- | --- |
 * | Post | no / yes | postMessage (keeps its ts as the parent) / postMessage in the thread |
 * | PostAndUpdate | no / yes | postMessage / postMessage in the thread, then chat.update of the parent |
 * | Update | no / yes | postMessage / chat.update of the parent only |
 *
 * Unlike the Go engine, which keeps thread parents in memory per recipient, the parents are references in the
 * host's store (per service, recipient and grouping key), so a restarted process still edits the same message.
 * @module
 */
import { E, type Either } from "../../lib/fp.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { type Block, blockOf, jsonOf, textOf } from "../content.ts";
import { encodeForm } from "../form.ts";
import type {
  Delivery,
  HttpResponse,
  Outgoing,
  PrepareOptions,
  Provider,
  References,
  StepResult,
} from "../provider.ts";
import { jsonAnswer, reject, rejectStatus } from "../rejection.ts";
import { slackBlock } from "./block.ts";
import { decodeSlackSettings, type SlackSettings } from "./settings.ts";

type Form = Record<string, string>;

const threadKey = (recipient: string, groupingKey: string): string =>
  `thread ${JSON.stringify([recipient, groupingKey])}`;
const channelKey = (recipient: string): string => `channel ${JSON.stringify(recipient)}`;

/** A valid icon URL: absolute, http or https, with a host (Go's `isValidIconURL`). */
function isIconUrl(icon: string): boolean {
  try {
    const u = new URL(icon);
    return (u.protocol === "http:" || u.protocol === "https:") && u.host !== "";
  } catch {
    return false;
  }
}

/** The message fields besides token and channel (Go's `buildMessageOptions`). */
function messageFields(n: Outgoing, settings: SlackSettings, block: Block | undefined): Either<Diagnostic, Form> {
  const form: Form = { text: n.content.message };
  const username = textOf(block, "username") || settings.username;
  if (username !== "") form["username"] = username;
  const icon = textOf(block, "icon") || settings.icon;
  if (/^:.+:$/s.test(icon)) form["icon_emoji"] = icon;
  else if (isIconUrl(icon)) form["icon_url"] = icon;
  if (block !== undefined) {
    const attachments = jsonOf(block, "attachments", "slack.attachments");
    if (attachments._tag === "Left") return attachments;
    const blocks = jsonOf(block, "blocks", "slack.blocks");
    if (blocks._tag === "Left") return blocks;
    form["attachments"] = JSON.stringify(attachments.right ?? []);
    if (blocks.right !== undefined) form["blocks"] = JSON.stringify(blocks.right);
  }
  if (settings.disableUnfurl) {
    form["unfurl_links"] = "false";
    form["unfurl_media"] = "false";
  }
  return E.right(form);
}

type Posted = { readonly ok: true; readonly channel: string; readonly ts: string } | StepResult;

/** Reads a Web API answer: 200 with `ok` not false (or false without an error), as slack-go does. */
function readAnswer(method: string, response: HttpResponse): Posted {
  if (response.status !== 200) return rejectStatus(`slack ${method}`, response);
  const read = jsonAnswer(`slack ${method}`, response);
  if ("_tag" in read) return read;
  const b = read.answer;
  const error = typeof b["error"] === "string" ? b["error"].trim() : "";
  if (b["ok"] === false && error !== "") {
    return reject(`slack ${method}: ${error}`, error === "ratelimited" || error === "service_unavailable");
  }
  const str = (k: string): string => (typeof b[k] === "string" ? b[k] as string : "");
  return { ok: true, channel: str("channel"), ts: str("ts") || str("message_ts") };
}

function step(
  settings: SlackSettings,
  method: string,
  form: Form,
  read: (a: { channel: string; ts: string }) => StepResult,
): Delivery {
  return {
    kind: "http",
    request: {
      method: "POST",
      url: settings.apiURL + method,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: encodeForm(form),
    },
    read: (response) => {
      const a = readAnswer(method, response);
      return "ok" in a ? read(a) : a;
    },
  };
}

function prepare(n: Outgoing, settings: SlackSettings, options: PrepareOptions): Either<Diagnostic, Delivery> {
  const block = blockOf(n.content, "slack");
  const fields = messageFields(n, settings, block);
  if (fields._tag === "Left") return fields;
  const recipient = n.destination.recipient;
  const groupingKey = textOf(block, "groupingKey");
  const policy = textOf(block, "deliveryPolicy") || "Post";
  const refs: References = options.references ?? {};
  const parent = groupingKey === "" ? "" : refs[threadKey(recipient, groupingKey)] ?? "";
  const base: Form = { token: settings.token, ...fields.right, ...(parent !== "" ? { thread_ts: parent } : {}) };

  const update = (channel: string): Delivery =>
    step(
      settings,
      "chat.update",
      { ...base, channel, ts: parent, as_user: "true" },
      () => ({ _tag: "Done", messageRef: parent }),
    );
  const updates = parent !== "" && (policy === "Update" || policy === "PostAndUpdate");
  if (parent !== "" && policy === "Update") return E.right(update(refs[channelKey(recipient)] ?? recipient));

  const broadcast = block?.["notifyBroadcast"] === true ? { reply_broadcast: "true" } : {};
  return E.right(step(settings, "chat.postMessage", { ...base, channel: recipient, ...broadcast }, (answer) => {
    const remember: Record<string, string> = answer.channel === "" ? {} : { [channelKey(recipient)]: answer.channel };
    if (groupingKey !== "" && parent === "") remember[threadKey(recipient, groupingKey)] = answer.ts;
    return updates
      ? { _tag: "Next", next: update(answer.channel || recipient), remember }
      : { _tag: "Done", messageRef: answer.ts, remember };
  }));
}

/** The `slack` provider. */
export const slackProvider: Provider<SlackSettings> = {
  type: "slack",
  block: slackBlock,
  decodeSettings: decodeSlackSettings,
  secrets: (settings) => [settings.token, settings.signingSecret],
  references(n) {
    const groupingKey = textOf(blockOf(n.content, "slack"), "groupingKey");
    const r = n.destination.recipient;
    return groupingKey === "" ? [] : [threadKey(r, groupingKey), channelKey(r)];
  },
  prepare,
};
