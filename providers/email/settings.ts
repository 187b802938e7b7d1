/**
 * The `email` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goBool, goInt, goString } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded e-mail settings, as the Go engine's `EmailOptions`. */
export interface EmailSettings {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly from: string;
  readonly html: boolean;
  readonly delivery: DeliveryPolicy;
}

/**
 * Whether a text is one e-mail address, bare (`a@example.com`) or with a display name (`Ops <a@example.com>`).
 * @param text the text
 * @returns whether it is
 * @example
 * ```ts
 * import { isAddress } from "./settings.ts";

 * import { expect } from "expect";

 * expect(["a@example.com", "Ops <ops@example.com>", "ops", "a@b@c", ""].map(isAddress)).toEqual([true, true, false, false, false]);
 * ```
 */
export function isAddress(text: string): boolean {
  const m = /^(?:[^<>]*<([^<>]+)>|([^<>]+))$/.exec(text.trim());
  const addr = (m?.[1] ?? m?.[2] ?? "").trim();
  return /^[^\s@<>,;"()]+@[^\s@<>,;"().]+(?:\.[^\s@<>,;"().]+)*$/.test(addr);
}

/** Decodes e-mail settings; `host`, `port` and `from` are required. */
export const decodeEmailSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<EmailSettings> =
  settingsDecoder({
    type: "email",
    props: {
      host: goString,
      port: goInt,
      username: goString,
      password: goString,
      from: goString,
      html: goBool,
      insecure_skip_verify: goBool,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const host = raw.host ?? "";
      const from = raw.from ?? "";
      const port = raw.port ?? 0;
      if (host === "") problems.push(settingProblem(["host"], "the email service needs a host"));
      if (port <= 0 || port > 65535) {
        problems.push(settingProblem(["port"], `the email service needs a port from 1 to 65535, not ${port}`));
      }
      if (from === "") problems.push(settingProblem(["from"], "the email service needs a from address"));
      else if (!isAddress(from)) problems.push(settingProblem(["from"], `"from" is not an e-mail address`));
      if (raw.insecure_skip_verify === true) {
        problems.push(
          settingProblem(
            ["insecure_skip_verify"],
            "insecure_skip_verify is not supported: TLS certificates are verified (trust a private CA with NODE_EXTRA_CA_CERTS or DENO_CERT)",
            { severity: "warning" },
          ),
        );
      }
      return {
        problems,
        value: {
          host,
          port,
          from,
          username: raw.username ?? "",
          password: raw.password ?? "",
          html: raw.html ?? false,
          delivery: policy,
        },
      };
    },
  });
