/**
 * The controller on a real API server: the external state store (one ConfigMap per resource) is immune to another
 * writer replacing every annotation of the resource; a ConfigMap edit takes effect without a restart; a broken edit
 * keeps the last good configuration and is reported (log and metric).
 */
import { describe, expect, it } from "vitest";
import { KubeConfig } from "@kubernetes/client-node";
import { startCluster } from "../_helpers/cluster.ts";
import { installFooCrd } from "../_helpers/cluster-foo.ts";
import { startLoopback } from "../_helpers/loopback.ts";
import {
  createConfig,
  eventually,
  fooPath,
  hookConfigData,
  hookFoo,
  NS,
  received,
  settle,
  startFooController,
  STATE_ANNOTATION,
} from "../_helpers/cluster-controller.ts";
import { createKubeClient } from "../../lib/shell/kubernetes/kube-client.ts";
import { createControllerMetrics } from "../../lib/shell/metrics.ts";

const MERGE = "application/merge-patch+json";

interface FooObject {
  metadata: { uid: string; resourceVersion: string; annotations?: Record<string, string> };
  [k: string]: unknown;
}

describe("controller state and configuration", () => {
  it("keeps state in a ConfigMap per resource: another writer replacing all annotations causes no re-send", async () => {
    const cluster = await startCluster();
    const receiver = await startLoopback();
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      await installFooCrd(kc);
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await createConfig(cluster, hookConfigData(receiver.url));
      expect((await admin.request("POST", fooPath(), { body: hookFoo("a") })).ok).toBe(true);
      const controller = await startFooController(cluster.kubeconfigPath, { state: "configmap" });
      await admin.request("PATCH", `${fooPath("a")}/status`, { body: { status: { ready: true } }, contentType: MERGE });
      await eventually("a's notification", () => received(receiver).length === 1);

      const a = await admin.request<FooObject>("GET", fooPath("a"));
      if (!a.ok) throw new Error(a.failure.message);
      expect(a.value.metadata.annotations?.[STATE_ANNOTATION]).toBeUndefined();
      const cmPath = `/api/v1/namespaces/${NS}/configmaps/notified-${a.value.metadata.uid}`;
      await eventually("the state ConfigMap", async () => (await admin.request("GET", cmPath)).ok);
      const cm = await admin.request<{ data: Record<string, string>; metadata: { ownerReferences: unknown[] } }>(
        "GET",
        cmPath,
      );
      expect(cm.ok && cm.value.data["state"]).toMatch(/^\{"on-ready:\[0\]\.[\w-]{27}:hook:":\d{10}\}$/);
      expect(cm.ok && cm.value.metadata.ownerReferences).toEqual([
        expect.objectContaining({
          apiVersion: "dummy.example.org/v1",
          kind: "Foo",
          name: "a",
          uid: a.value.metadata.uid,
        }),
      ]);

      // Another writer (a GitOps tool re-applying its manifest) replaces the whole object's annotations.
      const replaced = {
        ...a.value,
        metadata: {
          ...a.value.metadata,
          annotations: { "notifications.argoproj.io/subscribe.on-ready.hook": "", tool: "gitops" },
        },
        spec: { n: 5 },
      };
      expect((await admin.request("PUT", fooPath("a"), { body: replaced })).ok).toBe(true);
      await settle(2000);
      expect(received(receiver)).toEqual(["/a"]);
      await controller.stop();
    } finally {
      await receiver.close();
      await cluster.stop();
    }
  });

  it("applies a ConfigMap edit without a restart, and keeps the last good configuration on a broken edit", async () => {
    const cluster = await startCluster();
    const receiver = await startLoopback();
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      await installFooCrd(kc);
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await createConfig(cluster, hookConfigData(receiver.url));
      for (const name of ["a", "b", "c"]) {
        expect((await admin.request("POST", fooPath(), { body: hookFoo(name) })).ok).toBe(true);
      }
      const metrics = createControllerMetrics();
      const logs: string[] = [];
      const controller = await startFooController(cluster.kubeconfigPath, { metrics }, logs);
      const cmPath = `/api/v1/namespaces/${NS}/configmaps/notifications-cm`;
      const ready = (name: string) =>
        admin.request("PATCH", `${fooPath(name)}/status`, { body: { status: { ready: true } }, contentType: MERGE });

      await ready("a");
      await eventually("a's notification", () => received(receiver).length === 1);
      const v2 =
        "message: v2\nwebhook:\n  hook:\n    method: POST\n    path: /v2/{{.foo.metadata.name}}\n    body: v2\n";
      expect(
        (await admin.request("PATCH", cmPath, { body: { data: { "template.ready": v2 } }, contentType: MERGE })).ok,
      ).toBe(true);
      await eventually(
        "the edit to apply",
        async () =>
          (await metrics.registry.getSingleMetricAsString("notifications_config_reloads_total")).includes(
            'outcome="applied"} 2',
          ),
      );
      await ready("b");
      await eventually("b's notification", () => received(receiver).length === 2);
      expect(received(receiver)).toEqual(["/a", "/v2/b"]);

      const broken = {
        "trigger.on-ready": "- when: foo.status.ready ==\n  send: [ready]",
        "template.ready": "message: {{",
      };
      expect((await admin.request("PATCH", cmPath, { body: { data: broken }, contentType: MERGE })).ok).toBe(true);
      await eventually(
        "the broken edit to be kept out",
        async () =>
          (await metrics.registry.getSingleMetricAsString("notifications_config_reloads_total")).includes(
            'outcome="kept"} 1',
          ),
      );
      expect(await metrics.registry.getSingleMetricAsString("notifications_config_errors")).toMatch(
        /notifications_config_errors\{namespace="default"\} [1-9]/,
      );
      await ready("c");
      await eventually("c's notification with the last good configuration", () => received(receiver).length === 3);
      expect(received(receiver)).toEqual(["/a", "/v2/b", "/v2/c"]);
      const errors = logs.map((l) => JSON.parse(l) as { level: number; msg: string; key?: string }).filter((l) =>
        l.level >= 50
      );
      expect(errors.some((l) => l.key === "trigger.on-ready")).toBe(true);
      expect(errors.some((l) => l.msg.includes("the last good one stays in use"))).toBe(true);
      await controller.stop();
    } finally {
      await receiver.close();
      await cluster.stop();
    }
  });

  it("self-service: a namespace's own ConfigMap and Secret notify its resources, with the namespace in the state keys", async () => {
    const cluster = await startCluster();
    const receiver = await startLoopback();
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      await installFooCrd(kc);
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await createConfig(cluster, hookConfigData(receiver.url));
      await admin.request("POST", "/api/v1/namespaces", { body: { metadata: { name: "team" } } });
      const teamData = {
        "trigger.on-team": "- when: foo.status.ready == true\n  send: [team]",
        "template.team":
          "message: team\nwebhook:\n  hook:\n    method: POST\n    path: /team/{{.foo.metadata.name}}\n    body: team\n",
        "service.webhook.hook": `url: ${receiver.url}\nheaders:\n- name: X-Team\n  value: $team-token\n`,
      };
      expect(
        (await admin.request("POST", "/api/v1/namespaces/team/configmaps", {
          body: { metadata: { name: "notifications-cm" }, data: teamData },
        })).ok,
      ).toBe(true);
      expect(
        (await admin.request("POST", "/api/v1/namespaces/team/secrets", {
          body: { metadata: { name: "notifications-secret" }, stringData: { "team-token": "t0k3n" } },
        })).ok,
      ).toBe(true);
      const teamFoo = {
        ...hookFoo("t"),
        metadata: {
          name: "t",
          namespace: "team",
          annotations: {
            "notifications.argoproj.io/subscribe.on-team.hook": "",
            "notifications.argoproj.io/subscribe.on-ready.hook": "",
          },
        },
      };
      const teamPath = "/apis/dummy.example.org/v1/namespaces/team/foos";
      expect((await admin.request("POST", teamPath, { body: teamFoo })).ok).toBe(true);
      const logs: string[] = [];
      const controller = await startFooController(cluster.kubeconfigPath, {
        selfService: true,
        resources: [{ spec: { group: "dummy.example.org", version: "v1", resource: "foos" }, resourceName: "foo" }],
      }, logs);
      await admin.request("PATCH", `${teamPath}/t/status`, { body: { status: { ready: true } }, contentType: MERGE });
      await eventually("both notifications", () => received(receiver).length === 2);
      expect(received(receiver).sort()).toEqual(["/t", "/team/t"]);
      expect(receiver.requests.find((r) => r.path === "/team/t")!.headers["x-team"]).toBe("t0k3n");
      let state: Record<string, number> = {};
      await eventually("both state keys", async () => {
        const t = await admin.request<FooObject>("GET", `${teamPath}/t`);
        state = JSON.parse((t.ok && t.value.metadata.annotations?.[STATE_ANNOTATION]) || "{}") as Record<
          string,
          number
        >;
        return Object.keys(state).length === 2;
      });
      expect(Object.keys(state).sort()).toEqual([
        expect.stringMatching(/^on-ready:\[0\]\./),
        expect.stringMatching(/^team:on-team:\[0\]\./),
      ]);
      expect(logs.some((l) => l.includes("UnknownTrigger"))).toBe(false);
      await controller.stop();
    } finally {
      await receiver.close();
      await cluster.stop();
    }
  });
});
