/**
 * One pass over one resource: evaluate with each configuration in force, deliver in order, un-record what failed,
 * persist the new state. Private to the controller.
 * @module
 */
import {
  clearNotified,
  type Config,
  type Destination,
  type Destinations,
  type Diagnostic,
  encodeNotifiedState,
  evaluate,
  type Notification,
  type NotifiedState,
  resolveDestinations,
} from "../../../mod.ts";
import { deliver } from "../deliver.ts";
import type { DeliveryIO } from "../delivery-io.ts";
import type { Log } from "../log.ts";
import type { ControllerMetrics } from "../metrics.ts";
import type { ConfigHolder, ConfigUse } from "./config-holder.ts";
import type { ControllerHooks, PassEvent } from "./hooks.ts";
import { type ObjectRef, objectRef, type ResourceObject, type Source } from "./source.ts";
import type { StateStore, StateTarget } from "./state-store.ts";

/** What a pass needs from the controller. */
export interface PassContext {
  readonly configs: Pick<ConfigHolder, "configsFor">;
  readonly store: StateStore;
  readonly io: DeliveryIO;
  readonly now?: () => number;
  readonly hooks?: ControllerHooks;
  readonly metrics?: ControllerMetrics;
  readonly log?: Log;
  readonly annotationPrefix?: string;
  readonly owns: (ref: ObjectRef) => boolean;
  readonly unsaved: Map<string, NotifiedState>;
  readonly report: (diagnostics: readonly Diagnostic[]) => void;
}

/** How a pass ended: done, or the resource must come back later (and why). */
export type PassOutcome = "done" | "skipped" | "retry-delivery" | "retry-store" | "retry-error";

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function dedupe(destinations: Destinations): Destinations {
  const out = new Map<string, Destination[]>();
  for (const [trigger, list] of destinations) {
    const seen = new Set<string>();
    out.set(
      trigger,
      list.filter((d) => {
        const id = `${d.service}\n${d.recipient}`;
        return seen.has(id) ? false : (seen.add(id), true);
      }),
    );
  }
  return out;
}

/** Whether any condition of `trigger` holds a key in `state` (it was true in this pass, or is recorded). */
function triggered(state: NotifiedState, config: Config, trigger: string): boolean {
  const conditions = config.triggers.get(trigger)?.conditions ?? [];
  const keys = Object.keys(state);
  return conditions.some((c) => {
    const part = `${trigger}:${c.key}:`;
    return keys.some((k) => k.startsWith(part) || k.includes(`:${part}`));
  });
}

interface Decided {
  readonly notifications: { readonly notification: Notification; readonly use: ConfigUse }[];
  readonly state: NotifiedState;
  readonly diagnostics: Diagnostic[];
}

function decide(
  object: ResourceObject,
  source: Source,
  uses: readonly ConfigUse[],
  start: NotifiedState,
  now: number,
  ctx: PassContext,
): Decided {
  const metadata = (object["metadata"] ?? {}) as { annotations?: unknown; labels?: unknown };
  const annotations = typeof metadata.annotations === "object"
    ? metadata.annotations as Record<string, unknown>
    : undefined;
  const labels = typeof metadata.labels === "object" ? metadata.labels as Record<string, unknown> : undefined;
  const prefix = ctx.annotationPrefix !== undefined ? { prefix: ctx.annotationPrefix } : {};
  const diagnostics: Diagnostic[] = [];
  const notifications: Decided["notifications"][number][] = [];
  let state = start;
  for (const use of uses) {
    const resolved = resolveDestinations(annotations, labels, use.config, prefix);
    for (const d of resolved.diagnostics) diagnostics.push(d);
    let destinations = resolved.destinations;
    if (ctx.hooks?.alterDestinations !== undefined) {
      try {
        destinations = dedupe(ctx.hooks.alterDestinations(object, destinations, use.config));
      } catch (e) {
        ctx.log?.error(`the alterDestinations hook failed: ${messageOf(e)}`);
      }
    }
    const decision = evaluate(object, use.config, {
      now,
      state,
      subscriptions: destinations,
      resourceName: source.resourceName,
      ...(ctx.annotationPrefix !== undefined ? { annotationPrefix: ctx.annotationPrefix } : {}),
      ...(use.apiNamespace !== undefined ? { apiNamespace: use.apiNamespace } : {}),
    });
    for (const d of decision.diagnostics) diagnostics.push(d);
    for (const n of decision.notifications) notifications.push({ notification: n, use });
    for (const trigger of destinations.keys()) {
      if (!use.config.triggers.has(trigger)) continue;
      ctx.metrics?.triggerEvals.inc({
        name: trigger,
        triggered: String(triggered(decision.state, use.config, trigger)),
      });
    }
    state = decision.state;
  }
  if (uses.length < 2) return { notifications, state, diagnostics };
  // Self-service: a trigger that one of the configurations has is not unknown because another lacks it.
  const known = (d: Diagnostic): boolean =>
    d._tag === "UnknownTrigger" && d.key !== undefined &&
    uses.some((u) => u.config.triggers.has(d.key!.slice("trigger.".length)));
  return { notifications, state, diagnostics: diagnostics.filter((d) => !known(d)) };
}

