/**
 * The controller on a real API server, asserting what a loopback webhook receiver got: a condition turning true is
 * delivered exactly once (and the state annotation is the Go engine's, written by a merge patch that leaves other
 * annotations alone); a controller stopped and started again mid-stream neither sends again nor misses a change.
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
  received,
  settle,
  startFooController,
  STATE_ANNOTATION,
} from "../_helpers/cluster-controller.ts";
import { createKubeClient } from "../../lib/shell/kubernetes/kube-client.ts";

const MERGE = "application/merge-patch+json";

describe("controller on a real API server", () => {
  it("delivers a condition turning true exactly once, records it as the Go engine does, and survives a restart", async () => {
    const cluster = await startCluster();
    const receiver = await startLoopback();
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      await installFooCrd(kc);
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await createConfig(cluster, hookConfigData(receiver.url));
      for (const name of ["a", "b"]) {
        const made = await admin.request("POST", fooPath(), {
          body: hookFoo(name, {
            metadata: {
              ...hookFoo(name)["metadata"] as object,
              annotations: { "notifications.argoproj.io/subscribe.on-ready.hook": "", "team": "x" },
            },
          }),
        });
        expect(made.ok).toBe(true);
      }
      const setReady = async (name: string, ready: boolean): Promise<void> => {
        const r = await admin.request("PATCH", `${fooPath(name)}/status`, {
          body: { status: { ready } },
          contentType: MERGE,
        });
        expect(r.ok).toBe(true);
      };

      const first = await startFooController(cluster.kubeconfigPath);
      await eventually("the controller to be ready", () => first.ready());
      await setReady("a", true);
      await eventually("a's notification", () => received(receiver).length === 1);
      await admin.request("PATCH", fooPath("a"), { body: { spec: { n: 1 } }, contentType: MERGE });
      await settle(1500);
      expect(received(receiver)).toEqual(["/a"]);
      expect(receiver.requests[0]!.body).toBe("a");
      expect(receiver.requests[0]!.headers["x-token"]).toBe("s3cr3t");
      const a = await admin.request<{ metadata: { annotations: Record<string, string> } }>("GET", fooPath("a"));
      expect(a.ok && a.value.metadata.annotations).toEqual({
        "notifications.argoproj.io/subscribe.on-ready.hook": "",
        team: "x",
        [STATE_ANNOTATION]: expect.stringMatching(/^\{"on-ready:\[0\]\.[\w-]{27}:hook:":\d{10}\}$/),
      });

      await first.stop();
      // While it is down: b turns ready; a's state stays.
      await setReady("b", true);
      const second = await startFooController(cluster.kubeconfigPath);
      await eventually("b's notification after the restart", () => received(receiver).length === 2);
      await settle(1500);
      expect(received(receiver)).toEqual(["/a", "/b"]);
      await second.stop();
    } finally {
      await receiver.close();
      await cluster.stop();
    }
  });
});
