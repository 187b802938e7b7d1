/**
 * `decodeConfig`: the whole ConfigMap (and Secret) to a {@linkcode Config}, every problem reported at once.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { CompileOptions } from "../expr/mod.ts";
import { E } from "../fp.ts";
import { type Limits, resolveLimits } from "../limits.ts";
import type { CompiledTemplate, TemplateBlocks, TemplateLanguages } from "../templates/mod.ts";
import type { Decoded, Ref } from "./_decoded.ts";
import { boundedHints, hintBudget } from "./_hints.ts";
import type {
  Config,
  ConfigMapLike,
  DefaultSubscription,
  HostHelpers,
  SecretLike,
  ServiceConfig,
  Trigger,
} from "./config.ts";
import { parseConfigKey } from "./config-key.ts";
import { decodeContext } from "./context.ts";
import { decodeDefaultTriggers } from "./default-triggers.ts";
import { argoCdHelpers } from "../argocd/mod.ts";
import { planConfig } from "./plan.ts";
import { redactor } from "./redact.ts";
import { readSecret } from "./secrets.ts";
import { blocksOf, decodeService, type ServiceTypes } from "./service.ts";
import { decodeSubscriptions } from "./subscriptions.ts";
import { decodeTemplate } from "./template.ts";
import { decodeTrigger, sendsNothing } from "./trigger.ts";

/** Options of {@linkcode decodeConfig}. */
export interface DecodeConfigOptions {
  /** Host additions to the expression language (Argo CD's `repo` functions), given to every `when` and `oncePer`. */
  readonly expr?: CompileOptions;
  /** Limits to change from their defaults (see `defaultLimits`); they become the configuration's `limits`. */
  readonly limits?: Partial<Limits>;
  /**
   * The service types (providers) `service.<type>` keys may name, each with its settings decoder and template
   * block, in block render order. `decodeConfig` of the package entry passes `builtinServiceTypes` of
   * `./providers`; without it no service type is known.
   */
  readonly services?: ServiceTypes;
  /**
   * Variables added to the expressions and templates of every decision: the preset `argoCdHelpers` (Argo CD's `time`
   * and `strings`) unless this gives others (`() => ({})` for none).
   */
  readonly helpers?: HostHelpers;
  /**
   * The template languages besides Go's text/template: `{ liquid }` (`liquid` of `./liquid`) for templates with
   * `language: liquid`, which are an error without it.
   */
  readonly languages?: TemplateLanguages;
}

/** A decoded configuration and every problem found on the way. */
export interface DecodedConfig {
  readonly config: Config;
  readonly diagnostics: readonly Diagnostic[];
}

interface Refs {
  readonly templates: { readonly key: string; readonly refs: readonly Ref[] }[];
  readonly triggers: { readonly key: string; readonly refs: readonly Ref[] }[];
  readonly services: { readonly key: string; readonly refs: readonly Ref[] }[];
}

interface Builder {
  readonly triggers: Map<string, Trigger>;
  readonly templates: Map<string, CompiledTemplate>;
  readonly services: Map<string, ServiceConfig>;
  readonly serviceKeys: Map<string, string>;
  subscriptions: readonly DefaultSubscription[];
  defaultTriggers: readonly string[];
  readonly serviceDefaultTriggers: Map<string, readonly string[]>;
  context: Readonly<Record<string, string>>;
  /** Names whose key is present but failed, to tell "broken" from "missing". */
  readonly broken: {
    readonly triggers: Map<string, string>;
    readonly templates: Set<string>;
    readonly services: Set<string>;
  };
  readonly refs: Refs;
  readonly diagnostics: Diagnostic[];
}

