/**
 * `service.awssqs[.<name>]` settings, as the Go engine's `AwsSqsOptions` (apart from `awssqs.ts`, whose request
 * signing imports aws4fetch: the configuration's decoding needs only this).
 * @module
 */
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { isAwsRegion } from "../aws-credentials.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import type { DeliveryPolicy } from "../provider.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";

/** Decoded settings, as the Go engine's `AwsSqsOptions`. */
export interface AwsSqsSettings {
  readonly queue: string;
  readonly account: string;
  /** "" to take the environment's. */
  readonly region: string;
  /** `endpointUrl` without a trailing slash; "" for the region's endpoint. */
  readonly endpoint: string;
  /** With `secret`, the static credentials; either empty for the default chain. */
  readonly key: string;
  readonly secret: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `awssqs` service settings. */
export const decodeAwssqsSettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<AwsSqsSettings> =
  settingsDecoder({
    type: "awssqs",
    props: {
      queue: goString,
      account: goString,
      region: goString,
      endpointUrl: goString,
      key: goString,
      secret: goString,
    },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      const region = raw.region ?? "";
      if (region !== "" && !isAwsRegion(region)) {
        problems.push(settingProblem(["region"], `"${region}" is not an AWS region`));
      }
      if (((raw.key ?? "") === "") !== ((raw.secret ?? "") === "")) {
        problems.push(
          settingProblem(
            [(raw.key ?? "") === "" ? "secret" : "key"],
            `${(raw.key ?? "") === "" ? "secret" : "key"} is set without ${
              (raw.key ?? "") === "" ? "key" : "secret"
            }: the AWS default credential chain is used`,
            { severity: "warning" },
          ),
        );
      }
      let endpoint = "";
      if ((raw.endpointUrl ?? "") !== "") {
        try {
          const u = new URL(raw.endpointUrl!);
          endpoint = raw.endpointUrl!.replace(/\/+$/, "");
          const named = /^sqs[.-]([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(u.hostname)?.[1] ??
            /^([a-z]{2}(?:-[a-z]+)+-\d+)\.queue\.amazonaws\.com$/.exec(u.hostname)?.[1];
          if (named !== undefined && region !== "" && named !== region) {
            problems.push(
              settingProblem(
                ["endpointUrl"],
                `the endpoint is in region ${named}, not in the configured region ${region}`,
              ),
            );
          }
        } catch {
          problems.push(settingProblem(["endpointUrl"], `"endpointUrl" is not an absolute URL`));
        }
      }
      return {
        problems,
        value: {
          queue: raw.queue ?? "",
          account: raw.account ?? "",
          region,
          endpoint,
          key: raw.key ?? "",
          secret: raw.secret ?? "",
          delivery: policy,
        },
      };
    },
  });
