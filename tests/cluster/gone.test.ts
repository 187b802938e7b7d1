/**
 * `410 Gone` on demand: `cluster.compact()` compacts etcd's history; a watch from an older resourceVersion then gets
 * an `ERROR` event with a 410 `Expired` Status — provided the resource is not served from the API server's watch
 * cache, which keeps its own window of events (turn it off for all resources with `watchCache: false`, or for one
 * with `--watch-cache-sizes=<resource>#0`). The second test is the scenario a controller meets: its informer's
 * connection drops, the resource changes and history is compacted meanwhile, and the resumed watch forces a re-list.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { startCluster } from "../_helpers/cluster.ts";
import { FOO, fooObject, installFooCrd } from "../_helpers/cluster-foo.ts";
import { recordWatch } from "../_helpers/cluster-watch.ts";
import { startFaultProxy } from "../_helpers/fault-proxy.ts";

const MERGE_PATCH = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);

async function eventually(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("410 Gone after etcd compaction", () => {
  it("a watch from a compacted resourceVersion gets ERROR 410 Expired (watch cache off)", async () => {
    const cluster = await startCluster({ watchCache: false });
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      const core = kc.makeApiClient(CoreV1Api);
      const created = await core.createNamespacedConfigMap({
        namespace: "default",
        body: { metadata: { name: "old" } },
      });
      const oldVersion = created.metadata!.resourceVersion!;
      for (let i = 0; i < 3; i++) {
        await core.patchNamespacedConfigMap(
          { namespace: "default", name: "old", body: { data: { i: String(i) } } },
          MERGE_PATCH,
        );
      }
      const path = "/api/v1/namespaces/default/configmaps";
      const before = await recordWatch(kc, path, { resourceVersion: oldVersion });
      await before.until((e) => e.type === "MODIFIED");
      before.stop();

      expect(await cluster.compact()).toBeGreaterThan(Number(oldVersion));
      const after = await recordWatch(kc, path, { resourceVersion: oldVersion });
      const gone = await after.until((e) => e.type === "ERROR");
      after.stop();
      expect(gone.object).toMatchObject({ code: 410, reason: "Expired" });
      expect(after.events.filter((e) => e.type !== "ERROR")).toEqual([]);
    } finally {
      await cluster.stop();
    }
  }, 180_000);

  it(
    "an informer whose watch was cut resumes past a compaction, gets 410 and re-lists (watch cache off for Foos only)",
    async () => {
      const cluster = await startCluster({ apiServerArgs: [`--watch-cache-sizes=${FOO.plural}.${FOO.group}#0`] });
      const proxy = await startFaultProxy(cluster.server, { tls: { ...cluster.serving, caPem: cluster.caPem } });
      try {
        const admin = new KubeConfig();
        admin.loadFromFile(cluster.kubeconfigPath);
        await installFooCrd(admin);
        const direct = admin.makeApiClient(CustomObjectsApi);
        await direct.createNamespacedCustomObject({ ...FOO, namespace: "default", body: fooObject("a", "default") });

        const viaProxy = new KubeConfig();
        viaProxy.loadFromFile(cluster.writeKubeconfig({ server: proxy.url }));
        const custom = viaProxy.makeApiClient(CustomObjectsApi);
        const list = async (): Promise<KubernetesListObject<KubernetesObject>> =>
          await custom.listNamespacedCustomObject({ ...FOO, namespace: "default" }) as KubernetesListObject<
            KubernetesObject
          >;
        const informer = makeInformer(
          viaProxy,
          `/apis/${FOO.group}/${FOO.version}/namespaces/default/${FOO.plural}`,
          list,
        );
        const seen: string[] = [];
        let errors = 0;
        informer.on("add", (o) => seen.push(`add ${o.metadata?.name}`));
        informer.on(
          "update",
          (o) => seen.push(`update ${o.metadata?.name} ${JSON.stringify((o as { spec?: unknown }).spec)}`),
        );
        informer.on("error", () => errors++);
        await informer.start();
        await eventually("the first add", () => seen.includes("add a"));

        proxy.setOffline(true); // cuts the watch; client-node's informer reports an error and stops
        await eventually("the informer's error", () => errors > 0);
        await direct.patchNamespacedCustomObject({
          ...FOO,
          namespace: "default",
          name: "a",
          body: { spec: { foo: "baz" } },
        }, MERGE_PATCH);
        await cluster.compact();
        proxy.setOffline(false);
        const resumedAt = proxy.requests.length;
        await informer.start(); // what a controller's error handler does

        await eventually("the update", () => seen.includes('update a {"foo":"baz"}'));
        await informer.stop();
        const after = proxy.requests.slice(resumedAt).filter((r) => !r.injected).map((r) => {
          const url = new URL(r.path, proxy.url);
          return url.searchParams.get("watch") === "true"
            ? `watch from ${url.searchParams.get("resourceVersion")}`
            : "list";
        });
        // The resumed watch starts from the last version the informer saw; it is compacted, so the informer re-lists.
        expect(after[0]).toMatch(/^watch from \d+$/);
        expect(after[1]).toBe("list");
        expect(seen).toEqual(["add a", 'update a {"foo":"baz"}']);
      } finally {
        await proxy.close();
        await cluster.stop();
      }
    },
    180_000,
  );
});
