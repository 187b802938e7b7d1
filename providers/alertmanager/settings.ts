/**
 * The `alertmanager` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { encodeBase64 } from "../../lib/go/base64.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goInt, goList, goString, transportProps } from "../go-codecs.ts";
import * as t from "io-ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `AlertmanagerOptions`. */
export interface AlertmanagerSettings {
  /** The alerts endpoint of every instance. */
  readonly urls: readonly string[];
  /** The `Authorization` header, if any. */
  readonly authorization?: string;
  readonly secrets: readonly string[];
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `alertmanager` service settings. */
export const decodeAlertmanagerSettings: (
  raw: Readonly<Record<string, unknown>>,
) => DecodedSettings<AlertmanagerSettings> = settingsDecoder({
  type: "alertmanager",
  props: {
    targets: goList(goString, "a list of host:port"),
    scheme: goString,
    apiPath: goString,
    basicAuth: t.partial({ username: goString, password: goString }, "basic auth (username and password)"),
    bearerToken: goString,
    timeout: goInt,
    ...transportProps,
  },
  policy: defaultPolicy,
  build(raw, policy) {
    const problems: SettingsDiagnostic[] = [];
    const targets = raw.targets !== undefined && raw.targets.length > 0 ? raw.targets : ["127.0.0.1:9093"];
    const scheme = raw.scheme || "http";
    const apiPath = raw.apiPath || "/api/v2/alerts";
    const urls = targets.map((target, i) => {
      const url = `${scheme}://${target}${apiPath}`;
      try {
        new URL(url);
      } catch {
        problems.push(
          settingProblem(
            ["targets", i],
            `"${target}" with scheme "${scheme}" and path "${apiPath}" does not make a URL`,
          ),
        );
      }
      return url;
    });
    const basic = raw.basicAuth;
    const token = raw.bearerToken ?? "";
    const credentials = basic !== undefined
      ? encodeBase64(new TextEncoder().encode(`${basic.username ?? ""}:${basic.password ?? ""}`))
      : "";
    const authorization = basic !== undefined ? `Basic ${credentials}` : token !== "" ? `Bearer ${token}` : undefined;
    const given = raw.delivery?.timeout;
    const timeoutMs = given === undefined
      ? (raw.timeout !== undefined && raw.timeout > 0 ? raw.timeout : 3) * 1000
      : policy.timeoutMs;
    return {
      problems,
      value: {
        urls,
        ...(authorization !== undefined ? { authorization } : {}),
        secrets: [token, basic?.password ?? "", credentials].filter((s) => s !== ""),
        delivery: { ...policy, timeoutMs },
      },
    };
  },
});
