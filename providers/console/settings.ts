/**
 * The `console` service's settings: only the shared `delivery:` policy. Apart from `console.ts`, which prints with
 * the `yaml` library, so that the service types the core imports stay free of it.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingsDecoder } from "../settings-decoder.ts";

/** Decoded console settings: only the shared `delivery:` policy. */
export interface ConsoleSettings {
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `console` service settings. */
export const decodeConsoleSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<ConsoleSettings> =
  settingsDecoder({
    type: "console",
    props: {},
    policy: defaultPolicy,
    build: (_raw, policy) => ({ value: { delivery: policy } }),
  });
