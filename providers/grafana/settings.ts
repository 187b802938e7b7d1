/**
 * The `grafana` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, transportProps } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
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
