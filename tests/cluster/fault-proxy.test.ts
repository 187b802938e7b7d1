/**
 * The fault proxy (tests/_helpers/fault-proxy.ts) between @kubernetes/client-node and a real API server: requests
 * pass and are logged; injected 500/429 answers reach the client as the API server's would; a cut breaks a live
 * watch; offline refuses; delay holds requests. Both modes, one cluster each.
 */
import { ApiException, CoreV1Api, KubeConfig, Watch } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { type Cluster, startCluster } from "../_helpers/cluster.ts";
import { type FaultProxy, startFaultProxy } from "../_helpers/fault-proxy.ts";

function clientVia(cluster: Cluster, proxy: FaultProxy): { kc: KubeConfig; core: CoreV1Api } {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.writeKubeconfig({ server: proxy.url }));
  return { kc, core: kc.makeApiClient(CoreV1Api) };
}

/** Starts a watch on ConfigMaps in `default`; resolves `ended` with the error (or "closed") the watch ends with. */
async function watchConfigMaps(
  kc: KubeConfig,
): Promise<{ ended: Promise<unknown>; added: Promise<void>; abort: () => void }> {
  let onEnd = (_: unknown): void => {};
  let onAdded = (): void => {};
  const ended = new Promise<unknown>((r) => (onEnd = r));
  const added = new Promise<void>((r) => (onAdded = r));
  const controller = await new Watch(kc).watch("/api/v1/namespaces/default/configmaps", {}, (type) => {
    if (type === "ADDED") onAdded();
  }, (err) => onEnd(err ?? "closed"));
  return { ended, added, abort: () => controller.abort() };
}

async function failure(promise: Promise<unknown>): Promise<ApiException<unknown>> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiException);
  return error as ApiException<unknown>;
}

describe("startFaultProxy", () => {
  it(
    "HTTPS mode: forwards and logs requests, injects 500 and 429 + Retry-After, cuts watches, delays, goes offline",
    async () => {
      const cluster = await startCluster();
      const proxy = await startFaultProxy(cluster.server, { tls: { ...cluster.serving, caPem: cluster.caPem } });
      try {
        const { kc, core } = clientVia(cluster, proxy);
        await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "a" } } });
        expect(proxy.requests).toEqual([
          { method: "POST", path: "/api/v1/namespaces/default/configmaps", status: 201, injected: false },
        ]);

        proxy.failNext(2, { status: 429, retryAfterSeconds: 7, match: (r) => r.method === "GET" });
        proxy.failNext(1, { status: 500 });
        const throttled = await failure(core.listNamespacedConfigMap({ namespace: "default" }));
        expect(throttled.code).toBe(429);
        expect(throttled.headers["retry-after"]).toBe("7");
        expect(JSON.parse(String(throttled.body))).toMatchObject({
          kind: "Status",
          reason: "TooManyRequests",
          code: 429,
        });
        expect((await failure(core.readNamespacedConfigMap({ namespace: "default", name: "a" }))).code).toBe(429);
        const broken = await failure(core.deleteNamespacedConfigMap({ namespace: "default", name: "a" }));
        expect(broken.code).toBe(500);
        const list = await core.listNamespacedConfigMap({ namespace: "default" });
        expect(list.items.map((c) => c.metadata?.name)).toContain("a");
        expect(proxy.requests.slice(1).map((r) => [r.method, r.status, r.injected])).toEqual([
          ["GET", 429, true],
          ["GET", 429, true],
          ["DELETE", 500, true],
          ["GET", 200, false],
        ]);

        const watch = await watchConfigMaps(kc);
        await watch.added;
        expect(proxy.cut()).toBeGreaterThanOrEqual(2);
        expect(await watch.ended).not.toBeUndefined();
        const again = await watchConfigMaps(kc);
        await again.added;
        again.abort();

        proxy.delay(300);
        const start = Date.now();
        await core.readNamespacedConfigMap({ namespace: "default", name: "a" });
        expect(Date.now() - start).toBeGreaterThanOrEqual(250);
        proxy.delay(0);

        proxy.setOffline(true);
        await expect(core.readNamespacedConfigMap({ namespace: "default", name: "a" })).rejects.toThrow();
        proxy.setOffline(false);
        expect((await core.readNamespacedConfigMap({ namespace: "default", name: "a" })).metadata?.name).toBe("a");
      } finally {
        await proxy.close();
        await cluster.stop();
      }
    },
    180_000,
  );

  it(
    "TCP mode: passes TLS through untouched, cuts watches, refuses while offline, and cannot inject HTTP answers",
    async () => {
      const cluster = await startCluster();
      const proxy = await startFaultProxy(cluster.server);
      try {
        const { kc, core } = clientVia(cluster, proxy);
        await core.createNamespacedConfigMap({ namespace: "default", body: { metadata: { name: "b" } } });
        expect(() => proxy.failNext(1, { status: 500 })).toThrow(/HTTPS mode/);
        expect(proxy.requests).toEqual([]);

        const watch = await watchConfigMaps(kc);
        await watch.added;
        expect(proxy.cut()).toBeGreaterThanOrEqual(2);
        expect(await watch.ended).not.toBeUndefined();

        proxy.setOffline(true);
        await expect(core.readNamespacedConfigMap({ namespace: "default", name: "b" })).rejects.toThrow();
        proxy.setOffline(false);
        expect((await core.readNamespacedConfigMap({ namespace: "default", name: "b" })).metadata?.name).toBe("b");
      } finally {
        await proxy.close();
        await cluster.stop();
      }
    },
    180_000,
  );
});
