/**
 * A controller on a memory source, a memory state store and a loopback webhook receiver, for the loop's tests: the
 * same `createController` the command runs, only the sources and the store are in memory.
 */
import { type ConfigHolder, createConfigHolder } from "../../lib/shell/controller/config-holder.ts";
import { type Controller, type ControllerOptions, createController } from "../../lib/shell/controller/controller.ts";
import { createMemorySource, type MemorySource } from "../../lib/shell/controller/memory-source.ts";
import { createMemoryStateStore, type StateStore } from "../../lib/shell/controller/state-store.ts";
import { type ControllerMetrics, createControllerMetrics } from "../../lib/shell/metrics.ts";
import type { Schedule } from "../../lib/shell/controller/work-queue.ts";
import { fakeIO } from "./delivery.ts";

/** The webhook configuration the loop's tests use: `on-ready` fires when `status.ready`, posting the name. */
export function webhookConfig(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "trigger.on-ready": "- when: foo.status.ready == true\n  send: [ready]",
    "template.ready":
      "message: '{{.foo.metadata.name}} is ready'\nwebhook:\n  hook:\n    method: POST\n    path: /{{.foo.metadata.name}}\n    body: '{{.foo.metadata.name}}'\n",
    "service.webhook.hook": `url: ${url}\ndelivery:\n  maxAttempts: 1\n`,
    ...extra,
  };
}

/** A `Foo` subscribed to `on-ready` on the `hook` webhook. */
export function foo(name: string, ready: boolean, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: "dummy.example.org/v1",
    kind: "Foo",
    metadata: {
      name,
      namespace: "ns",
      uid: `uid-${name}`,
      annotations: { "notifications.argoproj.io/subscribe.on-ready.hook": "" },
    },
    status: { ready },
    ...extra,
  };
}

export interface Harness {
  readonly source: MemorySource;
  readonly store: StateStore & { readonly entries: ReadonlyMap<string, string>; writes: number };
  readonly holder: ConfigHolder;
  readonly controller: Controller;
  readonly metrics: ControllerMetrics;
  /** Backoff delays the controller asked for, in order. */
  readonly delays: number[];
}

/** Starts a controller whose backoff runs at once (the delays asked for are recorded, not waited). */
export async function startHarness(
  data: Record<string, string>,
  overrides: Partial<ControllerOptions> = {},
): Promise<Harness> {
  const source = createMemorySource("foos", "foo");
  const store = createMemoryStateStore();
  const holder = createConfigHolder({ namespace: "ops" });
  holder.update("ops", { configMap: { data } });
  const metrics = createControllerMetrics();
  const delays: number[] = [];
  const schedule: Schedule = (run, ms) => {
    delays.push(ms);
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  };
  const controller = createController({
    sources: [source],
    configs: holder,
    store,
    io: fakeIO(),
    metrics,
    schedule,
    ...overrides,
  });
  await controller.start();
  return { source, store, holder, controller, metrics, delays };
}
