/**
 * The decision: given a resource, the configuration, its subscriptions and what was already notified, which
 * notifications go out now and what the notified state becomes. Pure: time comes in as `now`.
 * @module
 */
import { type Condition, type Config, type Plan, planConfig, type PlannedTrigger } from "../config/mod.ts";
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import { formatOncePerWithin, type RunOptions } from "../expr/mod.ts";
import { draftState, readNotifiedState, truncateNotifiedState } from "../state/mod.ts";
import type { NotifiedState, StateDraft } from "../state/mod.ts";
import type { Destination, Destinations } from "../subscriptions/mod.ts";
import { mergeRendered, type RenderedContent } from "../templates/mod.ts";
import type { Notification } from "./notification.ts";
import { readResource } from "./resource.ts";

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
   * Host variables for expressions and templates (Argo CD's `appProject`, …). Expressions and templates also see the
   * configuration's helpers (`config.helpers`: Argo CD's `time` and `strings` with the package entry's
   * `decodeConfig`, `time.Now()` being `now`); a host variable of the same name wins in templates, the helper in
   * expressions (as in Argo CD).
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

/** One decision in progress: its inputs and what it found so far. */
interface Pass {
  readonly config: Config;
  readonly options: EvaluateOptions;
  /** The options of every expression run. */
  readonly run: RunOptions;
  /** The configuration's plan (or the one made for a copy of it). */
  plan: Plan;
  /** The resource, as expressions and templates see it. */
  resource: Readonly<Record<string, unknown>>;
  state: StateDraft;
  readonly notifications: Notification[];
  readonly diagnostics: Diagnostic[];
  /**
   * The variables of expressions: the configuration's context, host variables, the resource, then the host's helpers
   * (a helper wins over a host variable in expressions, as in Argo CD).
   */
  exprVars: Readonly<Record<string, unknown>>;
  /** The variables of templates: the helpers, then the rest (there a host variable wins); made at the first render. */
  templateVars?: Readonly<Record<string, unknown>>;
}

/** Where a condition stands in its trigger, with its destinations and their state keys. */
interface At {
  readonly planned: PlannedTrigger;
  readonly index: number;
  readonly condition: Condition;
  /** `trigger.<name>`, the key of its diagnostics. */
  readonly key: string;
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
  const pass: Pass = {
    config,
    options,
    run: { now: options.now, limits: config.limits },
    state: draftState(options.state ?? {}),
    plan: config.plan,
    resource: {},
    notifications: [],
    diagnostics: [],
    exprVars: {},
  };
  try {
    decide(pass, resource);
  } catch (e) {
    pass.diagnostics.push(engineLimit(e, {}));
  }
  return {
    notifications: pass.notifications,
    state: truncateNotifiedState(pass.state.done()),
    diagnostics: pass.diagnostics,
  };
}

function decide(pass: Pass, resource: unknown): void {
  const { config, options, diagnostics } = pass;
  const meta = readResource(resource, diagnostics);
  const scope = { prefix: options.annotationPrefix, apiNamespace: options.apiNamespace };
  if (options.state === undefined) {
    const decoded = readNotifiedState(meta?.annotations, {
      limits: config.limits,
      ...(scope.prefix !== undefined ? { prefix: scope.prefix } : {}),
    });
    for (const d of decoded.diagnostics) diagnostics.push(d);
    pass.state = draftState(decoded.state);
  }
  if (meta === undefined) return;

  const plan = pass.plan = planFor(config);
  pass.resource = meta.object;
  const planned = options.subscriptions !== undefined
    ? plan.destinationsOf(options.subscriptions, { ...scope, uid: meta.uid })
    : plan.subscriptionsOf({ uid: meta.uid, annotations: meta.annotations, labels: meta.labels }, scope);
  for (const d of planned.diagnostics) diagnostics.push(d);

  pass.exprVars = {
    context: config.context,
    ...options.vars,
    [options.resourceName ?? "obj"]: meta.object,
    ...plan.helpersAt(options.now),
  };
  for (const p of planned.triggers) {
    const trigger = p.trigger;
    if (trigger === undefined) {
      diagnostics.push(unknownTrigger(p.name, plan.source.brokenTriggers.get(p.name)));
      continue;
    }
    const key = `trigger.${trigger.name}`;
    const conditions = trigger.conditions;
    for (let index = 0; index < conditions.length; index++) {
      try {
        runCondition(pass, { planned: p, index, condition: conditions[index]!, key });
      } catch (e) {
        diagnostics.push(engineLimit(e, { key }));
      }
    }
  }
}

