/**
 * The `telegram` service, as the Go engine sends it (its Bot API client): `getMe` on every send, then
 * `sendMessage`, form-encoded, Markdown. A recipient starting with `-` is a chat id, optionally `|<thread id>`; any
 * other is a channel username (`@` prepended). The answer's `ok` decides, not the HTTP status.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { invalidDelivery } from "../content.ts";
import { encodeForm } from "../form.ts";
import type { Delivery, HttpResponse, Provider, StepResult } from "../provider.ts";
import { isRetryableStatus, jsonAnswer } from "../rejection.ts";
import { decodeTelegramSettings, type TelegramSettings } from "./settings.ts";

/** Go's `strconv.ParseInt(s, 10, 64)` / `Atoi`: an optional sign and decimal digits, within int64. */
function parseGoInt(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

function readAnswer(method: string, response: HttpResponse): { readonly result: unknown } | StepResult {
  const read = jsonAnswer(`telegram ${method}`, response);
  if ("_tag" in read) return read;
  const answer = read.answer;
  if (answer["ok"] === true) return { result: answer["result"] };
  const code = Number(answer["error_code"] ?? response.status);
  return {
    _tag: "Rejected",
    retryable: isRetryableStatus(code),
    cause: `telegram ${method}: ${String(answer["description"] ?? "not ok")}`,
    ...(code === 429 && typeof answer["parameters"] === "object"
      ? { retryAfterMs: Number((answer["parameters"] as { retry_after?: unknown }).retry_after ?? 0) * 1000 }
      : {}),
  };
}

function call(
  settings: TelegramSettings,
  method: string,
  form: Readonly<Record<string, string>>,
  then: (result: unknown) => StepResult,
): Delivery {
  return {
    kind: "http",
    request: {
      method: "POST",
      url: `${settings.apiURL}/bot${settings.token}/${method}`,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: encodeForm(form),
    },
    read: (response) => {
      const a = readAnswer(method, response);
      return "_tag" in a ? a : then(a.result);
    },
  };
}

/** The `telegram` provider. */
export const telegramProvider: Provider<TelegramSettings> = {
  type: "telegram",
  decodeSettings: decodeTelegramSettings,
  secrets: (settings) => [settings.token],
  prepare(n, settings) {
    const r = n.destination.recipient;
    const form: Record<string, string> = {
      business_connection_id: "",
      entities: "null",
      link_preview_options: "{}",
      parse_mode: "Markdown",
      reply_parameters: '{"message_id":0}',
    };
    if (n.content.message !== "") form["text"] = n.content.message;
    if (r.startsWith("-")) {
      const [chat = "", thread] = r.split("|");
      const chatId = parseGoInt(chat);
      if (chatId === undefined) return E.left(invalidDelivery(`the telegram chat id "${chat}" is not a whole number`));
      form["chat_id"] = String(chatId);
      if (thread !== undefined) {
        const threadId = parseGoInt(thread);
        if (threadId === undefined) {
          return E.left(invalidDelivery(`the telegram thread id "${thread}" is not a whole number`));
        }
        if (threadId !== 0n) form["message_thread_id"] = String(threadId);
      }
    } else form["chat_id"] = `@${r}`;
    const send = call(settings, "sendMessage", form, (result) => {
      const id = (result as { message_id?: unknown } | undefined)?.message_id;
      return typeof id === "number" ? { _tag: "Done", messageRef: String(id) } : { _tag: "Done" };
    });
    return E.right(call(settings, "getMe", {}, () => ({ _tag: "Next", next: send })));
  },
};
