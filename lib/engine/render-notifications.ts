/**
 * Notifications without a condition: templates rendered for destinations, as a decision renders them, with nothing
 * recorded in a notified state. What Argo Rollouts does for the event of a trigger, and `template notify` previews.
 * @module
 */
import type { Config } from "../config/mod.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { stateKey } from "../state/mod.ts";
import type { Destination } from "../subscriptions/mod.ts";
import type { Explanation } from "./explanation.ts";
import type { Notification } from "./notification.ts";
import { planFor } from "./_plan-for.ts";
import { renderDestination, type RenderScope } from "./_render.ts";
import { readResource } from "./resource.ts";
import { givenSources, readSources, startTrace } from "./_trace.ts";

/** Inputs of {@linkcode renderNotifications} besides the resource and the configuration. */
export interface RenderNotificationsOptions {
  /** The current time, unix milliseconds: what `time.Now()` and sprig's `now` return. */
  readonly now: number;
  /** The trigger the notifications are for: their `trigger`, and (without `to`) whose subscriptions are read. */
  readonly trigger: string;
  /** The templates to render, in order, merged for each destination as a condition's `send` is. */
  readonly send: readonly string[];
  /** The destinations; by default the resource's subscriptions to `trigger` (annotations, labels, configuration). */
  readonly to?: readonly Destination[];
  /** The condition key in the notifications' state keys (`[0].<hash>`); empty by default. */
  readonly conditionKey?: string;
  /** The name the resource has in templates (`cert`, `app`); `obj` by default. */
  readonly resourceName?: string;
  /** Host variables for templates (see `EvaluateOptions.vars`). */
  readonly vars?: Readonly<Record<string, unknown>>;
  /** The annotation prefix, `notifications.argoproj.io` by default. */
  readonly annotationPrefix?: string;
  /** The namespace of a self-service configuration, in the state keys. */
  readonly apiNamespace?: string;
  /** Whether to explain what became of each destination. */
  readonly explain?: boolean;
}

/** What {@linkcode renderNotifications} produces. */
export interface RenderedNotifications {
  /** One notification per destination that rendered, in destination order. */
  readonly notifications: readonly Notification[];
  /** What went wrong: a destination whose service is not configured, a template that failed, a bad resource. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Renders templates for destinations, with no condition and no notified state: every destination whose service is
 * configured and whose templates render gets a notification. The content is what `evaluate` would send for a
 * condition that sends these templates.
 *
 * @param resource The resource, any JSON-like value.
 * @param config The decoded configuration.
 * @param options The time, the trigger, the templates, and optionally the destinations and whether to explain.
 * @returns The notifications and diagnostics; with `explain`, the explanation too.
 * @example A preview for one recipient
 * ```ts
 * import { decodeConfig, renderNotifications } from "../../mod.ts";
 * import { expect } from "expect";
 *
 * const { config } = decodeConfig({ data: { "template.hi": "message: hi {{.obj.name}}", "service.slack": "token: xoxb-1" } });
 * const r = renderNotifications({ name: "web" }, config, {
 *   now: 0,
 *   trigger: "preview",
 *   send: ["hi"],
 *   to: [{ service: "slack", recipient: "ops" }],
 * });
 * expect(r.notifications.map((n) => n.content.message)).toEqual(["hi web"]);
 * ```
 */
export function renderNotifications(
  resource: unknown,
  config: Config,
  options: RenderNotificationsOptions & { readonly explain: true },
): RenderedNotifications & { readonly explanation: Explanation };
export function renderNotifications(
  resource: unknown,
  config: Config,
  options: RenderNotificationsOptions,
): RenderedNotifications;
export function renderNotifications(
  resource: unknown,
  config: Config,
  options: RenderNotificationsOptions,
): RenderedNotifications | RenderedNotifications & { readonly explanation: Explanation } {
  const diagnostics: Diagnostic[] = [];
  const notifications: Notification[] = [];
  const trace = options.explain === true ? startTrace(config) : undefined;
  const done = (): RenderedNotifications | RenderedNotifications & { readonly explanation: Explanation } => {
    const rendered = { notifications, diagnostics };
    return trace === undefined ? rendered : { ...rendered, explanation: trace.done() };
  };
  const meta = readResource(resource, diagnostics);
  if (meta === undefined) {
    trace?.sources(givenSources(config, options.to !== undefined));
    return done();
  }
  const plan = planFor(config);
  const scope = { prefix: options.annotationPrefix, apiNamespace: options.apiNamespace };
  let to = options.to;
  if (to === undefined) {
    const planned = plan.subscriptionsOf({ uid: meta.uid, annotations: meta.annotations, labels: meta.labels }, scope);
    for (const d of planned.diagnostics) diagnostics.push(d);
    to = planned.triggers.find((p) => p.name === options.trigger)?.destinations ?? [];
  }
  trace?.sources(options.to !== undefined ? givenSources(config, true) : readSources(meta, config, scope.prefix));
  if (to.length === 0) trace?.notSubscribed(options.trigger);
  const render: RenderScope = { config, options, plan, resource: meta.object };
  const key = `trigger.${options.trigger}`;
  for (const destination of to) {
    const parts = { trigger: options.trigger, conditionKey: options.conditionKey ?? "", destination };
    const id = stateKey(options.apiNamespace !== undefined ? { ...parts, apiNamespace: options.apiNamespace } : parts);
    const rendered = renderDestination(render, options.send, { destination, key, diagnostics });
    if ("_tag" in rendered) {
      trace?.rendered(options.trigger, destination, rendered, id);
      continue;
    }
    trace?.rendered(options.trigger, destination, { _tag: "Sent", notification: notifications.length }, id);
    notifications.push({
      trigger: options.trigger,
      conditionKey: parts.conditionKey,
      stateKey: id,
      destination,
      serviceType: rendered.serviceType,
      templates: options.send,
      content: rendered.content,
    });
  }
  return done();
}
