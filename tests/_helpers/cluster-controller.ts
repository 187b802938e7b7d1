/**
 * The controller against the test API server (cluster.ts): the Foo CRD, the notification ConfigMap and Secret with a
 * webhook service pointing at a loopback receiver, Foos subscribed to it, and a controller built exactly as the
 * command builds it (createKubeController), from a kubeconfig that may point at a fault proxy.
 */
import { createKubeClient } from "../../lib/shell/kubernetes/kube-client.ts";
import {
  createKubeController,
  type KubeController,
  type KubeControllerOptions,
} from "../../lib/shell/kubernetes/kube-controller.ts";
import { createLog } from "../../lib/shell/log.ts";
import { createControllerMetrics } from "../../lib/shell/metrics.ts";
import type { Cluster } from "./cluster.ts";
import { FOO } from "./cluster-foo.ts";
import type { Loopback } from "./loopback.ts";

/** The namespace of the configuration and the Foos. */
export const NS = "default";
export const STATE_ANNOTATION = "notified.notifications.argoproj.io";

/** The ConfigMap data: `on-ready` (status.ready) posts `/<name>` with the name to the `hook` webhook. */
export function hookConfigData(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "trigger.on-ready": "- when: foo.status.ready == true\n  send: [ready]",
    "template.ready":
      "message: '{{.foo.metadata.name}} is ready'\nwebhook:\n  hook:\n    method: POST\n    path: /{{.foo.metadata.name}}\n    body: '{{.foo.metadata.name}}'\n",
    "service.webhook.hook":
      `url: ${url}\nheaders:\n- name: X-Token\n  value: $secret-word\ndelivery:\n  maxAttempts: 1\n`,
    ...extra,
  };
}

/** A Foo subscribed to `on-ready` on the hook. */
export function hookFoo(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: `${FOO.group}/${FOO.version}`,
    kind: "Foo",
    metadata: { name, namespace: NS, annotations: { "notifications.argoproj.io/subscribe.on-ready.hook": "" } },
    spec: { n: 0 },
    ...extra,
  };
}

/** Paths of the Foo API. */
export const fooPath = (name = ""): string =>
  `/apis/${FOO.group}/${FOO.version}/namespaces/${NS}/${FOO.plural}${name === "" ? "" : `/${name}`}`;

/** Starts a controller on `kubeconfig` watching Foos in NS with the configuration `notifications-cm`/`-secret`. */
export async function startFooController(
  kubeconfig: string,
  overrides: Partial<KubeControllerOptions> = {},
  logLines: string[] = [],
): Promise<KubeController> {
  const client = createKubeClient({ kubeconfig });
  const controller = createKubeController({
    client,
    resources: [{ spec: { ...FOO, resource: FOO.plural, namespace: NS }, resourceName: "foo" }],
    configMap: { namespace: NS, name: "notifications-cm" },
    secret: { namespace: NS, name: "notifications-secret" },
    log: createLog({ level: "debug", write: (l) => logLines.push(l) }),
    metrics: createControllerMetrics(),
    ...overrides,
  });
  await controller.start();
  return controller;
}

/** Creates the ConfigMap and Secret of the configuration. */
export async function createConfig(cluster: Cluster, data: Record<string, string>): Promise<void> {
  const client = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
  const cm = await client.request("POST", `/api/v1/namespaces/${NS}/configmaps`, {
    body: { metadata: { name: "notifications-cm" }, data },
  });
  if (!cm.ok) throw new Error(cm.failure.message);
  const secret = await client.request("POST", `/api/v1/namespaces/${NS}/secrets`, {
    body: { metadata: { name: "notifications-secret" }, stringData: { "secret-word": "s3cr3t" } },
  });
  if (!secret.ok) throw new Error(secret.failure.message);
}

/** Polls `check` every 100 ms until it returns true, or fails after `timeoutMs` naming `what`. */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits `ms` (to show nothing more happens). */
export const settle = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The paths the receiver got, in order. */
export const received = (server: Loopback): string[] => server.requests.map((r) => r.path);
