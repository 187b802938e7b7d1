/**
 * The decision: given a resource, the configuration, its subscriptions and what was already notified, which
 * notifications go out now and what the notified state becomes. Pure: time comes in as `now`.
 * @module
 */
import type { Condition, Config, Trigger } from "../config/config.ts";
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import { formatOncePerWithin } from "../expr/mod.ts";
import { makeStringsHelpers, stringsHelpers } from "../expr/helpers/strings.ts";
import { defaultLimits } from "../limits.ts";
import { timeHelpers } from "../expr/helpers/time.ts";
import { draftState, readNotifiedState, stateKey, truncateNotifiedState } from "../state/mod.ts";
import type { NotifiedState, StateDraft } from "../state/mod.ts";
import type { Destination, Destinations } from "../subscriptions/destination.ts";
import { resolveDestinations } from "../subscriptions/resolve.ts";
import { mergeRendered, type RenderedContent } from "../templates/mod.ts";
import type { Notification } from "./notification.ts";
import { readResource, type ResourceMeta } from "./resource.ts";

/** Inputs of {@linkcode evaluate} besides the resource and the configuration. */
export interface EvaluateOptions {
  /** The current time, unix milliseconds: recorded in the state, and what `time.Now()` and sprig's `now` return. */
  readonly now: number;
  /** What was already notified; by default read from the resource's `notified.<prefix>` annotation. */
  readonly state?: NotifiedState;
  /** Destinations per trigger; by default resolved from the resource's annotations, labels and the configuration. */
  readonly subscriptions?: Destinations;
  /** The name the resource has in expressions and templates (`cert`, `app`); `obj` by default. */
  readonly resourceName?: string;
  /**
   * Host variables for expressions and templates (Argo CD's `appProject`, …). Expressions and templates also see
   * Argo CD's `time` and `strings` helper namespaces (`time.Now()` is `now`); a host variable of the same name wins
   * in templates, the helper in expressions (as in Argo CD).
   */
  readonly vars?: Readonly<Record<string, unknown>>;
  /** The annotation prefix, `notifications.argoproj.io` by default. */
  readonly annotationPrefix?: string;
  /** The namespace of a self-service (namespaced) configuration: it prefixes every state key, as in the Go engine. */
  readonly apiNamespace?: string;
}

/** What {@linkcode evaluate} decides. */
export interface Decision {
  /** The notifications to deliver now, in trigger, condition and destination order. */
  readonly notifications: readonly Notification[];
  /**
   * The notified state after this decision; it already counts every notification above as delivered. Like the Go
   * engine before it writes the annotation, it keeps only the 100 newest entries.
   */
  readonly state: NotifiedState;
  /** Everything that went wrong on the way; each problem only affects its own trigger, condition or destination. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Pass {
  state: StateDraft;
  readonly notifications: Notification[];
  readonly diagnostics: Diagnostic[];
  /** Argo CD's `time` and `strings` helpers for templates, made at the first render. */
  helpers?: { readonly time: unknown; readonly strings: unknown };
}

/**
 * Decides which notifications a resource causes now, as one pass of the Go controller does: for each subscribed
 * trigger and each of its conditions, a condition that is not true clears its destinations in the state (so a later
 * true notifies again), a condition that is true notifies every destination not yet recorded and records it.
 *
 * Nothing is thrown, whatever the input: an unknown trigger, a failing expression, a missing template or service, a
 * failing render, an expression or template passing one of the configuration's `limits` each become a diagnostic and
 * leave only their own notification out (and unrecorded). Recursive walks of the resource are bounded by
 * `maxValueDepth`; should the JavaScript engine's own stack or string limits be reached anyway, that too becomes a
 * `LimitExceeded` diagnostic (for the condition, or for the whole resource) rather than an exception.
 *
 * @param resource The resource, any JSON-like value (usually a Kubernetes object).
 * @param config The decoded configuration (see `decodeConfig`).
 * @param options `now`, and optionally the state, subscriptions, the resource's variable name and host variables.
 * @returns The notifications, the next state and diagnostics.
 */
export function evaluate(resource: unknown, config: Config, options: EvaluateOptions): Decision {
  const pass: Pass = { state: draftState(options.state ?? {}), notifications: [], diagnostics: [] };
  try {
    decide(pass, resource, config, options);
  } catch (e) {
    pass.diagnostics.push(engineLimit(e, {}));
  }
  return { notifications: pass.notifications, state: truncateNotifiedState(pass.state.done()), diagnostics: pass.diagnostics };
}

function decide(pass: Pass, resource: unknown, config: Config, options: EvaluateOptions): void {
  const diagnostics = pass.diagnostics;
  const meta = readResource(resource, diagnostics);
  const prefix = options.annotationPrefix !== undefined ? { prefix: options.annotationPrefix } : {};
  if (options.state === undefined) {
    pass.state = draftState(readState(meta?.annotations, { ...prefix, limits: config.limits }, diagnostics));
  }
  if (meta === undefined) return;

  const destinations = options.subscriptions ?? resolve(meta, config, prefix, diagnostics);

  const vars: Readonly<Record<string, unknown>> = {
    context: config.context,
    ...options.vars,
    [options.resourceName ?? "obj"]: meta.object,
  };
  for (const [name, to] of destinations) {
    const trigger = config.triggers.get(name);
    if (trigger === undefined) {
      diagnostics.push(
        diagnostic("UnknownTrigger", `a subscription names the trigger "${name}", which is not configured`, { key: `trigger.${name}` }),
      );
      continue;
    }
    for (const condition of trigger.conditions) {
      try {
        runCondition(pass, trigger, condition, to, vars, config, options);
      } catch (e) {
        diagnostics.push(engineLimit(e, { key: `trigger.${trigger.name}` }));
      }
    }
  }
}

