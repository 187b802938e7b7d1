/**
 * The test cluster itself (tests/_helpers/cluster.ts) driven by the real @kubernetes/client-node: CRUD, list, watch
 * and JSON merge patch of core and custom resources, RBAC denial, and teardown.
 * Each test starts its own etcd and kube-apiserver.
 */
import { existsSync, readFileSync } from "node:fs";
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { startCluster } from "../_helpers/cluster.ts";
import { FOO, fooObject, installFooCrd } from "../_helpers/cluster-foo.ts";
import { recordWatch, type WatchEvent } from "../_helpers/cluster-watch.ts";

const MERGE_PATCH = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);
const STATE_KEY = "notified.notifications.argoproj.io";

describe("startCluster (a real etcd + kube-apiserver)", () => {
  it(
    "serves namespaces, ConfigMaps, a Foo CRD and Foos: create, list, watch, JSON merge patch; stop() cleans up",
    async () => {
      const cluster = await startCluster();
      const pids: number[] = [];
      try {
        const kc = new KubeConfig();
        kc.loadFromFile(cluster.kubeconfigPath);
        expect(kc.getCurrentCluster()?.server).toBe(cluster.server);
        const core = kc.makeApiClient(CoreV1Api);
        const custom = kc.makeApiClient(CustomObjectsApi);
        const namespace = "smoke";
        await core.createNamespace({ body: { metadata: { name: namespace } } });

        const cms = await recordWatch(kc, `/api/v1/namespaces/${namespace}/configmaps`);
        await core.createNamespacedConfigMap({
          namespace,
          body: {
            metadata: { name: "foo-notifications-cm" },
            data: { "trigger.on-foo-ready": "- when: foo.status.ready\n  send: [foo-ready]\n" },
          },
        });
        const cmList = await core.listNamespacedConfigMap({ namespace });
        expect(cmList.items.map((c) => c.metadata?.name)).toContain("foo-notifications-cm");
        await core.patchNamespacedConfigMap(
          { namespace, name: "foo-notifications-cm", body: { data: { "template.foo-ready": "message: ready" } } },
          MERGE_PATCH,
        );
        const cmModified = await cms.until((e) =>
          e.type === "MODIFIED" && e.object.metadata?.name === "foo-notifications-cm"
        );
        expect(cmModified.type).toBe("MODIFIED");
        cms.stop();

        await installFooCrd(kc);
        const foos = await recordWatch(kc, `/apis/${FOO.group}/${FOO.version}/namespaces/${namespace}/${FOO.plural}`);
        await custom.createNamespacedCustomObject({ ...FOO, namespace, body: fooObject("foo-sample", namespace) });
        const list = await custom.listNamespacedCustomObject({ ...FOO, namespace }) as {
          items: WatchEvent["object"][];
        };
        expect(list.items.map((f) => f.metadata?.name)).toEqual(["foo-sample"]);
        await foos.until((e) => e.type === "ADDED" && e.object.metadata?.name === "foo-sample");

        const state = JSON.stringify({ "foo-sample:on-foo-ready:slack:test": 1700000000 });
        await custom.patchNamespacedCustomObject(
          { ...FOO, namespace, name: "foo-sample", body: { metadata: { annotations: { [STATE_KEY]: state } } } },
          MERGE_PATCH,
        );
        const patched = await foos.until((e) =>
          e.type === "MODIFIED" && e.object.metadata?.annotations?.[STATE_KEY] !== undefined
        );
        expect(patched.object.metadata?.annotations).toEqual({
          "notifications.argoproj.io/subscribe.on-foo-ready.slack": "test",
          [STATE_KEY]: state,
        });
        await custom.patchNamespacedCustomObjectStatus(
          { ...FOO, namespace, name: "foo-sample", body: { status: { ready: true } } },
          MERGE_PATCH,
        );
        const ready = await custom.getNamespacedCustomObject({ ...FOO, namespace, name: "foo-sample" }) as {
          spec?: unknown;
          status?: unknown;
        };
        expect(ready.spec).toEqual({ foo: "bar" });
        expect(ready.status).toEqual({ ready: true });
        foos.stop();
        for (const name of ["etcd", "kube-apiserver"]) expect(existsSync(`${cluster.dir}/${name}.log`)).toBe(true);
        pids.push(...(JSON.parse(readFileSync(`${cluster.dir}/owner.json`, "utf8")) as { pids: number[] }).pids);
      } finally {
        await cluster.stop();
      }
      expect(existsSync(cluster.dir)).toBe(false);
      expect(pids).toHaveLength(2);
      for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    },
    180_000,
  );

  it("denies a user RBAC grants nothing (403), and allows it once bound to a role", async () => {
    const cluster = await startCluster({ users: [{ name: "nobody" }] });
    try {
      const admin = new KubeConfig();
      admin.loadFromFile(cluster.kubeconfigPath);
      const nobody = new KubeConfig();
      nobody.loadFromFile(cluster.writeKubeconfig({ user: "nobody" }));
      const denied = await nobody.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: "default" }).catch((
        e: unknown,
      ) => e);
      expect(denied).toBeInstanceOf(ApiException);
      expect((denied as ApiException<unknown>).code).toBe(403);
      // Not the built-in "view": it is aggregated, and the aggregation controller (kube-controller-manager) does not run.
      const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
      await rbac.createNamespacedRole({
        namespace: "default",
        body: {
          metadata: { name: "read-configmaps" },
          rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["list"] }],
        },
      });
      await rbac.createNamespacedRoleBinding({
        namespace: "default",
        body: {
          metadata: { name: "nobody-reads-configmaps" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "read-configmaps" },
          subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "nobody" }],
        },
      });
      // The RBAC authorizer reads bindings through an informer: the grant applies within moments, not at once.
      const list = (): Promise<unknown> =>
        nobody.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: "default" });
      let allowed = await list().catch((e: unknown) => e);
      for (let i = 0; i < 100 && allowed instanceof ApiException && allowed.code === 403; i++) {
        await new Promise((r) => setTimeout(r, 100));
        allowed = await list().catch((e: unknown) => e);
      }
      expect(allowed).toMatchObject({ kind: "ConfigMapList" });
    } finally {
      await cluster.stop();
    }
  }, 180_000);
});
