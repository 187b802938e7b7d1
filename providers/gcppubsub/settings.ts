/**
 * The `gcppubsub` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { E, type Either } from "../../lib/fp.ts";
import { baseUrl } from "../api-url.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import { type PemKey, readPemKey } from "../jwt.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** A service account's key, the parts that sign. */
export interface ServiceAccount {
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
export function readServiceAccount(text: string): Either<string, ServiceAccount> {
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
