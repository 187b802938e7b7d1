/**
 * examples/certmanager/deployment.yaml on a real API server: its ServiceAccount and RBAC applied as written, a token
 * of that ServiceAccount (TokenRequest), the controller run with the Deployment's own arguments, the seed example's
 * ConfigMap and Secret (Slack pointed at a loopback receiver) and Certificate: the RBAC suffices, and a Certificate
 * turning ready posts the seed's message to the Slack channel once.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseAllDocuments, stringify } from "yaml";
import { startCluster } from "../_helpers/cluster.ts";
import { startLoopback } from "../_helpers/loopback.ts";
import { eventually, settle } from "../_helpers/cluster-controller.ts";
import { createKubeClient, type KubeClient } from "../../lib/shell/kubernetes/kube-client.ts";
import { runControllerCommand } from "../../lib/shell/cli/controller-command.ts";

const NS = "cert-manager-notifications";
const MERGE = "application/merge-patch+json";
const example = (file: string): string =>
  readFileSync(new URL(`../../examples/certmanager/${file}`, import.meta.url), "utf8");

const collection: Record<string, (ns: string) => string> = {
  ServiceAccount: (ns) => `/api/v1/namespaces/${ns}/serviceaccounts`,
  ClusterRole: () => "/apis/rbac.authorization.k8s.io/v1/clusterroles",
  ClusterRoleBinding: () => "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
  Role: (ns) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/roles`,
  RoleBinding: (ns) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
};

async function must(what: string, r: Promise<{ ok: boolean; failure?: { message: string } }>): Promise<void> {
  const done = await r;
  if (!done.ok) throw new Error(`${what}: ${done.failure?.message}`);
}

/** A Certificate CRD without a status subresource, so the seed's Certificate keeps the status it is created with. */
async function installCertificateCrd(admin: KubeClient): Promise<void> {
  await must(
    "CRD",
    admin.request("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
      body: {
        metadata: { name: "certificates.cert-manager.io" },
        spec: {
          group: "cert-manager.io",
          scope: "Namespaced",
          names: { kind: "Certificate", listKind: "CertificateList", plural: "certificates", singular: "certificate" },
          versions: [{
            name: "v1",
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } },
          }],
        },
      },
    }),
  );
  await eventually(
    "Certificates to be served",
    async () =>
      (await admin.request("GET", "/apis/cert-manager.io/v1/certificates", { query: { resourceVersion: "0" } })).ok,
  );
}

describe("examples/certmanager/deployment.yaml", () => {
  it("its RBAC lets the controller, run with the Deployment's arguments, notify the seed example's Slack channel", async () => {
    const cluster = await startCluster();
    const slack = await startLoopback(() => ({
      body: '{"ok":true,"channel":"C1","ts":"1.2"}',
      headers: { "content-type": "application/json" },
    }));
    const stop = new AbortController();
    let running: Promise<number> | undefined;
    try {
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await installCertificateCrd(admin);
      await must("namespace", admin.request("POST", "/api/v1/namespaces", { body: { metadata: { name: NS } } }));
      let args: string[] = [];
      for (const doc of parseAllDocuments(example("deployment.yaml")).map((d) => d.toJS() as Record<string, unknown>)) {
        const kind = String(doc["kind"]);
        if (kind === "Deployment") {
          args = (doc as { spec: { template: { spec: { containers: { args: string[] }[] } } } }).spec.template.spec
            .containers[0]!.args;
          continue;
        }
        const path = collection[kind];
        if (path !== undefined) await must(kind, admin.request("POST", path(NS), { body: doc }));
      }
      expect(args[0]).toBe("controller");

      const configMap = parse(example("configmap.yaml")) as {
        metadata: Record<string, unknown>;
        data: Record<string, string>;
      };
      configMap.data["service.slack"] = `token: $slack-token\napiURL: ${slack.url}/api/\n`;
      await must("ConfigMap", admin.request("POST", `/api/v1/namespaces/${NS}/configmaps`, { body: configMap }));
      await must(
        "Secret",
        admin.request("POST", `/api/v1/namespaces/${NS}/secrets`, { body: parse(example("secret.yaml")) }),
      );
      await must(
        "Certificate",
        admin.request("POST", "/apis/cert-manager.io/v1/namespaces/default/certificates", {
          body: parse(example("certificate.yaml")),
        }),
      );

      const token = await admin.request<{ status: { token: string } }>(
        "POST",
        `/api/v1/namespaces/${NS}/serviceaccounts/notifications-engine/token`,
        {
          body: { apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { expirationSeconds: 3600 } },
        },
      );
      if (!token.ok) throw new Error(token.failure.message);
      const kubeconfig = join(cluster.dir, "kubeconfig-serviceaccount.yaml");
      writeFileSync(
        kubeconfig,
        stringify({
          apiVersion: "v1",
          kind: "Config",
          clusters: [{
            name: "c",
            cluster: {
              server: cluster.server,
              "certificate-authority-data": Buffer.from(cluster.caPem).toString("base64"),
            },
          }],
          users: [{ name: "sa", user: { token: token.value.status.token } }],
          contexts: [{ name: "sa", context: { cluster: "c", user: "sa", namespace: NS } }],
          "current-context": "sa",
        }),
      );

      let out = "";
      running = runControllerCommand(
        [
          ...args.slice(1).filter((a) => !a.startsWith("--metrics-port")),
          "--kubeconfig",
          kubeconfig,
          "--metrics-port",
          "0",
          "--lease-duration",
          "3s",
        ],
        { stdout: (t) => (out += t), stderr: (t) => (out += t), env: { POD_NAME: "replica-0" }, signal: stop.signal },
      );
      await eventually("the leader Lease", () => out.includes('"msg":"shard acquired"'));
      await must(
        "ready",
        admin.request("PATCH", "/apis/cert-manager.io/v1/namespaces/default/certificates/example-com", {
          body: { status: { conditions: [{ type: "Ready", status: "True", reason: "Ready", message: "ok" }] } },
          contentType: MERGE,
        }),
      );
      await eventually("the Slack message", () => slack.requests.length === 1);
      await settle(2000);
      expect(slack.requests.map((r) => r.path)).toEqual(["/api/chat.postMessage"]);
      const form = new URLSearchParams(slack.requests[0]!.body);
      expect(form.get("channel")).toBe("my-channel");
      expect(form.get("text")).toBe("Certificate example-com is ready!\n");
      expect(form.get("token")).toBe("xoxb-not-a-real-token");
      const levels = out.trim().split("\n").map((l) => JSON.parse(l) as { level: number; msg: string });
      expect(levels.filter((l) => l.level >= 50)).toEqual([]);
      expect(out).not.toContain("xoxb-not-a-real-token");
      const cert = await admin.request<{ metadata: { annotations: Record<string, string> } }>(
        "GET",
        "/apis/cert-manager.io/v1/namespaces/default/certificates/example-com",
      );
      expect(cert.ok && Object.keys(cert.value.metadata.annotations)).toContain("notified.notifications.argoproj.io");
    } finally {
      stop.abort();
      await running;
      await slack.close();
      await cluster.stop();
    }
  });
});
