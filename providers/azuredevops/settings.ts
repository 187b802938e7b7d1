/**
 * The `azuredevops` service's settings (`apiURL`, `token`, `username`): the decoder, apart from the provider that prepares
 * the deliveries, so the package entry decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { basic, commitStatusDecoder, type CommitStatusSettings } from "../commit-status-settings.ts";

/** Decodes the settings of a `azuredevops` service. */
export const decodeAzuredevopsSettings: (
  raw: Readonly<Record<string, unknown>>,
) => DecodedSettings<CommitStatusSettings> = commitStatusDecoder({
  type: "azuredevops",
  defaultApi: "https://dev.azure.com",
  auth: (token) => ({ Authorization: basic("", token) }),
});
