/**
 * `service.rocketchat[.<name>]` settings, as the Go engine's `RocketChatOptions`.
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded Rocket.Chat settings. */
export interface RocketChatSettings {
  /** The login user (sent as `user`). */
  readonly email: string;
  readonly password: string;
  /** The REST API base: `<scheme>://<host>:<port><path>/api/v1`, the port always written, as the Go SDK builds it. */
  readonly apiBase: string;
  readonly alias: string;
  /** `:emoji:` or "" (anything else is ignored with a warning). */
  readonly emoji: string;
  /** An http(s) URL or "" (anything else is ignored with a warning). */
  readonly avatar: string;
  readonly delivery: DeliveryPolicy;
}

/** An absolute http(s) URL with a host (the Go engine's `isValidAvatarURL`). */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.host !== "";
  } catch {
    return false;
  }
}

/** The Go SDK's base URL: http unless https, the port written (80/443 by default), the path kept. */
function apiBaseOf(serverUrl: string): string | undefined {
  try {
    const u = new URL(serverUrl);
    const https = u.protocol === "https:";
    const port = u.port !== "" ? u.port : https ? "443" : "80";
    return `${https ? "https" : "http"}://${u.hostname}:${port}${u.pathname.replace(/\/$/, "")}/api/v1`;
  } catch {
    return undefined;
  }
}

/** Decodes Rocket.Chat settings; `serverUrl`, `email` and `password` are required. */
export const decodeRocketChatSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<RocketChatSettings> =
  settingsDecoder({
    type: "rocketchat",
    props: {
      email: goString,
      password: goString,
      serverUrl: goString,
      alias: goString,
      icon: goString,
      avatar: goString,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const apiBase = apiBaseOf(raw.serverUrl ?? "");
      if (apiBase === undefined) {
        problems.push(settingProblem(["serverUrl"], "the rocketchat service needs a serverUrl (an absolute URL)"));
      }
      if ((raw.email ?? "") === "") {
        problems.push(settingProblem(["email"], "the rocketchat service needs an email (the login user)"));
      }
      if ((raw.password ?? "") === "") {
        problems.push(settingProblem(["password"], "the rocketchat service needs a password"));
      }
      const icon = raw.icon ?? "";
      const emoji = /^:.+:$/s.test(icon) ? icon : "";
      if (icon !== "" && emoji === "") {
        problems.push(
          settingProblem(["icon"], `"icon" is not an emoji (:name:); it is ignored`, { severity: "warning" }),
        );
      }
      const given = raw.avatar ?? "";
      const avatar = isHttpUrl(given) ? given : "";
      if (given !== "" && avatar === "") {
        problems.push(
          settingProblem(["avatar"], `"avatar" is not an http(s) URL; it is ignored`, { severity: "warning" }),
        );
      }
      return {
        problems,
        value: {
          email: raw.email ?? "",
          password: raw.password ?? "",
          apiBase: apiBase ?? "",
          alias: raw.alias ?? "",
          emoji,
          avatar,
          delivery: policy,
        },
      };
    },
  });
