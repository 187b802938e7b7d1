/**
 * The `webhook` service: any HTTP request, as the Go engine's webhook service sends it. The request is the named
 * entry of the template's `webhook:` block for this service (method, path appended to `url`, body), or, without one,
 * a `GET` of `url` with the message as its body. Configured headers go on every request, then basic auth, then (ours)
 * the `signature:` setting's HMAC of the body (`X-Hub-Signature-256: sha256=<hex>` by default, as GitHub and Flux's
 * generic-hmac sign), so the receiver can check where the request comes from.
 * @module
 */
import { hmac, toHex } from "../../lib/digest/mod.ts";
import { encodeBase64 } from "../../lib/go/base64.ts";
import { E, type Either } from "../../lib/fp.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import type { Delivery, Outgoing, Provider } from "../provider.ts";
import { rejectStatus, shownUrl } from "../rejection.ts";
import { webhookBlock } from "./block.ts";
import { decodeWebhookSettings, type WebhookSettings } from "./settings.ts";

interface Entry {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

function entryOf(n: Outgoing): Entry | undefined {
  const block = n.content.blocks["webhook"];
  const entry = block !== undefined && Object.hasOwn(block, n.destination.service)
    ? block[n.destination.service]
    : undefined;
  if (typeof entry !== "object" || entry === null) return undefined;
  const e = entry as Readonly<Record<string, unknown>>;
  const str = (k: string): string => (typeof e[k] === "string" ? e[k] as string : "");
  return { method: str("method"), path: str("path"), body: str("body") };
}

/** Go joins `url` and `path` as strings: every trailing and leading slash between them becomes one. */
function joinPath(url: string, path: string): string {
  return path === "" ? url : `${url.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/** Headers in order (a later one of the same name, in any case, wins), then basic auth over `Authorization`. */
function headersOf(settings: WebhookSettings): Record<string, string> {
  const headers: Record<string, string> = {};
  const set = (name: string, value: string): void => {
    for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
    headers[name] = value;
  };
  for (const h of settings.headers) set(h.name, h.value);
  if (settings.basicAuth !== undefined) {
    const { username, password } = settings.basicAuth;
    set("Authorization", `Basic ${encodeBase64(new TextEncoder().encode(`${username}:${password}`))}`);
  }
  return headers;
}

function prepare(n: Outgoing, settings: WebhookSettings): Either<Diagnostic, Delivery> {
  const entry = entryOf(n);
  const method = entry === undefined || entry.method === "" ? "GET" : entry.method;
  const url = entry === undefined ? settings.url : joinPath(settings.url, entry.path);
  const body = entry === undefined ? n.content.message : entry.body;
  const headers = headersOf(settings);
  const sig = settings.signature;
  if (sig !== undefined) {
    headers[sig.header] = sig.prefix + toHex(hmac(sig.algorithm, sig.secret, body));
  }
  return E.right({
    kind: "http",
    request: { method, url, headers, ...(body === "" ? {} : { body }) },
    read: (response) =>
      response.status >= 200 && response.status <= 299
        ? { _tag: "Done" }
        : rejectStatus(`${method} ${shownUrl(url)}`, response),
  });
}

/** Header names whose values are credentials. */
const credentialHeader = /auth|token|key|secret|signature|cookie|password|session/i;

/** The secrets of webhook settings: the basic-auth password (and its header), credentials in the URL, credential headers. */
function secrets(settings: WebhookSettings): readonly string[] {
  const out = settings.headers.filter((h) => credentialHeader.test(h.name)).map((h) => h.value);
  if (settings.signature !== undefined) out.push(settings.signature.secret);
  if (settings.basicAuth !== undefined) {
    const { username, password } = settings.basicAuth;
    out.push(password, encodeBase64(new TextEncoder().encode(`${username}:${password}`)));
  }
  try {
    const u = new URL(settings.url);
    if (u.password !== "") out.push(decodeURIComponent(u.password));
  } catch {
    // not a URL: decodeSettings reported it
  }
  return out;
}

/** The `webhook` provider. */
export const webhookProvider: Provider<WebhookSettings> = {
  type: "webhook",
  block: webhookBlock,
  decodeSettings: decodeWebhookSettings,
  secrets,
  prepare,
};