/**
 * Runs one pass over the resource under `key`.
 * @param key the queue key
 * @param source the resource's source
 * @param ctx the controller's parts
 * @returns how it ended
 */
export async function runPass(key: string, source: Source, ctx: PassContext): Promise<PassOutcome> {
  const object = source.get(key);
  if (object === undefined) {
    ctx.unsaved.delete(key);
    return "done";
  }
  const ref = objectRef(object);
  if (ref === undefined) return "skipped";
  if (!ctx.owns(ref)) {
    // Another replica owns it now and reads the recorded state; what this one could not write is dropped.
    ctx.unsaved.delete(key);
    return "skipped";
  }
  ctx.metrics?.passes.inc();
  const event = (e: Omit<PassEvent, "key" | "resource">): void => {
    try {
      ctx.hooks?.onPass?.({ key, resource: object, ...e });
    } catch (err) {
      ctx.log?.error(`the onPass hook failed: ${messageOf(err)}`, { resource: key });
    }
  };
  let skip: string | undefined;
  try {
    skip = ctx.hooks?.skipProcessing?.(object);
  } catch (e) {
    ctx.log?.error(`the skipProcessing hook failed: ${messageOf(e)}`, { resource: key });
  }
  if (skip !== undefined) {
    ctx.metrics?.resourceProblems.inc({ reason: "skipped" });
    event({ skipped: skip, delivered: [], failed: [], persisted: true, diagnostics: [] });
    return "skipped";
  }
  const uses = ctx.configs.configsFor(ref.namespace);
  if (uses.length === 0) return "retry-error";

  const target: StateTarget = { key, source, object, ref };
  const pending = ctx.unsaved.get(key);
  let recorded: NotifiedState;
  try {
    recorded = pending ?? await ctx.store.read(target);
  } catch (e) {
    ctx.log?.warn(`cannot read the notified state: ${messageOf(e)}`, { resource: key, store: ctx.store.name });
    return "retry-store";
  }
  const now = (ctx.now ?? ctx.io.now)();
  const decided = decide(object, source, uses, recorded, now, ctx);
  ctx.report(decided.diagnostics);

  let state = decided.state;
  const delivered: Notification[] = [];
  const failed: { notification: Notification; cause: string }[] = [];
  for (const { notification, use } of decided.notifications) {
    if (!ctx.owns(ref)) {
      state = clearNotified(state, notification.stateKey).state;
      failed.push({ notification, cause: "this replica no longer owns the resource's shard" });
      continue;
    }
    const started = ctx.io.now();
    const idempotencyKey = `${ref.uid ?? key}:${ref.resourceVersion ?? ""}:${notification.stateKey}`;
    const outcome = await deliver({ ...notification, idempotencyKey }, use.config, ctx.io);
    const succeeded = String(outcome._tag === "Delivered");
    ctx.metrics?.deliveries.inc({
      trigger: notification.trigger,
      service: notification.destination.service,
      succeeded,
    });
    ctx.metrics?.deliveryDuration.observe(
      { service: notification.destination.service, succeeded },
      (ctx.io.now() - started) / 1000,
    );
    if (outcome._tag === "Delivered") {
      delivered.push(notification);
      continue;
    }
    // Un-recorded even for oncePer, which the Go engine never retries.
    state = clearNotified(state, notification.stateKey).state;
    failed.push({ notification, cause: outcome.cause });
    ctx.log?.warn("delivery failed", {
      resource: key,
      trigger: notification.trigger,
      service: notification.destination.service,
      recipient: notification.destination.recipient,
      retryable: outcome.retryable,
      cause: outcome.cause,
    });
  }
  for (const n of delivered) {
    ctx.log?.info("notification delivered", {
      resource: key,
      trigger: n.trigger,
      service: n.destination.service,
      recipient: n.destination.recipient,
    });
  }

  const persisted = await persist(target, recorded, state, pending !== undefined, ctx);
  event({ delivered, failed, persisted, diagnostics: decided.diagnostics });
  if (!persisted) return "retry-store";
  return failed.length > 0 ? "retry-delivery" : "done";
}

async function persist(
  target: StateTarget,
  recorded: NotifiedState,
  state: NotifiedState,
  dirty: boolean,
  ctx: PassContext,
): Promise<boolean> {
  if (!dirty && encodeNotifiedState(state) === encodeNotifiedState(recorded)) return true;
  let failure: { message: string } | undefined;
  try {
    failure = await ctx.store.write(target, state);
  } catch (e) {
    failure = { message: messageOf(e) };
  }
  ctx.metrics?.stateWrites.inc({ store: ctx.store.name, succeeded: String(failure === undefined) });
  if (failure === undefined) {
    ctx.unsaved.delete(target.key);
    return true;
  }
  ctx.unsaved.set(target.key, state);
  ctx.log?.warn(`cannot write the notified state: ${failure.message}`, { resource: target.key, store: ctx.store.name });
  return false;
}
