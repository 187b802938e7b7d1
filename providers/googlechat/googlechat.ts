/**
 * The `googlechat` service: a message to the recipient's space webhook, as the Go engine sends it — the text, or the
 * template's cards (`cards`, `cardsV2`, YAML or JSON, empty values left out as Google's typed structs leave them)
 * with an empty text; a `threadKey` adds `threadKey` and `messageReplyOption` to the URL's query. The answer must be
 * JSON without an `error`, and (unlike the Go engine, which reads only the body) a 2xx. With `idempotent: true` (ours), a `messageId` derived from the notification makes a retry
 * after a lost answer harmless: Google Chat refuses the second message with 409, which counts as delivered.
 * @module
 */
import { sha1, toHex } from "../../lib/digest/mod.ts";
import { E } from "../../lib/fp.ts";
import { type Block, blockOf, invalidDelivery, jsonOf, textOf } from "../content.ts";
import { encodeForm } from "../form.ts";
import { goMarshal } from "../go-json.ts";
import type { HttpResponse, Provider, StepResult } from "../provider.ts";
import { isRetryableStatus, jsonAnswer } from "../rejection.ts";
import { type RecipientUrlSettings, urlOf } from "../recipient-urls.ts";
import { googlechatBlock } from "./block.ts";
import { decodeGooglechatSettings } from "./settings.ts";

/** Drops what Go's `omitempty` drops from Google's typed cards: "", 0, false, null and empty lists. */
function withoutEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutEmpty);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const y = withoutEmpty(x);
    if (y === "" || y === 0 || y === false || y === null || y === undefined || (Array.isArray(y) && y.length === 0)) {
      continue;
    }
    out[k] = y;
  }
  return out;
}

function cardsOf(block: Block | undefined, key: string): readonly unknown[] | undefined | string {
  const v = jsonOf(block, key, `googlechat.${key}`);
  if (v._tag === "Left") return v.left.message;
  if (v.right === undefined) return undefined;
  return Array.isArray(v.right) ? v.right.map(withoutEmpty) : `googlechat.${key} must be a list of cards`;
}

/** The webhook URL with parameters added to its query, re-encoded with keys sorted as Go's `url.Values` does. */
function withQuery(url: string, add: Readonly<Record<string, string>>): string {
  const q = url.indexOf("?");
  const hash = url.indexOf("#");
  const base = q < 0 ? (hash < 0 ? url : url.slice(0, hash)) : url.slice(0, q);
  const values: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(q < 0 ? "" : url.slice(q + 1, hash < 0 ? undefined : hash))) {
    (values[k] ??= []).push(v);
  }
  for (const [k, v] of Object.entries(add)) (values[k] ??= []).push(v);
  return `${base}?${encodeForm(values)}`;
}

function read(recipient: string, idempotent: boolean, response: HttpResponse): StepResult {
  if (idempotent && response.status === 409) return { _tag: "Done" };
  const read = jsonAnswer(`google chat webhook of ${recipient}`, response);
  if ("_tag" in read) return read;
  const answer = read.answer;
  const error = answer["error"];
  if ((typeof error === "object" && error !== null) || response.status < 200 || response.status > 299) {
    const e = (typeof error === "object" && error !== null ? error : {}) as Readonly<Record<string, unknown>>;
    return {
      _tag: "Rejected",
      retryable: isRetryableStatus(response.status),
      cause: `google chat webhook of ${recipient} answered status ${response.status}: code=${
        String(e["code"] ?? "")
      } status=${String(e["status"] ?? "")} message=${String(e["message"] ?? "")}`,
    };
  }
  const name = answer["name"];
  return typeof name === "string" && name !== "" ? { _tag: "Done", messageRef: name } : { _tag: "Done" };
}

/** The `googlechat` provider. */
export const googlechatProvider: Provider<RecipientUrlSettings> = {
  type: "googlechat",
  block: googlechatBlock,
  decodeSettings: decodeGooglechatSettings,
  secrets: (settings) => Object.values(settings.urls),
  prepare(n, settings, options) {
    const r = n.destination.recipient;
    const url = urlOf(settings, r);
    if (url === undefined) return E.left(invalidDelivery(`no Google chat webhook configured for recipient ${r}`));
    const block = blockOf(n.content, "googlechat");
    const cards = cardsOf(block, "cards");
    const cardsV2 = cardsOf(block, "cardsV2");
    for (const c of [cards, cardsV2]) {
      if (typeof c === "string") return E.left(invalidDelivery(`cannot create message: ${c}`));
    }
    const legacy = cards as readonly unknown[] | undefined;
    const modern = cardsV2 as readonly unknown[] | undefined;
    const message = {
      text: legacy === undefined && modern === undefined ? n.content.message : "",
      ...(legacy !== undefined && legacy.length > 0 ? { cards: legacy } : {}),
      ...(modern !== undefined && modern.length > 0
        ? { cardsV2: modern.map((card, i) => ({ cardId: `card-${i + 1}`, card })) }
        : {}),
    };
    const threadKey = textOf(block, "threadKey");
    const params: Record<string, string> = threadKey === ""
      ? {}
      : { threadKey, messageReplyOption: "REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD" };
    const key = options.idempotencyKey;
    const idempotent = settings.idempotent && key !== undefined;
    if (idempotent) params["messageId"] = `client-${toHex(sha1(`${r}\n${key}`))}`;
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: Object.keys(params).length === 0 ? url : withQuery(url, params),
        headers: { "Content-Type": "application/json" },
        body: goMarshal(message),
      },
      read: (response) => read(r, idempotent, response),
    });
  },
};
