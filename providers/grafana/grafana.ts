/**
 * The `grafana` service: an annotation (`POST <apiUrl>/annotations`, the path joined as Go's `path.Join` does, the
 * query kept) with a bearer key, tagged with the recipient's `|`-separated tags, at the time of sending in whole
 * seconds, as the Go engine sends it. Only 200 is success.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { E } from "../../lib/fp.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import { goMarshal } from "../go-json.ts";
import type { DeliveryPolicy, Provider } from "../provider.ts";
import { rejectStatus, shownUrl } from "../rejection.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `GrafanaOptions`. */
export interface GrafanaSettings {
  /** The annotations endpoint. */
  readonly annotationsURL: string;
  readonly apiKey: string;
  readonly delivery: DeliveryPolicy;
}

/** `path.Join(dir, "annotations")`: slashes collapsed, a trailing one dropped. */
function joinAnnotations(path: string): string {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  return `/${[...parts, "annotations"].join("/")}`;
}

/** Decodes the `grafana` service settings. */
export const decodeGrafanaSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<GrafanaSettings> =
  settingsDecoder({
    type: "grafana",
    props: { apiUrl: goString, apiKey: goString, ...transportProps },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      let annotationsURL = "";
      try {
        const u = new URL(raw.apiUrl ?? "");
        u.pathname = joinAnnotations(u.pathname);
        annotationsURL = u.toString();
      } catch {
        problems.push(settingProblem(["apiUrl"], `the grafana service needs "apiUrl", an absolute URL ending in /api`));
      }
      return { problems, value: { annotationsURL, apiKey: raw.apiKey ?? "", delivery: policy } };
    },
  });

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