/**
 * Decodes a notification ConfigMap and its Secret.
 *
 * Each key is decoded on its own: a broken trigger, template or service is reported and left out, and everything
 * else keeps working (the Go engine would refuse the whole configuration instead). Every problem is a
 * {@linkcode Diagnostic} with the key, the line and column inside the value, and a sentence; `error` means the part
 * was left out, `warning` means it was kept (unknown fields and keys, which Go ignores too; `$key` references the
 * Secret lacks; names of templates, triggers and services that are not configured). No diagnostic holds a secret
 * value. Never throws for bad input.
 *
 * @param configMap The ConfigMap; only `data` is read.
 * @param secret The Secret whose values replace `$key` references in service settings.
 * @param options Host additions to the expression language.
 * @returns The configuration (only the parts without errors) and the diagnostics, in key order.
 *
 * @example Decoding a trigger, a template and a service
 * ```ts
 * import { decodeConfig } from "notifications-engine";
 * import { expect } from "expect";
 *
 * const { config, diagnostics } = decodeConfig({
 *   data: {
 *     "trigger.on-ready": "- when: foo.status.ready\n  send: [ready]\n",
 *     "template.ready": "message: Foo {{.foo.metadata.name}} is ready!\n",
 *     "service.slack": "token: $slack-token\n",
 *   },
 * }, { stringData: { "slack-token": "xoxb-1" } });
 * expect(diagnostics).toEqual([]);
 * expect(config.services.get("slack")?.settings).toEqual({ token: "xoxb-1" });
 * ```
 */
export function decodeConfig(
  configMap: ConfigMapLike,
  secret?: SecretLike,
  options: DecodeConfigOptions = {},
): DecodedConfig {
  const secrets = readSecret(secret);
  const limits = resolveLimits(options.limits);
  const serviceTypes = options.services ?? {};
  const blocks = blocksOf(serviceTypes);
  const b: Builder = {
    triggers: new Map(),
    templates: new Map(),
    services: new Map(),
    serviceKeys: new Map(),
    subscriptions: [],
    defaultTriggers: [],
    serviceDefaultTriggers: new Map(),
    context: {},
    broken: { triggers: new Map(), templates: new Set(), services: new Set() },
    refs: { templates: [], triggers: [], services: [] },
    diagnostics: [...secrets.diagnostics],
  };
  for (const [key, source] of Object.entries(configMap.data ?? {})) {
    if (typeof source !== "string") {
      b.diagnostics.push(
        diagnostic("InvalidField", `the value of "${key}" is ${typeof source}, not a string`, { key }),
      );
      continue;
    }
    decodeKey(b, key, source, {
      secrets: secrets.values,
      serviceTypes,
      blocks,
      languages: options.languages,
      expr: options.expr,
      limits,
    });
  }
  checkRefs(b);
  const planned = {
    triggers: b.triggers,
    subscriptions: b.subscriptions,
    defaultTriggers: b.defaultTriggers,
    serviceDefaultTriggers: b.serviceDefaultTriggers,
    limits,
    helpers: options.helpers ?? argoCdHelpers,
  };
  const config: Config = {
    ...planned,
    templates: b.templates,
    services: b.services,
    context: b.context,
    blocks,
    redact: redactor(secrets.values.values()),
    plan: planConfig({ ...planned, brokenTriggers: b.broken.triggers }),
  };
  return { config, diagnostics: b.diagnostics };
}

interface KeyContext {
  readonly secrets: ReadonlyMap<string, string>;
  readonly serviceTypes: ServiceTypes;
  readonly blocks: TemplateBlocks;
  readonly languages: TemplateLanguages | undefined;
  readonly expr: CompileOptions | undefined;
  readonly limits: Limits;
}

function take<A>(
  b: Builder,
  result: Decoded<A>,
  onValue: (a: A) => void,
  onBroken?: (errors: readonly Diagnostic[]) => void,
): void {
  for (const d of result.diagnostics) b.diagnostics.push(d);
  if (result.value !== undefined) onValue(result.value);
  else onBroken?.(result.diagnostics.filter((d) => d.severity === "error"));
}

