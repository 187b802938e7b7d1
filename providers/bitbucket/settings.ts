/**
 * The `bitbucket` service's settings (`apiURL`, `token`, `username`): the decoder, apart from the provider that prepares
 * the deliveries, so the package entry decodes configurations without that code.
 * @module
 */
import type { DecodedSettings } from "../../lib/config/mod.ts";
import { basic, commitStatusDecoder, type CommitStatusSettings } from "../commit-status-settings.ts";

/** Bitbucket Cloud's API: `apiURL` when unset; any other address is a Data Center server. */
export const cloud = "https://api.bitbucket.org";

/** Decodes the settings of a `bitbucket` service. */
export const decodeBitbucketSettings: (
  raw: Readonly<Record<string, unknown>>,
) => DecodedSettings<CommitStatusSettings> = commitStatusDecoder({
  type: "bitbucket",
  defaultApi: cloud,
  auth: (token, username) => ({ Authorization: username !== "" ? basic(username, token) : `Bearer ${token}` }),
});
