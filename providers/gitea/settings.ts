/**
 * The `gitea` service's settings (`apiURL`, `token`, `username`): the decoder, apart from the provider that prepares
 * the deliveries, so the package entry decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { commitStatusDecoder, type CommitStatusSettings } from "../commit-status-settings.ts";

/** Decodes the settings of a `gitea` service. */
export const decodeGiteaSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<CommitStatusSettings> =
  commitStatusDecoder({
    type: "gitea",
    auth: (token) => ({ Authorization: `token ${token}` }),
  });
