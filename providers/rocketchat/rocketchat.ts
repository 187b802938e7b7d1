/**
 * The `rocketchat` service, as the Go engine sends it (Rocket.Chat's Go SDK): a form login on every send, then
 * `chat.postMessage` as JSON with the login's `X-Auth-Token` and `X-User-Id`; `#channel` and `@user` recipients go
 * as `channel`, others as `roomId`. An answer is refused when it says `success: false` (or, without `success`, a
 * `status` other than "success").
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, jsonOf } from "../content.ts";
import { encodeForm } from "../form.ts";
import { goMarshal } from "../go-json.ts";
import type { Delivery, HttpResponse, Provider, StepResult } from "../provider.ts";
import { type Answer, isRetryableStatus, jsonAnswer, reject } from "../rejection.ts";
import { rocketchatBlock } from "./block.ts";
import { decodeRocketChatSettings, type RocketChatSettings } from "./settings.ts";

/** The SDK's status check: `success`, else `error`, else `status == "success"`, else `message`. */
function readStatus(what: string, response: HttpResponse): { readonly answer: Answer } | StepResult {
  const read = jsonAnswer(`rocketchat ${what}`, response);
  if ("_tag" in read) return read;
  const answer = read.answer;
  const retryable = isRetryableStatus(response.status);
  if (answer["success"] === true) return { answer };
  const error = typeof answer["error"] === "string" ? answer["error"] : "";
  if (error !== "") return reject(`rocketchat ${what}: ${error}`, retryable);
  if (answer["status"] === "success") return { answer };
  const message = typeof answer["message"] === "string" ? answer["message"] : "";
  return reject(
    `rocketchat ${what}: ${
      message !== "" ? `status: ${String(answer["status"] ?? "")}, message: ${message}` : "got false response"
    }`,
    retryable,
  );
}

function field(o: unknown, key: string): string {
  if (typeof o !== "object" || o === null) return "";
  const entry = Object.entries(o).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return typeof entry?.[1] === "string" ? entry[1] : "";
}

/** The `rocketchat` provider. */
export const rocketchatProvider: Provider<RocketChatSettings> = {
  type: "rocketchat",
  block: rocketchatBlock,
  decodeSettings: decodeRocketChatSettings,
  secrets: (settings) => [settings.password],
  prepare(n, settings) {
    const block = blockOf(n.content, "rocketchat");
    const attachments = jsonOf(block, "attachments", "rocketchat.attachments");
    if (attachments._tag === "Left") return attachments;
    if (attachments.right !== undefined && !Array.isArray(attachments.right)) {
      return E.left(invalidDelivery("rocketchat.attachments must be a JSON list"));
    }
    const r = n.destination.recipient;
    const message = {
      ...(r.startsWith("#") || r.startsWith("@") ? { channel: r } : r === "" ? {} : { roomId: r }),
      ...(n.content.message === "" ? {} : { text: n.content.message }),
      ...(settings.alias === "" ? {} : { alias: settings.alias }),
      ...(settings.emoji === "" ? {} : { emoji: settings.emoji }),
      ...(settings.avatar === "" ? {} : { avatar: settings.avatar }),
      ...(Array.isArray(attachments.right) && attachments.right.length > 0 ? { attachments: attachments.right } : {}),
    };
    const post = (token: string, userId: string): Delivery => ({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.apiBase}/chat.postMessage`,
        headers: { "Content-Type": "application/json", "X-Auth-Token": token, "X-User-Id": userId },
        body: goMarshal(message),
      },
      read: (response) => {
        const s = readStatus("chat.postMessage", response);
        if ("_tag" in s) return s;
        const id = field(s.answer["message"], "_id");
        return id === "" ? { _tag: "Done" } : { _tag: "Done", messageRef: id };
      },
    });
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.apiBase}/login`,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: encodeForm({ user: settings.email, password: settings.password }),
      },
      read: (response) => {
        const s = readStatus("login", response);
        if ("_tag" in s) return s;
        const data = s.answer["data"];
        return { _tag: "Next", next: post(field(data, "authToken"), field(data, "userID")) };
      },
    });
  },
};
