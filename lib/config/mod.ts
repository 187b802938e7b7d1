/**
 * Configuration decoding: a notification ConfigMap and Secret to a typed, compiled {@linkcode Config}.
 *
 * @example Decoding the cert-manager example
 * ```ts
 * import { decodeConfig } from "notifications-engine";
 * import { expect } from "expect";
 *
 * const { config } = decodeConfig({ data: { "defaultTriggers": "[on-cert-ready]" } });
 * expect(config.defaultTriggers).toEqual(["on-cert-ready"]);
 * ```
 * @module
 */
export type {
  Condition,
  Config,
  ConfigMapLike,
  DefaultSubscription,
  HostHelpers,
  SecretLike,
  ServiceConfig,
  Trigger,
} from "./config.ts";
export { decodeConfig } from "./decode.ts";
export type {
  DecodedSettings,
  DecodeServiceOptions,
  ServiceType,
  ServiceTypes,
  SettingsDiagnostic,
} from "./service.ts";
export { blocksOf } from "./service.ts";
/**
 * The io-ts codecs of a Go string field (numbers and booleans read as their text) and a Go `map[string]string`, for
 * service types' settings.
 */
export { goString, goStringMap } from "./_codecs.ts";
export { redactor } from "./redact.ts";
export type { DecodeConfigOptions, DecodedConfig } from "./decode.ts";
export { conditionKey } from "./condition-key.ts";
export type { Plan, PlannedSubscriptions, PlannedTrigger, PlanScope, PlanSource, SubscribedResource } from "./plan.ts";
export { planConfig } from "./plan.ts";
export { parseRecipient } from "./subscriptions.ts";
