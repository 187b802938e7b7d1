/**
 * The controller on a real API server behind a fault-injecting proxy (tests/_helpers/fault-proxy.ts, HTTPS mode, so
 * it sees every request), asserting what a loopback webhook receiver got: a cut watch and a `410 Gone` after etcd
 * compaction force a re-list that neither re-sends nor misses; a provider failing twice then succeeding delivers
 * once; a failed `oncePer` delivery is retried; a state patch that fails (409 Conflict from the proxy, while another
 * writer edits the resource) does not send again.
 */
import { describe, expect, it } from "vitest";
import { KubeConfig } from "@kubernetes/client-node";
import { type Cluster, startCluster } from "../_helpers/cluster.ts";
import { installFooCrd } from "../_helpers/cluster-foo.ts";
import { type FaultProxy, startFaultProxy } from "../_helpers/fault-proxy.ts";
import { type Loopback, type Responder, startLoopback } from "../_helpers/loopback.ts";
import {
  createConfig,
  eventually,
  fooPath,
  hookConfigData,
  hookFoo,
  received,
  settle,
  startFooController,
  STATE_ANNOTATION,
} from "../_helpers/cluster-controller.ts";
import { createKubeClient, type KubeClient } from "../../lib/shell/kubernetes/kube-client.ts";
import type { KubeController } from "../../lib/shell/kubernetes/kube-controller.ts";

const MERGE = "application/merge-patch+json";

interface World {
  readonly cluster: Cluster;
  readonly proxy: FaultProxy;
  readonly receiver: Loopback;
  readonly admin: KubeClient;
  readonly controller: KubeController;
  readonly logs: string[];
  setReady(name: string, ready: boolean, extra?: Record<string, unknown>): Promise<void>;
}

async function withWorld(
  options: {
    respond?: Responder;
    config?: Record<string, string>;
    foos: readonly string[];
    apiServerArgs?: readonly string[];
  },
  body: (w: World) => Promise<void>,
): Promise<void> {
  const cluster = await startCluster(
    options.apiServerArgs !== undefined ? { apiServerArgs: options.apiServerArgs } : {},
  );
  const receiver = await startLoopback(options.respond);
  const proxy = await startFaultProxy(cluster.server, { tls: { ...cluster.serving, caPem: cluster.caPem } });
  let controller: KubeController | undefined;
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    await installFooCrd(kc);
    const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
    await createConfig(cluster, { ...hookConfigData(receiver.url), ...options.config });
    for (const name of options.foos) {
      expect((await admin.request("POST", fooPath(), { body: hookFoo(name) })).ok).toBe(true);
    }
    const logs: string[] = [];
    controller = await startFooController(cluster.writeKubeconfig({ server: proxy.url }), {}, logs);
    await eventually("the controller to be ready", () => controller!.ready());
    const setReady = async (name: string, ready: boolean, extra: Record<string, unknown> = {}): Promise<void> => {
      const r = await admin.request("PATCH", `${fooPath(name)}/status`, {
        body: { status: { ready, ...extra } },
        contentType: MERGE,
      });
      expect(r.ok).toBe(true);
    };
    await body({ cluster, proxy, receiver, admin, controller, logs, setReady });
  } finally {
    await controller?.stop();
    await proxy.close();
    await receiver.close();
    await cluster.stop();
  }
}

const isFooList = (r: { method: string; path: string }): boolean =>
  r.method === "GET" && r.path.startsWith(fooPath() + "?") && !r.path.includes("watch=true");

