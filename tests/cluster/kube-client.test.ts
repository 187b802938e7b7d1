/**
 * The Kubernetes client against a real API server: requests return the JSON as sent (a list's `continue` included),
 * failures become KubeFailure values with the Status reason and no body, and an informer lists page after page.
 */
import { describe, expect, it } from "vitest";
import { startCluster } from "../_helpers/cluster.ts";
import { createKubeClient } from "../../lib/shell/kubernetes/kube-client.ts";

describe("createKubeClient", () => {
  it("pages lists, keeps unknown fields, and turns refusals into values", async () => {
    const cluster = await startCluster({ users: [{ name: "nobody" }] });
    try {
      const client = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      for (let i = 0; i < 7; i++) {
        const made = await client.request("POST", "/api/v1/namespaces/default/configmaps", {
          body: { metadata: { name: `cm-${i}`, labels: { page: "test" } }, data: { i: String(i) } },
        });
        expect(made.ok).toBe(true);
      }
      const page = await client.request<{ metadata: { continue?: string }; items: unknown[] }>(
        "GET",
        "/api/v1/namespaces/default/configmaps",
        { query: { limit: "2", labelSelector: "page=test" } },
      );
      expect(page.ok && page.value.items.length).toBe(2);
      expect(page.ok && typeof page.value.metadata.continue).toBe("string");

      const seen: string[] = [];
      const informer = client.informer("/api/v1/namespaces/default/configmaps", {
        add: (o) => seen.push((o["metadata"] as { name: string }).name),
        update: () => {},
        delete: () => {},
      }, { labelSelector: "page=test", pageSize: 2 });
      await informer.start();
      expect(seen.sort()).toEqual([...Array(7).keys()].map((i) => `cm-${i}`));
      expect(informer.list()).toHaveLength(7);
      await informer.stop();

      const missing = await client.request("GET", "/api/v1/namespaces/default/configmaps/absent");
      expect(missing).toEqual({
        ok: false,
        failure: expect.objectContaining({ _tag: "KubeFailure", status: 404, reason: "NotFound", retryable: false }),
      });
      const nobody = createKubeClient({ kubeconfig: cluster.writeKubeconfig({ user: "nobody" }) });
      const denied = await nobody.request("PATCH", "/api/v1/namespaces/default/configmaps/cm-0", {
        body: { data: { x: "y" } },
        contentType: "application/merge-patch+json",
      });
      expect(denied.ok).toBe(false);
      if (!denied.ok) {
        expect(denied.failure).toMatchObject({ status: 403, reason: "Forbidden", retryable: false });
        expect(denied.failure.message).toMatch(
          /^PATCH \/api\/v1\/namespaces\/default\/configmaps\/cm-0: 403 Forbidden: /,
        );
        expect(denied.failure.message).not.toContain(cluster.tokens["nobody"]!);
      }
    } finally {
      await cluster.stop();
    }
  });
});