/** The configuration's plan, or a new one when the configuration is a copy with other planned parts. */
function planFor(config: Config): Plan {
  const plan = config.plan;
  const s = plan.source;
  if (
    s.triggers === config.triggers && s.subscriptions === config.subscriptions && s.limits === config.limits &&
    s.defaultTriggers === config.defaultTriggers && s.serviceDefaultTriggers === config.serviceDefaultTriggers &&
    s.helpers === config.helpers
  ) return plan;
  return planConfig({ ...config, brokenTriggers: s.brokenTriggers });
}

function unknownTrigger(name: string, why: string | undefined): Diagnostic {
  const message = why === undefined
    ? `a subscription names the trigger "${name}", which is not configured`
    : `a subscription names the trigger "${name}", which is left out because ${why}`;
  return diagnostic("UnknownTrigger", message, { key: `trigger.${name}` });
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

function runCondition(pass: Pass, at: At): void {
  const { planned, index, condition, key } = at;
  const result = condition.compiledWhen.run(pass.exprVars, pass.run);
  if (result._tag === "Left") pass.diagnostics.push({ ...result.left, key });
  if (result._tag === "Left" || result.right !== true) {
    for (const k of planned.keys[index]!) pass.state.clear(k);
    return;
  }
  const oncePer = runOncePer(pass, at);
  const keys = oncePer === undefined || oncePer === "" ? planned.keys[index]! : planned.keysOncePer(index, oncePer);
  const destinations = planned.destinations;
  for (let j = 0; j < destinations.length; j++) {
    const stateKey = keys[j]!;
    if (pass.state.has(stateKey)) continue;
    const destination = destinations[j]!;
    const service = pass.config.services.get(destination.service);
    if (service === undefined) {
      pass.diagnostics.push(
        diagnostic("UnknownService", `the service "${destination.service}" is not configured`, {
          key,
          hint: `add service.${destination.service} to the ConfigMap`,
        }),
      );
      continue;
    }
    const content = render(pass, at, { destination, serviceType: service.type });
    if (content === undefined) continue;
    pass.state.mark(stateKey, Math.floor(pass.options.now / 1000));
    pass.notifications.push({
      trigger: planned.name,
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
function runOncePer(pass: Pass, at: At): string | undefined {
  const compiled = at.condition.compiledOncePer;
  if (compiled === undefined) return undefined;
  const result = compiled.run(pass.exprVars, pass.run);
  const text = result._tag === "Left" ? result : formatOncePerWithin(result.right, pass.config.limits);
  if (text._tag === "Left") {
    pass.diagnostics.push({ ...text.left, key: at.key, severity: "warning" });
    return undefined;
  }
  return text.right;
}

/** Renders the condition's templates for one destination and merges them; `undefined` after a diagnostic. */
function render(
  pass: Pass,
  at: At,
  to: { readonly destination: Destination; readonly serviceType: string },
): RenderedContent | undefined {
  const { config, options } = pass;
  const vars = pass.templateVars ??= {
    ...pass.plan.helpersAt(options.now),
    context: config.context,
    ...options.vars,
    [options.resourceName ?? "obj"]: pass.resource,
  };
  const destinationVars = {
    ...vars,
    serviceType: to.destination.service,
    recipient: to.destination.recipient,
  };
  const contents: RenderedContent[] = [];
  for (const name of at.condition.send) {
    const template = config.templates.get(name);
    if (template === undefined) {
      pass.diagnostics.push(
        diagnostic("UnknownTemplate", `the condition sends the template "${name}", which is not configured`, {
          key: at.key,
        }),
      );
      return undefined;
    }
    const rendered = template.render(destinationVars, {
      now: options.now,
      service: to.serviceType,
      limits: config.limits,
    });
    if (rendered._tag === "Left") {
      pass.diagnostics.push({ ...rendered.left, key: `template.${name}` });
      return undefined;
    }
    contents.push(rendered.right);
  }
  return mergeRendered(contents, config.blocks);
}
