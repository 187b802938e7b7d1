/**
 * The `alertmanager` service: one alert (labels, annotations, generator URL, start time) posted as a JSON list to
 * every configured instance at once (`<scheme>://<target><apiPath>`), with basic auth or a bearer token, as the Go
 * engine sends it. Delivered when at least one instance answers 200 — Alertmanager instances of a cluster share
 * alerts, and an alert with the same labels is one alert, so sending it again is harmless. Each instance's request
 * has `timeout` seconds (3 by default) and, unlike the Go engine, is retried under the delivery policy.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { encodeBase64 } from "../../lib/go/base64.ts";
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goInt, goList, goString, transportProps } from "../go-codecs.ts";
import * as t from "io-ts";
import { goMarshal, sortKeys } from "../go-json.ts";
import type { DeliveryPolicy, HttpDelivery, Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import { alertmanagerBlock } from "./block.ts";

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

/** Go writes `startsAt` as RFC 3339 with the fraction trimmed of zeros. */
const goTime = (
  iso: unknown,
): unknown => (typeof iso === "string" ? iso.replace(/\.0+Z$/, "Z").replace(/(\.\d*?)0+Z$/, "$1Z") : iso);

/** The `alertmanager` provider. */
export const alertmanagerProvider: Provider<AlertmanagerSettings> = {
  type: "alertmanager",
  block: alertmanagerBlock,
  decodeSettings: decodeAlertmanagerSettings,
  secrets: (settings) => settings.secrets,
  prepare(n, settings) {
    const block = blockOf(n.content, "alertmanager");
    if (block === undefined) return E.left(invalidDelivery("notification alertmanager no config"));
    const labels = block["labels"];
    if (typeof labels !== "object" || labels === null || Object.keys(labels).length === 0) {
      return E.left(invalidDelivery("alertmanager at least one label pair required"));
    }
    const annotations = block["annotations"];
    const alert = {
      labels: sortKeys(labels),
      annotations: typeof annotations === "object" && annotations !== null ? sortKeys(annotations) : null,
      generatorURL: typeof block["generatorURL"] === "string" ? block["generatorURL"] : "",
      startsAt: goTime(block["startsAt"]),
    };
    const body = goMarshal([alert]);
    const headers = {
      "Content-Type": "application/json",
      ...(settings.authorization !== undefined ? { Authorization: settings.authorization } : {}),
    };
    const deliveries: HttpDelivery[] = settings.urls.map((url) => ({
      kind: "http",
      request: { method: "POST", url, headers, body },
      read: (
        response,
      ) => (response.status === 200 ? { _tag: "Done" } : rejectStatus(`alertmanager POST ${url}`, response)),
    }));
    return E.right(deliveries.length === 1 ? deliveries[0]! : { kind: "any-of", deliveries });
  },
};
