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
import { encodeBase64 } from "../../lib/go/base64.ts";
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { encodeForm } from "../form.ts";
import { signRS256 } from "../jwt.ts";
import type { Delivery, HttpDelivery, Provider, StepResult } from "../provider.ts";
import { jsonAnswer, rejectStatus } from "../rejection.ts";
import { gcppubsubBlock } from "./block.ts";
import { decodeGcppubsubSettings, type PubsubSettings, readServiceAccount, type ServiceAccount } from "./settings.ts";

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
