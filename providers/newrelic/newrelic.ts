/**
 * The `newrelic` service: a deployment marker (`POST <apiURL>/v2/applications/<recipient>/deployments.json`) with
 * the `X-Api-Key` header, as the Go engine sends it. Unlike the Go engine, which takes any answer as success, a
 * status other than 2xx is a failure (a wrong key or application id would otherwise be lost silently).
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { goMarshal } from "../go-json.ts";
import type { Provider } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { newrelicBlock } from "./block.ts";
import { decodeNewrelicSettings, type NewrelicSettings } from "./settings.ts";

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
