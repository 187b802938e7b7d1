/**
 * The `github` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import { type PemKey, readPemKey } from "../jwt.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import * as t from "io-ts";

/** Decoded GitHub settings, as the Go engine's `GitHubOptions` plus our `token`. */
export interface GitHubSettings {
  /** The REST API base, ending in `/`. */
  readonly apiBase: string;
  /** Where installation tokens come from (no trailing slash). */
  readonly tokenBase: string;
  readonly app?: {
    readonly appID: number;
    readonly installationID: number;
    readonly key: PemKey;
    readonly privateKey: string;
  };
  readonly token: string;
  readonly delivery: DeliveryPolicy;
}

/** An id as Go's `cast.ToInt64E` reads it: a number, or a decimal, `0x` hex or `0` octal string. */
const goId = new t.Type<number, number, unknown>(
  "a number",
  (u): u is number => typeof u === "number",
  (u, c) => {
    if (typeof u === "number" && Number.isInteger(u)) return t.success(u);
    if (typeof u !== "string") return t.failure(u, c);
    const s = u.trim().replace(/\.0*$/, "");
    const n = /^0x[0-9a-f]+$/i.test(s)
      ? parseInt(s.slice(2), 16)
      : /^0[0-7]+$/.test(s)
      ? parseInt(s, 8)
      : /^[+-]?\d+$/.test(s)
      ? Number(s)
      : NaN;
    return Number.isSafeInteger(n) ? t.success(n) : t.failure(u, c);
  },
  t.identity,
);

/** The API base of an Enterprise URL, as go-github's `WithEnterpriseURLs` makes it. */
function enterpriseApi(url: string): string {
  const base = url.endsWith("/") ? url : `${url}/`;
  const host = /^[a-z]+:\/\/([^/]*)/i.exec(base)?.[1] ?? "";
  return base.endsWith("/api/v3/") || host.startsWith("api.") || host.includes(".api.") ? base : `${base}api/v3/`;
}

/** Decodes the `github` service settings. */
export const decodeGithubSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<GitHubSettings> =
  settingsDecoder({
    type: "github",
    props: {
      appID: goId,
      installationID: goId,
      privateKey: goString,
      enterpriseBaseURL: goString,
      token: goString,
      ...transportProps,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const enterprise = raw.enterpriseBaseURL ?? "";
      if (enterprise !== "") {
        try {
          new URL(enterprise);
        } catch {
          problems.push(settingProblem(["enterpriseBaseURL"], `"enterpriseBaseURL" is not an absolute URL`));
        }
      }
      const token = raw.token ?? "";
      let app: GitHubSettings["app"];
      if (token === "" || raw.privateKey !== undefined) {
        const key = readPemKey(raw.privateKey ?? "");
        if (key._tag === "Left") {
          problems.push(settingProblem(["privateKey"], `could not parse private key: ${key.left}`));
        } else {app = {
            appID: raw.appID ?? 0,
            installationID: raw.installationID ?? 0,
            key: key.right,
            privateKey: raw.privateKey ?? "",
          };}
      }
      return {
        problems,
        value: {
          apiBase: enterprise === "" ? "https://api.github.com/" : enterpriseApi(enterprise),
          tokenBase: (enterprise || "https://api.github.com").replace(/\/+$/, ""),
          ...(app !== undefined ? { app } : {}),
          token,
          delivery: policy,
        },
      };
    },
  });
