/**
 * The `nats` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString, goStringMap } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded NATS settings, as the Go engine's `NatsOptions`. */
export interface NatsSettings {
  readonly servers: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly username: string;
  readonly password: string;
  readonly nkey: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes NATS settings; every server must be a `nats://`, `tls://` or `ws(s)://` URL or a `host:port`. */
export const decodeNatsSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<NatsSettings> =
  settingsDecoder({
    type: "nats",
    props: { url: goString, headers: goStringMap, username: goString, password: goString, nkey: goString },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const servers = (raw.url || "nats://127.0.0.1:4222").split(",").map((s) => s.trim()).filter((s) => s !== "");
      for (const s of servers) {
        if (!/^((nats|tls|wss?):\/\/)?[^\s/:]+(:\d+)?\/?$/.test(s.replace(/\/\/[^@/]*@/, "//"))) {
          problems.push(settingProblem(["url"], `"${s.replace(/\/\/[^@/]*@/, "//")}" is not a NATS server URL`));
        }
      }
      const nkey = raw.nkey ?? "";
      if (nkey !== "" && !/^S[A-Z2-7]{57}$/.test(nkey)) {
        problems.push(settingProblem(["nkey"], `"nkey" is not an NKey seed (58 characters starting with "S")`));
      }
      return {
        problems,
        value: {
          servers,
          headers: raw.headers ?? {},
          username: raw.username ?? "",
          password: raw.password ?? "",
          nkey,
          delivery: policy,
        },
      };
    },
  });