describe("controller under faults", () => {
  it("a cut watch, an outage and a 410 Gone after compaction: a re-list that neither re-sends nor misses", async () => {
    // The Foo watch cache is off so that etcd serves the watch and answers 410 after compaction (cluster.ts).
    await withWorld(
      { foos: ["a", "b", "c"], apiServerArgs: ["--watch-cache-sizes=foos.dummy.example.org#0"] },
      async (w) => {
        await w.setReady("a", true);
        await eventually("a's notification", () => received(w.receiver).length === 1);

        expect(w.proxy.cut()).toBeGreaterThan(0);
        await w.setReady("b", true);
        await eventually("b's notification after the cut", () => received(w.receiver).length === 2);

        const listsBefore = w.proxy.requests.filter(isFooList).length;
        w.proxy.setOffline(true);
        await w.setReady("c", true);
        await w.admin.request("PATCH", fooPath("a"), { body: { spec: { n: 2 } }, contentType: MERGE });
        await w.cluster.compact();
        await settle(1000);
        w.proxy.setOffline(false);
        await eventually("c's notification after the outage", () => received(w.receiver).length === 3);
        await settle(2000);
        expect(received(w.receiver).sort()).toEqual(["/a", "/b", "/c"]);
        expect(w.proxy.requests.filter(isFooList).length).toBeGreaterThan(listsBefore);
        expect(
          w.proxy.requests.some((r) => r.path.includes("watch=true") && r.path.includes("allowWatchBookmarks=true")),
        ).toBe(true);
      },
    );
  });

  it("a provider failing twice then succeeding delivers once, after two backoffs", async () => {
    await withWorld({ foos: ["a"], respond: (_r, i) => ({ status: i < 2 ? 500 : 200 }) }, async (w) => {
      await w.setReady("a", true);
      await eventually("the third attempt", () => received(w.receiver).length === 3, 30_000);
      await eventually("the state annotation", async () => {
        const a = await w.admin.request<{ metadata: { annotations?: Record<string, string> } }>("GET", fooPath("a"));
        return a.ok && a.value.metadata.annotations?.[STATE_ANNOTATION] !== undefined;
      });
      await settle(2500);
      expect(received(w.receiver)).toEqual(["/a", "/a", "/a"]);
      const patches = w.proxy.requests.filter((r) => r.method === "PATCH" && r.path.startsWith(fooPath("a")));
      expect(patches).toHaveLength(1);
    });
  });

  it("a failed oncePer delivery is retried and then recorded", async () => {
    const config = {
      "trigger.on-ready": "- when: foo.status.ready == true\n  oncePer: foo.status.version\n  send: [ready]",
    };
    await withWorld({ foos: ["a"], config, respond: (_r, i) => ({ status: i === 0 ? 503 : 200 }) }, async (w) => {
      await w.setReady("a", true, { version: "v1" });
      await eventually("the retry", () => received(w.receiver).length === 2);
      await eventually("the oncePer state", async () => {
        const a = await w.admin.request<{ metadata: { annotations?: Record<string, string> } }>("GET", fooPath("a"));
        return a.ok && (a.value.metadata.annotations?.[STATE_ANNOTATION] ?? "").startsWith('{"v1:on-ready:');
      });
      await w.setReady("a", false, { version: "v1" });
      await w.setReady("a", true, { version: "v1" });
      await settle(2000);
      expect(received(w.receiver)).toEqual(["/a", "/a"]);
    });
  });

  it("a state patch refused twice (409) while another writer edits the resource: retried without sending again", async () => {
    await withWorld({ foos: ["a"] }, async (w) => {
      w.proxy.failNext(2, { status: 409, match: (r) => r.method === "PATCH" && r.path.startsWith(fooPath("a")) });
      await w.setReady("a", true);
      await w.admin.request("PATCH", fooPath("a"), {
        body: { metadata: { annotations: { other: "writer" } } },
        contentType: MERGE,
      });
      await eventually("the state annotation", async () => {
        const a = await w.admin.request<{ metadata: { annotations?: Record<string, string> } }>("GET", fooPath("a"));
        return a.ok && a.value.metadata.annotations?.[STATE_ANNOTATION] !== undefined;
      });
      await settle(1500);
      expect(received(w.receiver)).toEqual(["/a"]);
      const patches = w.proxy.requests.filter((r) => r.method === "PATCH" && r.path.startsWith(fooPath("a")));
      expect(patches.map((p) => p.status)).toEqual([409, 409, 200]);
      const a = await w.admin.request<{ metadata: { annotations: Record<string, string> } }>("GET", fooPath("a"));
      expect(a.ok && a.value.metadata.annotations["other"]).toBe("writer");
    });
  });
});
