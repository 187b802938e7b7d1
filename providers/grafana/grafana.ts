/**
 * The `grafana` service: an annotation (`POST <apiUrl>/annotations`, the path joined as Go's `path.Join` does, the
 * query kept) with a bearer key, tagged with the recipient's `|`-separated tags, at the time of sending in whole
 * seconds, as the Go engine sends it. Only 200 is success.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { goMarshal } from "../go-json.ts";
import type { Provider } from "../provider.ts";
import { rejectStatus, shownUrl } from "../rejection.ts";
import { decodeGrafanaSettings, type GrafanaSettings } from "./settings.ts";

/** The `grafana` provider. */
export const grafanaProvider: Provider<GrafanaSettings> = {
  type: "grafana",
  decodeSettings: decodeGrafanaSettings,
  secrets: (settings) => [settings.apiKey],
  prepare(n, settings, options) {
    const annotation = {
      time: Math.floor(options.now / 1000) * 1000,
      isRegion: false,
      tags: n.destination.recipient.split("|"),
      text: n.content.message,
    };
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: settings.annotationsURL,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${settings.apiKey}` },
        body: goMarshal(annotation),
      },
      read: (
        response,
      ) => (response.status === 200
        ? { _tag: "Done" }
        : rejectStatus(`grafana POST ${shownUrl(settings.annotationsURL)}`, response)),
    });
  },
};
