/**
 * `service.webhook.<name>` settings, as the Go engine's `WebhookOptions`.
 * @module
 */
import * as t from "io-ts";
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goInt, goList, goNanos, goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** A header set on every request. */
export interface WebhookHeader {
  readonly name: string;
  readonly value: string;
}

/** Decoded webhook settings. */
export interface WebhookSettings {
  readonly url: string;
  /** In order; a later header of the same name wins. */
  readonly headers: readonly WebhookHeader[];
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Ours: an HMAC of the body in a header, as GitHub signs its webhooks (`X-Hub-Signature-256: sha256=<hex>`). */
  readonly signature?: {
    readonly secret: string;
    readonly header: string;
    readonly algorithm: "sha1" | "sha256" | "sha512";
    readonly prefix: string;
  };
  readonly insecureSkipVerify: boolean;
  /** The policy, with the Go keys `retryWaitMin`, `retryWaitMax` and `retryMax` applied. */
  readonly delivery: DeliveryPolicy;
}

const props = {
  url: goString,
  headers: goList(
    t.partial({ name: goString, value: goString }, "a header (name and value)"),
    "a list of headers (name and value)",
  ),
  basicAuth: t.partial({ username: goString, password: goString }, "basic auth (username and password)"),
  signature: t.partial(
    { secret: goString, header: goString, algorithm: goString, prefix: goString },
    "a signature (secret, header, algorithm, prefix)",
  ),
  retryWaitMin: goNanos,
  retryWaitMax: goNanos,
  retryMax: goInt,
  ...transportProps,
};

/** Go's retrying client: 1 s to 5 s between attempts, 3 retries. */
const webhookPolicy: DeliveryPolicy = {
  ...defaultPolicy,
  retryWaitMinMs: 1_000,
  retryWaitMaxMs: 5_000,
  maxAttempts: 4,
};

/** Decodes webhook settings; `url` is required. */
export const decodeWebhookSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<WebhookSettings> =
  settingsDecoder({
    type: "webhook",
    props,
    policy: webhookPolicy,
    build(raw, policy) {
      const url = raw.url ?? "";
      if (url === "") return { problems: [settingProblem(["url"], "the webhook needs a url")] };
      const problems = [];
      try {
        new URL(url);
      } catch {
        problems.push(settingProblem(["url"], `"url" is not an absolute URL`));
      }
      let signature: WebhookSettings["signature"];
      if (raw.signature !== undefined) {
        const algorithm = (raw.signature.algorithm || "sha256").toLowerCase();
        if ((raw.signature.secret ?? "") === "") {
          problems.push(settingProblem(["signature", "secret"], "a signature needs a secret"));
        }
        if (algorithm !== "sha1" && algorithm !== "sha256" && algorithm !== "sha512") {
          problems.push(
            settingProblem(
              ["signature", "algorithm"],
              `"signature.algorithm" must be sha1, sha256 or sha512, not "${algorithm}"`,
            ),
          );
        } else {
          signature = {
            secret: raw.signature.secret ?? "",
            header: raw.signature.header ||
              (algorithm === "sha1" ? "X-Hub-Signature" : `X-Hub-Signature-${algorithm.slice(3)}`),
            algorithm,
            prefix: raw.signature.prefix ?? `${algorithm}=`,
          };
        }
      }
      const given = raw.delivery ?? {};
      const delivery: DeliveryPolicy = {
        ...policy,
        ...(given.retryWaitMin === undefined && raw.retryWaitMin ? { retryWaitMinMs: raw.retryWaitMin / 1e6 } : {}),
        ...(given.retryWaitMax === undefined && raw.retryWaitMax ? { retryWaitMaxMs: raw.retryWaitMax / 1e6 } : {}),
        ...(given.maxAttempts === undefined && raw.retryMax ? { maxAttempts: Math.max(1, raw.retryMax + 1) } : {}),
      };
      return {
        problems,
        value: {
          url,
          headers: (raw.headers ?? []).map((h) => ({ name: h.name ?? "", value: h.value ?? "" })),
          ...(raw.basicAuth !== undefined
            ? { basicAuth: { username: raw.basicAuth.username ?? "", password: raw.basicAuth.password ?? "" } }
            : {}),
          ...(signature !== undefined ? { signature } : {}),
          insecureSkipVerify: raw.insecureSkipVerify ?? false,
          delivery,
        },
      };
    },
  });
