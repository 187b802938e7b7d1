/**
 * The `gcppubsub` service: the message published to a Pub/Sub topic (the recipient, or `topic`) of `project` with
 * the template's `attributes` and (ours) `orderingKey`, through the REST API (`topics/<topic>:publish`; the Go
 * engine uses gRPC, the message is the same). Authentication, before each delivery, in the order of Google's
 * Application Default Credentials:
 * - with `credentials` (ours: the service-account JSON key itself, from the Secret), an access token for the Pub/Sub
 *   scope from the key's `token_uri`, asked with a JWT signed by Web Crypto (RS256);
 * - else the service-account key file named by `keyFile` (the Go engine's setting), else by
 *   `GOOGLE_APPLICATION_CREDENTIALS`, read by the shell (`io.credentials.gcp`), used the same way;
 * - else the metadata server's token (GKE Workload Identity, Compute Engine) at `metadataURL`
 *   (`http://metadata.google.internal`; `GCE_METADATA_HOST` is not read).
 * A key's `token_uri` is where its token is asked for (tests point it at loopback). gcloud's user credentials
 * (`~/.config/gcloud`) and external-account (workload identity federation) files are not read. Pub/Sub has no de-duplication of publishes: a retry after a lost answer may publish twice.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { encodeBase64 } from "../../lib/go/base64.ts";
import { E, type Either } from "../../lib/fp.ts";
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
  /** The key file to read when there is no `credentials`; "" for `GOOGLE_APPLICATION_CREDENTIALS`. */
  readonly keyFile: string;
  readonly apiURL: string;
  readonly metadataURL: string;
  readonly delivery: DeliveryPolicy;
}

/**
 * Reads a service-account JSON key (the parts that sign); the reason never repeats the key.
 * @param text the key's JSON
 * @returns the account, or why it is not one
 */
function readServiceAccount(text: string): Either<string, ServiceAccount> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return E.left("not a service-account JSON key");
  }
  const email = json?.["client_email"];
  const pem = json?.["private_key"];
  if (typeof email !== "string" || typeof pem !== "string") {
    return E.left("no client_email and private_key (is it a service-account key?)");
  }
  const key = readPemKey(pem);
  if (key._tag === "Left") return E.left(key.left);
  const tokenURI = typeof json["token_uri"] === "string" ? json["token_uri"] : "https://oauth2.googleapis.com/token";
  return E.right({ email, tokenURI, key: key.right, privateKey: pem });
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
      if ((raw.keyFile ?? "") !== "" && (raw.credentials ?? "") !== "") {
        problems.push(
          settingProblem(["keyFile"], "keyFile is not read: credentials is set and is used", { severity: "warning" }),
        );
      }
      let account: ServiceAccount | undefined;
      if ((raw.credentials ?? "") !== "") {
        const read = readServiceAccount(raw.credentials!);
        if (read._tag === "Left") problems.push(settingProblem(["credentials"], `credentials: ${read.left}`));
        else account = read.right;
      }
      return {
        problems,
        value: {
          project: raw.project ?? "",
          topic: raw.topic ?? "",
          ...(account !== undefined ? { account } : {}),
          keyFile: raw.keyFile ?? "",
          apiURL: baseUrl(raw.apiURL, "https://pubsub.googleapis.com", "apiURL", problems),
          metadataURL: baseUrl(raw.metadataURL, "http://metadata.google.internal", "metadataURL", problems),
          delivery: policy,
        },
      };
    },
  });

function tokenStep(
  settings: PubsubSettings,
  account: ServiceAccount | undefined,
  then: (token: string) => Delivery,
): HttpDelivery {
  const read = (what: string) => (response: Parameters<HttpDelivery["read"]>[0]): StepResult => {
    if (response.status !== 200) return rejectStatus(what, response);
    const a = jsonAnswer(what, response);
    if ("_tag" in a) return a;
    const token = a.answer["access_token"];
    return typeof token === "string"
      ? { _tag: "Next", next: then(token) }
      : { _tag: "Rejected", retryable: false, cause: `${what}: the answer has no access_token` };
  };
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
    if (settings.account !== undefined) return E.right(tokenStep(settings, settings.account, publish));
    return E.right({
      kind: "gcp-credentials",
      keyFile: settings.keyFile,
      then: (file): StepResult => {
        if (file === undefined) return { _tag: "Next", next: tokenStep(settings, undefined, publish) };
        const account = readServiceAccount(file.text);
        return account._tag === "Left"
          ? { _tag: "Rejected", retryable: false, cause: `the key file ${file.path}: ${account.left}` }
          : { _tag: "Next", next: tokenStep(settings, account.right, publish) };
      },
    });
  },
};
