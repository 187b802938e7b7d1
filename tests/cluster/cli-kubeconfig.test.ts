/**
 * `notifications-engine … --kubeconfig`: the configuration and the resource read from a real API server (etcd +
 * kube-apiserver on loopback), the CLI run as a process.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import { type Cluster, startCluster } from "../_helpers/cluster.ts";
import { FOO, fooObject, installFooCrd } from "../_helpers/cluster-foo.ts";
import { runCliProcess } from "../cli/_cli.ts";

describe("notifications-engine --kubeconfig", () => {
  let cluster: Cluster | undefined;
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });

  it("reads the ConfigMap, the Secret and a custom resource from the cluster, never printing the secret", async () => {
    cluster = await startCluster();
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    await installFooCrd(kc);
    const core = kc.makeApiClient(CoreV1Api);
    const cm = parse(readFileSync("tests/fixtures/conformance/foo-sample/config.yaml", "utf8")) as {
      data: Record<string, string>;
    };
    await core.createNamespacedConfigMap({
      namespace: "default",
      body: { metadata: { name: "foo-notifications-cm" }, data: cm.data },
    });
    await core.createNamespacedSecret({
      namespace: "default",
      body: { metadata: { name: "foo-notifications-secret" }, stringData: { "slack-token": "xoxb-from-the-cluster" } },
    });
    const custom = kc.makeApiClient(CustomObjectsApi);
    await custom.createNamespacedCustomObject({
      ...FOO,
      namespace: "default",
      body: fooObject("foo-sample", "default"),
    });
    await custom.patchNamespacedCustomObjectStatus(
      { ...FOO, namespace: "default", name: "foo-sample", body: { status: { ready: true } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );

    const flags = [
      "--kubeconfig",
      cluster.kubeconfigPath,
      "-n",
      "default",
      "--config-map-name",
      "foo-notifications-cm",
      "--secret-name",
      "foo-notifications-secret",
    ];
    const validate = await runCliProcess(["validate", ...flags]);
    expect([validate.code, validate.stdout]).toEqual([
      0,
      "valid: 0 error(s), 0 warning(s); 1 trigger(s), 1 template(s), 1 service(s)\n",
    ]);

    const notify = await runCliProcess([
      "template",
      "notify",
      "foo-ready",
      "dummy.example.org/v1/Foo/foo-sample",
      ...flags,
      "--as",
      "foo",
      "--recipient",
      "slack:test",
    ]);
    expect(notify.stderr).not.toMatch(/error/i); // under Deno, the client's punycode import prints a deprecation warning
    expect(notify.code).toBe(0);
    expect(notify.stdout).toContain("POST https://slack.com/api/chat.postMessage");
    expect(notify.stdout).toContain("&token=***");
    expect(notify.stdout).not.toContain("xoxb-from-the-cluster");

    const run = await runCliProcess([
      "trigger",
      "run",
      "on-foo-ready",
      "dummy.example.org/v1/Foo/foo-sample",
      ...flags,
      "--as",
      "foo",
      "-o",
      "json",
    ]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { conditions: { result: unknown }[] }).conditions.map((c) => c.result)).toEqual([
      true,
    ]);

    const missing = await runCliProcess(["trigger", "run", "on-foo-ready", "dummy.example.org/v1/Foo/nope", ...flags]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("trigger run: Foo nope was not found\n");
  });
});
