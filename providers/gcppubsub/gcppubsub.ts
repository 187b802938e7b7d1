/**
 * The `gcppubsub` service: the message published to a Pub/Sub topic (the recipient, or `topic`) of `project` with
 * the template's `attributes` and (ours) `orderingKey`, through the REST API (`topics/<topic>:publish`; the Go
 * engine uses gRPC, the message is the same). Authentication, before each delivery:
 * - with `credentials` (ours: the service-account JSON key itself, from the Secret), an access token for the Pub/Sub
 *   scope from the key's `token_uri`, asked with a JWT signed by Web Crypto (RS256);
 * - without, the metadata server's token (GKE Workload Identity, Compute Engine).
 * `keyFile` (a path, the Go engine's setting) is not read: the core reads no files — put the key in the Secret and
 * reference it as `credentials: $gcp-key`. Pub/Sub has no de-duplication of publishes: a retry after a lost answer
 * may publish twice.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { encodeBase64 } from "../../lib/go/base64.ts";
import { E } from "../../lib/fp.ts";
import { baseUrl } from "../api-url.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { encodeForm } from "../form.ts";
import { goString } from "../go-codecs.ts";
import { type PemKey, readPemKey, signRS256 } from "../jwt.ts";
import type { Delivery, DeliveryPolicy, HttpDelivery, Provider, StepResult } from "../provider.ts";
import { jsonAnswer, rejectStatus } from "../rejection.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import { gcppubsubBlock } from "./block.ts";

/** A service account's key, the parts that sign. */
interface ServiceAccount {
  readonly email: string;
  readonly tokenURI: string;
  readonly key: PemKey;
  readonly privateKey: string;
}

/** Decoded settings, as the Go engine's `PubsubOptions` plus `credentials`, `apiURL` and `metadataURL`. */
export interface PubsubSettings {
  readonly project: string;
  readonly topic: string;
  readonly account?: ServiceAccount;
  readonly apiURL: string;
  readonly metadataURL: string;
  readonly delivery: DeliveryPolicy;
}

function readAccount(text: string, problems: SettingsDiagnostic[]): ServiceAccount | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    problems.push(settingProblem(["credentials"], "credentials is not a service-account JSON key"));
    return undefined;
  }
  const email = json["client_email"];
  const pem = json["private_key"];
  if (typeof email !== "string" || typeof pem !== "string") {
    problems.push(
      settingProblem(["credentials"], "credentials has no client_email and private_key (is it a service-account key?)"),
    );
    return undefined;
  }
  const key = readPemKey(pem);
  if (key._tag === "Left") {
    problems.push(settingProblem(["credentials"], `credentials: ${key.left}`));
    return undefined;
  }
  const tokenURI = typeof json["token_uri"] === "string" ? json["token_uri"] : "https://oauth2.googleapis.com/token";
  return { email, tokenURI, key: key.right, privateKey: pem };
}

/** Decodes the `gcppubsub` service settings. */
export const decodeGcppubsubSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<PubsubSettings> =
  settingsDecoder({
    type: "gcppubsub",
    props: {
      project: goString,
      topic: goString,
      keyFile: goString,
      credentials: goString,
      apiURL: goString,
      metadataURL: goString,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      if ((raw.project ?? "") === "") {
        problems.push(settingProblem(["project"], "the gcppubsub service needs a project"));
      }
      if ((raw.keyFile ?? "") !== "" && (raw.credentials ?? "") === "") {
        problems.push(
          settingProblem(
            ["keyFile"],
            "keyFile is not read (no files are): put the key in the Secret and set credentials: $<key>; the metadata server's token is used meanwhile",
            { severity: "warning" },
          ),
        );
      }
      const account = (raw.credentials ?? "") === "" ? undefined : readAccount(raw.credentials!, problems);
      return {
        problems,
        value: {
          project: raw.project ?? "",
          topic: raw.topic ?? "",
          ...(account !== undefined ? { account } : {}),
          apiURL: baseUrl(raw.apiURL, "https://pubsub.googleapis.com", "apiURL", problems),
          metadataURL: baseUrl(raw.metadataURL, "http://metadata.google.internal", "metadataURL", problems),
          delivery: policy,
        },
      };
    },
  });

function tokenStep(settings: PubsubSettings, then: (token: string) => Delivery): HttpDelivery {
  const read = (what: string) => (response: Parameters<HttpDelivery["read"]>[0]): StepResult => {
    if (response.status !== 200) return rejectStatus(what, response);
    const a = jsonAnswer(what, response);
    if ("_tag" in a) return a;
    const token = a.answer["access_token"];
    return typeof token === "string"
      ? { _tag: "Next", next: then(token) }
      : { _tag: "Rejected", retryable: false, cause: `${what}: the answer has no access_token` };
  };
  const account = settings.account;
  if (account === undefined) {
    const url = `${settings.metadataURL}/computeMetadata/v1/instance/service-accounts/default/token?scopes=${
      encodeURIComponent("https://www.googleapis.com/auth/pubsub")
    }`;
    return {
      kind: "http",
      request: { method: "GET", url, headers: { "Metadata-Flavor": "Google" } },
      read: read("the metadata server's token"),
    };
  }
  return {
    kind: "http",
    request: {
      method: "POST",
      url: account.tokenURI,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    },
    sign: async (request, now) => {
      const iat = Math.floor(now / 1000);
      const jwt = await signRS256(account.key, {
        iss: account.email,
        scope: "https://www.googleapis.com/auth/pubsub",
        aud: account.tokenURI,
        iat,
        exp: iat + 3600,
      });
      if (jwt._tag === "Left") return E.left(`service account ${account.email}: ${jwt.left}`);
      return E.right({
        ...request,
        body: encodeForm({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: jwt.right }),
      });
    },
    read: read(`the token of service account ${account.email}`),
  };
}

/** The `gcppubsub` provider. */
export const gcppubsubProvider: Provider<PubsubSettings> = {
  type: "gcppubsub",
  block: gcppubsubBlock,
  decodeSettings: decodeGcppubsubSettings,
  policy: (settings) => settings.delivery,
  secrets: (settings) => [settings.account?.privateKey ?? ""],
  prepare(n, settings) {
    const topic = n.destination.recipient || settings.topic;
    if (!/^[A-Za-z][\w.~+%-]{2,254}$/.test(topic)) {
      return E.left(invalidDelivery(`recipient "${topic}" is not a Pub/Sub topic id`));
    }
    const block = blockOf(n.content, "gcppubsub");
    const attributes = block?.["attributes"];
    const orderingKey = textOf(block, "orderingKey");
    const message = {
      data: encodeBase64(new TextEncoder().encode(n.content.message)),
      ...(typeof attributes === "object" && attributes !== null && Object.keys(attributes).length > 0
        ? { attributes }
        : {}),
      ...(orderingKey !== "" ? { orderingKey } : {}),
    };
    const url = `${settings.apiURL}/v1/projects/${encodeURIComponent(settings.project)}/topics/${
      encodeURIComponent(topic)
    }:publish`;
    const publish = (token: string): Delivery => ({
      kind: "http",
      request: {
        method: "POST",
        url,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ messages: [message] }),
      },
      read: (response) => {
        if (response.status !== 200) return rejectStatus(`pubsub publish to ${topic}`, response);
        const a = jsonAnswer(`pubsub publish to ${topic}`, response);
        if ("_tag" in a) return a;
        const ids = a.answer["messageIds"];
        return { _tag: "Done", ...(Array.isArray(ids) && typeof ids[0] === "string" ? { messageRef: ids[0] } : {}) };
      },
    });
    return E.right(tokenStep(settings, publish));
  },
};
