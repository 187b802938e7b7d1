/**
 * The `gitlab` service's settings (`apiURL`, `token`, `username`): the decoder, apart from the provider that prepares
 * the deliveries, so the package entry decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { commitStatusDecoder, type CommitStatusSettings } from "../commit-status-settings.ts";

/** Decodes the settings of a `gitlab` service. */
export const decodeGitlabSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<CommitStatusSettings> =
  commitStatusDecoder({
    type: "gitlab",
    defaultApi: "https://gitlab.com",
    auth: (token) => ({ "PRIVATE-TOKEN": token }),
  });