function decodeKey(b: Builder, key: string, source: string, ctx: KeyContext): void {
  const { limits } = ctx;
  const parsed = parseConfigKey(key);
  if (E.isLeft(parsed)) {
    b.diagnostics.push(parsed.left);
    return;
  }
  const k = parsed.right;
  switch (k.kind) {
    case "trigger":
      return take(b, decodeTrigger(k.name, source, { expr: ctx.expr, limits }), (t) => {
        b.triggers.set(k.name, t.trigger);
        b.refs.templates.push({ key, refs: t.templates });
      }, (errors) => b.broken.triggers.set(k.name, whyLeftOut(errors)));
    case "template":
      return take(
        b,
        decodeTemplate(k.name, source, { limits, blocks: ctx.blocks, languages: ctx.languages }),
        (t) => b.templates.set(k.name, t),
        () => b.broken.templates.add(k.name),
      );
    case "service":
      return addService(
        b,
        key,
        k.name,
        decodeService(key, source, {
          type: k.type,
          name: k.name,
          secrets: ctx.secrets,
          serviceTypes: ctx.serviceTypes,
          limits,
        }),
      );
    case "subscriptions":
      return take(b, decodeSubscriptions(source, { limits }), (s) => {
        b.subscriptions = s.subscriptions;
        b.refs.triggers.push({ key, refs: s.triggers });
        b.refs.services.push({ key, refs: s.services });
      });
    case "defaultTriggers":
      return take(b, decodeDefaultTriggers(key, source, { limits }), (refs) => {
        b.defaultTriggers = refs.map((r) => r.name);
        b.refs.triggers.push({ key, refs });
      });
    case "serviceDefaultTriggers":
      return take(b, decodeDefaultTriggers(key, source, { limits }), (refs) => {
        b.serviceDefaultTriggers.set(k.service, refs.map((r) => r.name));
        b.refs.triggers.push({ key, refs });
      });
    case "context":
      return take(b, decodeContext(source, { limits }), (c) => (b.context = c));
  }
}

/** Why a trigger is left out, as a clause. */
function whyLeftOut(errors: readonly Diagnostic[]): string {
  if (errors.length > 0 && errors.every((d) => d._tag === "ExprCompile")) return "its condition does not compile";
  if (errors.length > 0 && errors.every((d) => d.message.endsWith(sendsNothing))) {
    return "none of its conditions sends a template";
  }
  return "it has errors";
}

function addService(b: Builder, key: string, name: string, result: Decoded<ServiceConfig>): void {
  take(b, result, (s) => {
    const first = b.serviceKeys.get(s.name);
    if (first !== undefined) {
      b.diagnostics.push(
        diagnostic(
          "InvalidKey",
          `the service name "${s.name}" is already taken by "${first}", so this one is left out`,
          { key },
        ),
      );
      return;
    }
    b.serviceKeys.set(s.name, key);
    b.services.set(s.name, s);
  }, () => b.broken.services.add(name));
}

function checkRefs(b: Builder): void {
  const budget = { left: hintBudget };
  const check = (
    groups: Refs[keyof Refs],
    what: "template" | "trigger" | "service",
    known: ReadonlyMap<string, unknown>,
    whyBroken: (name: string) => string | undefined,
  ): void => {
    const tag = what === "template" ? "UnknownTemplate" : what === "trigger" ? "UnknownTrigger" : "UnknownService";
    const hint = boundedHints([...known.keys()], budget);
    for (const { key, refs } of groups) {
      for (const r of refs) {
        if (known.has(r.name)) continue;
        const why = whyBroken(r.name);
        const message = why !== undefined
          ? `${what} "${r.name}" is left out because ${why}`
          : `${what} "${r.name}" is not configured`;
        b.diagnostics.push(diagnostic(tag, message, {
          severity: "warning",
          key,
          line: r.line,
          column: r.column,
          hint: why !== undefined ? undefined : hint(r.name),
        }));
      }
    }
  };
  const hasErrors = (broken: ReadonlySet<string>) => (name: string) => broken.has(name) ? "it has errors" : undefined;
  check(b.refs.templates, "template", b.templates, hasErrors(b.broken.templates));
  check(b.refs.triggers, "trigger", b.triggers, (name) => b.broken.triggers.get(name));
  check(b.refs.services, "service", b.services, hasErrors(b.broken.services));
}
