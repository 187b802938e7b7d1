/**
 * The `newrelic` service: a deployment marker (`POST <apiURL>/v2/applications/<recipient>/deployments.json`) with
 * the `X-Api-Key` header, as the Go engine sends it. Unlike the Go engine, which takes any answer as success, a
 * status other than 2xx is a failure (a wrong key or application id would otherwise be lost silently).
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { E } from "../../lib/fp.ts";
import { baseUrl } from "../api-url.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import { goMarshal } from "../go-json.ts";
import type { DeliveryPolicy, Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { settingsDecoder } from "../settings-decoder.ts";
import { newrelicBlock } from "./block.ts";

/** Decoded settings, as the Go engine's `NewrelicOptions`. */
export interface NewrelicSettings {
  readonly apiKey: string;
  /** `https://api.newrelic.com` by default, without a trailing slash. */
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `newrelic` service settings. */
export const decodeNewrelicSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<NewrelicSettings> =
  settingsDecoder({
    type: "newrelic",
    props: { apiKey: goString, apiURL: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const apiURL = baseUrl(raw.apiURL, "https://api.newrelic.com", "apiURL", problems);
      return { problems, value: { apiKey: raw.apiKey ?? "", apiURL, delivery: policy } };
    },
  });

/** The `newrelic` provider. */
export const newrelicProvider: Provider<NewrelicSettings> = {
  type: "newrelic",
  block: newrelicBlock,
  decodeSettings: decodeNewrelicSettings,
  secrets: (settings) => [settings.apiKey],
  prepare(n, settings) {
    if (settings.apiKey === "") return E.left(invalidDelivery("apiKey is missing"));
    const block = blockOf(n.content, "newrelic");
    if (block === undefined) return E.left(invalidDelivery("config is missing"));
    const f = (k: string): string => textOf(block, k);
    const description = f("description") || n.content.message;
    const deployment = {
      revision: f("revision"),
      ...(f("changelog") !== "" ? { changelog: f("changelog") } : {}),
      ...(description !== "" ? { description } : {}),
      ...(f("user") !== "" ? { user: f("user") } : {}),
    };
    const url = `${settings.apiURL}/v2/applications/${n.destination.recipient}/deployments.json`;
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url,
        headers: { "Content-Type": "application/json", "X-Api-Key": settings.apiKey },
        body: goMarshal({ deployment }),
      },
      read: (
        response,
      ) => (response.status >= 200 && response.status <= 299
        ? { _tag: "Done" }
        : rejectStatus(`newrelic POST ${url}`, response)),
    });
  },
};
