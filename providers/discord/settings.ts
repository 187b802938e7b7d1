/**
 * The `discord` service's settings: the decoder, apart from the provider that prepares the deliveries, so the package
 * entry (`mod.ts`, through `providers/service-types.ts`) decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../provider.ts";
import { recipientUrlDecoder, type RecipientUrlSettings } from "../recipient-urls.ts";

/** Decodes the `discord` service settings. */
export const decodeDiscordSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<RecipientUrlSettings> =
  recipientUrlDecoder("discord", "webhooks");
