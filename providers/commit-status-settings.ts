/**
 * What the commit-status services (`commit-status.ts`) need to decode a configuration: their template block, their
 * settings and the decoder each forge's `settings.ts` makes, apart from the code that prepares the requests, so the
 * package entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../lib/config/mod.ts";
import type { BlockSpec } from "../lib/templates/mod.ts";
import { encodeBase64 } from "../lib/go/base64.ts";
import { baseUrl } from "./api-url.ts";
import { defaultPolicy } from "./delivery-policy.ts";
import { argoRepoURL, argoRevision, text } from "./fields.ts";
import { goString, transportProps } from "./go-codecs.ts";
import type { DeliveryPolicy } from "./provider.ts";
import { settingProblem, settingsDecoder } from "./settings-decoder.ts";

/** The block of every commit-status service: repository, revision, state, label (the context), target URL. */
export const commitStatusBlock: BlockSpec = {
  merge: "replace",
  fields: {
    repoURLPath: { kind: "text", fallback: argoRepoURL, as: "repoURL" },
    revisionPath: { kind: "text", fallback: argoRevision, as: "revision" },
    state: text,
    label: text,
    targetURL: text,
    description: text,
  },
};

/** Settings shared by the commit-status services: the API base and credentials. */
export interface CommitStatusSettings {
  readonly apiURL: string;
  /** The `Authorization` header (or GitLab's `PRIVATE-TOKEN`). */
  readonly auth: Readonly<Record<string, string>>;
  readonly secrets: readonly string[];
  readonly delivery: DeliveryPolicy;
}

/** How one forge's settings differ: what its decoder needs. */
export interface ForgeAccess {
  readonly type: string;
  /** Its API when `apiURL` is not set (none for self-hosted-only forges). */
  readonly defaultApi?: string;
  /** `Authorization` (or another header) from the token, or from username and token (basic auth). */
  readonly auth: (token: string, username: string) => Readonly<Record<string, string>>;
}

/**
 * The settings decoder of a forge, in its own `settings.ts`, apart from its provider: the package entry decodes
 * configurations without the code that prepares deliveries.
 * @param forge how the forge's settings differ
 * @returns the decoder
 */
export function commitStatusDecoder(
  forge: ForgeAccess,
): (raw: Readonly<Record<string, unknown>>) => DecodedSettings<CommitStatusSettings> {
  return settingsDecoder({
    type: forge.type,
    props: { apiURL: goString, token: goString, username: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const token = raw.token ?? "";
      if (token === "") problems.push(settingProblem(["token"], `the ${forge.type} service needs a token`));
      if (forge.defaultApi === undefined && (raw.apiURL ?? "") === "") {
        problems.push(settingProblem(["apiURL"], `the ${forge.type} service needs apiURL (the server's address)`));
      }
      const apiURL = baseUrl(raw.apiURL, forge.defaultApi ?? "https://invalid", "apiURL", problems);
      const auth = forge.auth(token, raw.username ?? "");
      return { problems, value: { apiURL, auth, secrets: [token, ...Object.values(auth)], delivery: policy } };
    },
  });
}

/** `Basic base64(user:pass)`. */
export function basic(user: string, pass: string): string {
  return `Basic ${encodeBase64(new TextEncoder().encode(`${user}:${pass}`))}`;
}
