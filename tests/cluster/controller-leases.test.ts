/**
 * High availability on a real API server, asserting what a loopback webhook receiver got: two replicas with leader
 * election deliver each notification once; with two shards, a replica killed (SIGKILL, a real process running the
 * command) while holding a shard loses it to the other within the lease time, and nothing is lost or sent twice.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
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
} from "../_helpers/cluster-controller.ts";
import { createKubeClient } from "../../lib/shell/kubernetes/kube-client.ts";
import { shardOf } from "../../lib/shell/kubernetes/shard-leases.ts";

const MERGE = "application/merge-patch+json";
const timings = { leaseDurationMs: 3000, renewDeadlineMs: 2000, retryPeriodMs: 400 };

describe("controller replicas on Leases", () => {
  it("two replicas with leader election deliver each notification once", async () => {
    const cluster = await startCluster();
    const receiver = await startLoopback();
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      await installFooCrd(kc);
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await createConfig(cluster, hookConfigData(receiver.url));
      const names = ["a", "b", "c", "d", "e", "f"];
      for (const name of names) expect((await admin.request("POST", fooPath(), { body: hookFoo(name) })).ok).toBe(true);
      const replicas = await Promise.all(
        ["r1", "r2"].map((identity) =>
          startFooController(cluster.kubeconfigPath, { leases: { shards: 1, identity, ...timings } })
        ),
      );
      await eventually("a leader", () => replicas.some((r) => r.leases!.held().length === 1));
      expect(replicas.filter((r) => r.leases!.held().length === 1)).toHaveLength(1);
      for (const name of names) {
        await admin.request("PATCH", `${fooPath(name)}/status`, {
          body: { status: { ready: true } },
          contentType: MERGE,
        });
      }
      await eventually("six notifications", () => received(receiver).length >= 6);
      await settle(2000);
      expect(received(receiver).sort()).toEqual(names.map((n) => `/${n}`));
      await Promise.all(replicas.map((r) => r.stop()));
    } finally {
      await receiver.close();
      await cluster.stop();
    }
  });

  it("a replica killed while holding a shard: the other takes it over within the lease time, nothing lost", async () => {
    const cluster = await startCluster();
    const receiver = await startLoopback();
    let child: ReturnType<typeof spawn> | undefined;
    try {
      const kc = new KubeConfig();
      kc.loadFromFile(cluster.kubeconfigPath);
      await installFooCrd(kc);
      const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
      await createConfig(cluster, hookConfigData(receiver.url));
      const names = [...Array(8).keys()].map((i) => `foo-${i}`);
      const uids = new Map<string, string>();
      for (const name of names) {
        const made = await admin.request<{ metadata: { uid: string } }>("POST", fooPath(), { body: hookFoo(name) });
        if (!made.ok) throw new Error(made.failure.message);
        uids.set(name, made.value.metadata.uid);
      }
      const childLog: string[] = [];
      child = spawn("node", [
        "--import",
        "tsx",
        "lib/shell/cli/main.ts",
        "controller",
        "--resource",
        "dummy.example.org/v1/foos=foo",
        "--namespace",
        NS,
        "--configmap",
        `${NS}/notifications-cm`,
        "--secret",
        `${NS}/notifications-secret`,
        "--shards",
        "2",
        "--lease-duration",
        "3s",
        "--identity",
        "killed",
        "--kubeconfig",
        cluster.kubeconfigPath,
        "--metrics-port",
        "0",
      ], { stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.on(
        "data",
        (chunk: Buffer) => childLog.push(...chunk.toString().split("\n").filter((l) => l !== "")),
      );
      child.stderr!.on("data", (chunk: Buffer) => childLog.push(chunk.toString()));
      await eventually(
        "the first replica to hold both shards",
        () => childLog.filter((l) => l.includes("shard acquired")).length === 2,
        60_000,
      );

      const survivor = await startFooController(cluster.kubeconfigPath, {
        leases: { shards: 2, identity: "survivor", ...timings },
      });
      await eventually("the shards to be shared", () => survivor.leases!.held().length === 1, 30_000);
      const mine = survivor.leases!.held()[0]!;
      const theirs = names.filter((n) => shardOf(uids.get(n)!, 2) !== mine);
      expect(theirs.length).toBeGreaterThan(0);

      const ready = (name: string) =>
        admin.request("PATCH", `${fooPath(name)}/status`, { body: { status: { ready: true } }, contentType: MERGE });
      const before = names.slice(0, 4);
      for (const name of before) await ready(name);
      await eventually("the first four notifications", () => received(receiver).length === 4);

      child.kill("SIGKILL");
      const killedAt = Date.now();
      for (const name of names.slice(4)) await ready(name);
      await eventually("the survivor to hold both shards", () => survivor.leases!.held().length === 2, 30_000);
      const takeoverMs = Date.now() - killedAt;
      await eventually("all eight notifications", () => received(receiver).length === 8, 30_000);
      await settle(2000);
      expect(received(receiver).sort()).toEqual(names.map((n) => `/${n}`).sort());
      // The lease duration, plus two retry periods of observation, plus scheduling slack.
      expect(takeoverMs).toBeLessThan(timings.leaseDurationMs + 2 * timings.retryPeriodMs + 2000);
      await survivor.stop();
    } finally {
      child?.kill("SIGKILL");
      await receiver.close();
      await cluster.stop();
    }
  });
});
