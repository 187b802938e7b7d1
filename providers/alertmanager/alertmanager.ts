/**
 * The `alertmanager` service: one alert (labels, annotations, generator URL, start time) posted as a JSON list to
 * every configured instance at once (`<scheme>://<target><apiPath>`), with basic auth or a bearer token, as the Go
 * engine sends it. Delivered when at least one instance answers 200 — Alertmanager instances of a cluster share
 * alerts, and an alert with the same labels is one alert, so sending it again is harmless. Each instance's request
 * has `timeout` seconds (3 by default) and, unlike the Go engine, is retried under the delivery policy.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery } from "../content.ts";
import { goMarshal, sortKeys } from "../go-json.ts";
import type { HttpDelivery, Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { alertmanagerBlock } from "./block.ts";
import { type AlertmanagerSettings, decodeAlertmanagerSettings } from "./settings.ts";

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