/**
 * The last resort against the JavaScript engine's own limits (call stack, string and array sizes), which the budgets
 * of the languages are there to keep out of reach: such a `RangeError` becomes a `LimitExceeded` diagnostic. Anything
 * else is a bug and is rethrown.
 */
function engineLimit(e: unknown, at: { readonly key?: string }): Diagnostic {
  if (!(e instanceof RangeError)) throw e;
  return diagnostic("LimitExceeded", `limit exceeded: a limit of the JavaScript engine was reached (${e.message})`, at);
}

function resolve(
  meta: ResourceMeta,
  config: Config,
  prefix: { readonly prefix?: string },
  diagnostics: Diagnostic[],
): Destinations {
  const resolved = resolveDestinations(meta.annotations, meta.labels, config, prefix);
  for (const d of resolved.diagnostics) diagnostics.push(d);
  return resolved.destinations;
}

function readState(
  annotations: Readonly<Record<string, string>> | undefined,
  options: { readonly prefix?: string; readonly limits: Config["limits"] },
  diagnostics: Diagnostic[],
): NotifiedState {
  const decoded = readNotifiedState(annotations, options);
  for (const d of decoded.diagnostics) diagnostics.push(d);
  return decoded.state;
}

function runCondition(
  pass: Pass,
  trigger: Trigger,
  condition: Condition,
  destinations: readonly Destination[],
  vars: Readonly<Record<string, unknown>>,
  config: Config,
  options: EvaluateOptions,
): void {
  const key = `trigger.${trigger.name}`;
  const result = condition.compiledWhen.run(vars, { now: options.now, limits: config.limits });
  if (result._tag === "Left") pass.diagnostics.push({ ...result.left, key });
  const keyOf = (destination: Destination, oncePer?: string): string =>
    stateKey({ trigger: trigger.name, conditionKey: condition.key, destination, oncePer, apiNamespace: options.apiNamespace });

  if (result._tag === "Left" || result.right !== true) {
    for (const d of destinations) pass.state.clear(keyOf(d));
    return;
  }
  const oncePer = runOncePer(pass, key, condition, vars, config, options);
  for (const destination of destinations) {
    const stateKey = keyOf(destination, oncePer);
    if (pass.state.has(stateKey)) continue;
    const service = config.services.get(destination.service);
    if (service === undefined) {
      pass.diagnostics.push(
        diagnostic("UnknownService", `the service "${destination.service}" is not configured`, {
          key,
          hint: `add service.${destination.service} to the ConfigMap`,
        }),
      );
      continue;
    }
    const content = render(pass, key, condition, destination, service.type, vars, config, options);
    if (content === undefined) continue;
    pass.state.mark(stateKey, Math.floor(options.now / 1000));
    pass.notifications.push({
      trigger: trigger.name,
      conditionKey: condition.key,
      stateKey,
      ...(oncePer !== undefined ? { oncePer } : {}),
      destination,
      serviceType: service.type,
      templates: condition.send,
      content,
    });
  }
}

/** Runs `oncePer`: its value formatted like Go's `%v`, or `undefined` when there is none or it fails (as in Go). */
function runOncePer(
  pass: Pass,
  key: string,
  condition: Condition,
  vars: Readonly<Record<string, unknown>>,
  config: Config,
  options: EvaluateOptions,
): string | undefined {
  if (condition.compiledOncePer === undefined) return undefined;
  const result = condition.compiledOncePer.run(vars, { now: options.now, limits: config.limits });
  const text = result._tag === "Left" ? result : formatOncePerWithin(result.right, config.limits);
  if (text._tag === "Left") {
    pass.diagnostics.push({ ...text.left, key, severity: "warning" });
    return undefined;
  }
  return text.right;
}

/** Renders the condition's templates for one destination and merges them; `undefined` after a diagnostic. */
function render(
  pass: Pass,
  key: string,
  condition: Condition,
  destination: Destination,
  serviceType: string,
  vars: Readonly<Record<string, unknown>>,
  config: Config,
  options: EvaluateOptions,
): RenderedContent | undefined {
  const helpers = pass.helpers ??= {
    time: timeHelpers(options.now),
    strings: config.limits === defaultLimits ? stringsHelpers : makeStringsHelpers(config.limits),
  };
  const destinationVars = {
    time: helpers.time,
    strings: helpers.strings,
    ...vars,
    serviceType: destination.service,
    recipient: destination.recipient,
  };
  const contents: RenderedContent[] = [];
  for (const name of condition.send) {
    const template = config.templates.get(name);
    if (template === undefined) {
      pass.diagnostics.push(
        diagnostic("UnknownTemplate", `the condition sends the template "${name}", which is not configured`, { key }),
      );
      return undefined;
    }
    const rendered = template.render(destinationVars, { now: options.now, service: serviceType, limits: config.limits });
    if (rendered._tag === "Left") {
      pass.diagnostics.push({ ...rendered.left, key: `template.${name}` });
      return undefined;
    }
    contents.push(rendered.right);
  }
  return mergeRendered(contents, config.blocks);
}
