/**
 * The controller's loop on a memory source and store, delivering to a real loopback webhook receiver: once per
 * condition, failed deliveries (oncePer included) retried and never recorded, a failed state write retried without
 * sending again, hooks, bad resources.
 */
import { describe, expect, it } from "vitest";
import { withLoopback } from "../../_helpers/loopback.ts";
import { foo, startHarness, webhookConfig } from "../../_helpers/controller.ts";
import type { PassEvent } from "../../../lib/shell/controller/hooks.ts";
import { createMemoryStateStore, type StateStore } from "../../../lib/shell/controller/state-store.ts";
import { createLog } from "../../../lib/shell/log.ts";

const STATE = /^\{"on-ready:\[0\]\.[\w-]{27}:hook:":\d+\}$/;

describe("createController", () => {
  it("delivers once when the condition turns true, and not again on later updates", async () => {
    await withLoopback(() => ({}), async (server) => {
      const h = await startHarness(webhookConfig(server.url));
      h.source.put(foo("a", false));
      await h.controller.idle();
      expect(server.requests).toEqual([]);
      h.source.put(foo("a", true));
      await h.controller.idle();
      h.source.put(foo("a", true, { spec: { changed: 1 } }));
      await h.controller.idle();
      expect(server.requests.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(["POST /a a"]);
      expect(h.store.entries.get("uid-a")).toMatch(STATE);
      expect(h.store.writes).toBe(1);
      expect(await h.metrics.registry.getSingleMetricAsString("notifications_deliveries_total")).toContain(
        'notifications_deliveries_total{trigger="on-ready",service="hook",succeeded="true"} 1',
      );
      await h.controller.stop();
    });
  });

  it("notifies again after the condition went false and true again", async () => {
    await withLoopback(() => ({}), async (server) => {
      const h = await startHarness(webhookConfig(server.url));
      for (const ready of [true, false, true]) {
        h.source.put(foo("a", ready, { spec: { ready } }));
        await h.controller.idle();
      }
      expect(server.requests.map((r) => r.path)).toEqual(["/a", "/a"]);
      await h.controller.stop();
    });
  });

  it("retries a delivery that failed twice with a growing backoff, and delivers it once", async () => {
    await withLoopback((_r, i) => ({ status: i < 2 ? 500 : 200 }), async (server) => {
      const h = await startHarness(webhookConfig(server.url));
      h.source.put(foo("a", true));
      await h.controller.idle({ delayed: true });
      expect(server.requests.map((r) => r.path)).toEqual(["/a", "/a", "/a"]);
      expect(h.delays).toEqual([1000, 2000]);
      expect(h.store.entries.get("uid-a")).toMatch(STATE);
      const text = await h.metrics.registry.getSingleMetricAsString("notifications_deliveries_total");
      expect(text).toContain('succeeded="false"} 2');
      expect(text).toContain('succeeded="true"} 1');
      await h.controller.stop();
    });
  });

  it("retries a failed oncePer delivery (the Go engine never does) and records it once delivered", async () => {
    await withLoopback((_r, i) => ({ status: i === 0 ? 503 : 200 }), async (server) => {
      const data = webhookConfig(server.url, {
        "trigger.on-ready": "- when: foo.status.ready == true\n  oncePer: foo.spec.version\n  send: [ready]",
      });
      const h = await startHarness(data);
      h.source.put(foo("a", true, { spec: { version: "v1" } }));
      await h.controller.idle({ delayed: true });
      expect(server.requests).toHaveLength(2);
      expect(Object.keys(JSON.parse(h.store.entries.get("uid-a")!))).toEqual([expect.stringMatching(/^v1:on-ready:/)]);
      await h.controller.stop();
    });
  });

  it("a failed state write is retried from the unsaved state: nothing is sent twice", async () => {
    await withLoopback(() => ({}), async (server) => {
      const memory = createMemoryStateStore();
      let failures = 2;
      const flaky: StateStore = {
        ...memory,
        name: "flaky",
        write: (target, state) =>
          failures-- > 0
            ? Promise.resolve({ _tag: "StoreFailure", message: "conflict", retryable: true, status: 409 })
            : memory.write(target, state),
      };
      const h = await startHarness(webhookConfig(server.url), { store: flaky });
      h.source.put(foo("a", true));
      await h.controller.idle({ delayed: true });
      expect(server.requests).toHaveLength(1);
      expect(h.delays).toEqual([1000, 2000]);
      expect(memory.entries.get("uid-a")).toMatch(STATE);
      await h.controller.stop();
    });
  });

  it("runs the hooks: skipProcessing, alterDestinations, onPass", async () => {
    await withLoopback(() => ({}), async (server) => {
      const events: PassEvent[] = [];
      const h = await startHarness(webhookConfig(server.url), {
        hooks: {
          skipProcessing: (r) => ((r["metadata"] as { name: string }).name === "skipped" ? "paused" : undefined),
          alterDestinations: (_r, destinations) =>
            new Map([...destinations].map(([t, ds]) => [t, [...ds, ...ds, { service: "hook", recipient: "extra" }]])),
          onPass: (e) => events.push(e),
        },
      });
      h.source.put(foo("skipped", true));
      h.source.put(foo("a", true));
      await h.controller.idle();
      expect(server.requests.map((r) => r.path)).toEqual(["/a", "/a"]);
      const byKey = Object.fromEntries(events.map((e) => [e.key, e]));
      expect(byKey["foos/ns/skipped"]?.skipped).toBe("paused");
      expect(byKey["foos/ns/a"]?.delivered.map((n) => n.destination.recipient)).toEqual(["", "extra"]);
      expect(byKey["foos/ns/a"]?.persisted).toBe(true);
      await h.controller.stop();
    });
  });

  it("logs a resource's diagnostics once (not on every pass) and keeps processing the others", async () => {
    await withLoopback(() => ({}), async (server) => {
      const lines: string[] = [];
      const log = createLog({ write: (l) => lines.push(l) });
      const h = await startHarness(webhookConfig(server.url), { log });
      const broken = foo("broken", true);
      (broken["metadata"] as Record<string, unknown>)["annotations"] = {
        "notifications.argoproj.io/subscriptions": "- trigger: [on-ready\n",
      };
      h.source.put(broken);
      h.source.put({ ...broken, spec: { v: 2 } });
      h.source.put(foo("a", true));
      await h.controller.idle();
      expect(server.requests.map((r) => r.path)).toEqual(["/a"]);
      const warnings = lines.map((l) => JSON.parse(l) as { resource?: string; level: number }).filter((l) =>
        l.resource === "foos/ns/broken"
      );
      expect(warnings).toHaveLength(1);
      await h.controller.stop();
    });
  });
});
