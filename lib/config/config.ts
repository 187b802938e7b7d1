/**
 * The decoded notification configuration: what `decodeConfig` produces from a ConfigMap and a Secret.
 * Hand-written public types; the io-ts codecs that produce them stay internal (`_codecs.ts`).
 * @module
 */
import type { CompiledExpr } from "../expr/mod.ts";
import type { Limits } from "../limits.ts";
import type { CompiledTemplate, TemplateBlocks } from "../templates/mod.ts";
import type { Plan } from "./plan.ts";
import type { ServiceType } from "./service.ts";
import type { DefaultSubscription } from "../subscriptions/mod.ts";

/** One condition of a trigger, compiled. */
export interface Condition {
  /** `[i].<base64url-nopad(sha1(when))>`, the Go engine's condition key. */
  readonly key: string;
  /** As written; empty when the condition has none (it then runs as `false`, and the key hashes the empty string). */
  readonly when: string;
  readonly oncePer?: string;
  readonly description?: string;
  /** Template names, in order. */
  readonly send: readonly string[];
  readonly compiledWhen: CompiledExpr;
  readonly compiledOncePer?: CompiledExpr;
}

/** `trigger.<name>`: a list of conditions. */
export interface Trigger {
  readonly name: string;
  readonly conditions: readonly Condition[];
}

/** `service.<type>` or `service.<type>.<name>`, with `$key` references already replaced from the Secret. */
export interface ServiceConfig {
  /** What subscriptions name: `<name>` for `service.<type>.<name>`, else `<type>`. */
  readonly name: string;
  readonly type: string;
  /** The settings as written, secrets substituted. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** The service type (a provider) that decoded the settings. */
  readonly serviceType: ServiceType;
  /** The settings as the service type decoded them (defaults applied); the provider's own type. */
  readonly decoded: unknown;
}

export type { DefaultSubscription };

/**
 * Variables a host adds to the expressions and templates of every decision (Argo CD's `time` and `strings`: the
 * preset `argoCdHelpers`), made from the decision's `now` and the configuration's limits. In expressions a helper
 * wins over a host variable of the same name, in templates the host variable wins, as in Argo CD.
 */
export type HostHelpers = (now: number, limits: Limits) => Readonly<Record<string, unknown>>;

/** The whole configuration. Only parts that decoded and compiled without error are here. */
export interface Config {
  readonly triggers: ReadonlyMap<string, Trigger>;
  readonly templates: ReadonlyMap<string, CompiledTemplate>;
  readonly services: ReadonlyMap<string, ServiceConfig>;
  readonly subscriptions: readonly DefaultSubscription[];
  readonly defaultTriggers: readonly string[];
  /** `defaultTriggers.<service>`. */
  readonly serviceDefaultTriggers: ReadonlyMap<string, readonly string[]>;
  /** `context`, given to templates and expressions as `.context`. */
  readonly context: Readonly<Record<string, string>>;
  /** The budget of every expression run and template render made with this configuration. */
  readonly limits: Limits;
  /** The template blocks the templates were compiled with (from the service types); merging templates needs them. */
  readonly blocks: TemplateBlocks;
  /** Replaces every value of the Secret in a text with `***`, for outcomes, logs and previews. */
  readonly redact: (text: string) => string;
  /** The host's helper variables, if any (see {@linkcode HostHelpers}). */
  readonly helpers?: HostHelpers;
  /**
   * What `evaluate` needs that depends only on the configuration, prepared once, with memos of what depends only on
   * a resource's subscriptions. A configuration copied with other triggers, subscriptions, default triggers or limits
   * is planned again on each decision (correct, but slower): decode it instead.
   */
  readonly plan: Plan;
}

/** A ConfigMap-like input: only `data` is read. */
export interface ConfigMapLike {
  readonly data?: Readonly<Record<string, string>> | null;
}

/** A Secret-like input: `data` is base64, `stringData` plain; `stringData` wins, as in Kubernetes. */
export interface SecretLike {
  readonly data?: Readonly<Record<string, string>> | null;
  readonly stringData?: Readonly<Record<string, string>> | null;
}
