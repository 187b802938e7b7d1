/**
 * bench/controller: the controller command (bundled, in its own process) against a real kube-apiserver + etcd
 * (tests/_helpers/cluster.ts): 10,000 `Foo` resources created, the controller started on them (initial list and one
 * pass each), then 10,000 status updates of which 10% make the condition true (a webhook to a loopback receiver, another
 * process). Prints the time to drain each phase, updates/s, the controller's resident memory (its own
 * `process_resident_memory_bytes`), the API requests by verb on Foos (the API server's `apiserver_request_total`),
 * and patches per delivered notification. Baseline, measured in the same run: a bare list-and-watch of the same Foos
 * in this process (client-node's informer), timed from the first update to the last update event seen: the floor
 * the controller's drain time is compared with.
 *
 *   npm run bench controller          # needs the cluster binaries (scripts/cluster/build.sh)
 *   BENCH_FOOS=2000 npm run bench controller
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { KubeConfig } from "@kubernetes/client-node";
import { startCluster } from "../tests/_helpers/cluster.ts";
import { FOO, installFooCrd } from "../tests/_helpers/cluster-foo.ts";
import { createKubeClient, type KubeClient } from "../lib/shell/kubernetes/kube-client.ts";

const total = Number(process.env["BENCH_FOOS"] ?? 10_000);
const ns = "bench";
const fooPath = (name = ""): string => `/apis/${FOO.group}/${FOO.version}/namespaces/${ns}/${FOO.plural}${name === "" ? "" : `/${name}`}`;
const MERGE = "application/merge-patch+json";

const receiverSource = `
const { createServer } = require("node:http");
let count = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url === "/count") return res.end(String(count));
    count++;
    res.end("{}");
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

async function pool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

async function must<T>(what: string, p: Promise<{ ok: true; value: T } | { ok: false; failure: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.failure.message}`);
  return r.value;
}

/** `apiserver_request_total` for Foos, by verb (and subresource), summed over codes. */
async function fooRequests(server: string, token: string, ca: string): Promise<Map<string, number>> {
  const { request } = await import("node:https");
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(`${server}/metrics`, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line.startsWith("apiserver_request_total{") || !line.includes('resource="foos"')) continue;
    const verb = /verb="([^"]*)"/.exec(line)?.[1] ?? "?";
    const sub = /subresource="([^"]*)"/.exec(line)?.[1] ?? "";
    const key = sub === "" ? verb : `${verb} ${sub}`;
    out.set(key, (out.get(key) ?? 0) + Number(line.slice(line.lastIndexOf(" ") + 1)));
  }
  return out;
}

function delta(after: Map<string, number>, before: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of after) if (v - (before.get(k) ?? 0) > 0) out[k] = v - (before.get(k) ?? 0);
  return out;
}

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
}

const cluster = await startCluster({ readyTimeoutMs: 120_000 });
const children: ReturnType<typeof spawn>[] = [];
const bin = "bench/.controller-main.bundle.mjs";
try {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  await installFooCrd(kc);
  const admin: KubeClient = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
  await must("namespace", admin.request("POST", "/api/v1/namespaces", { body: { metadata: { name: ns } } }));

  const receiverProcess = spawn(process.execPath, ["-e", receiverSource], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(receiverProcess);
  const receiverUrl = await new Promise<string>((resolve) => receiverProcess.stdout!.once("data", (d: Buffer) => resolve(`http://127.0.0.1:${String(d).trim()}`)));
  const received = async (): Promise<number> => Number(await (await fetch(`${receiverUrl}/count`)).text());

  await must("config", admin.request("POST", `/api/v1/namespaces/${ns}/configmaps`, {
    body: {
      metadata: { name: "notifications-cm" },
      data: {
        "trigger.on-ready": "- when: foo.status.ready == true\n  send: [ready]",
        "template.ready": "message: '{{.foo.metadata.name}} is ready'\nwebhook:\n  hook:\n    method: POST\n    path: /{{.foo.metadata.name}}\n    body: '{{.foo.metadata.name}}'\n",
        "service.webhook.hook": `url: ${receiverUrl}\n`,
      },
    },
  }));
  const names = Array.from({ length: total }, (_, i) => `foo-${String(i).padStart(5, "0")}`);
  let t = performance.now();
  await pool(names, 32, (name) =>
    must("create", admin.request("POST", fooPath(), {
      body: {
        apiVersion: `${FOO.group}/${FOO.version}`,
        kind: "Foo",
        metadata: { name, namespace: ns, annotations: { "notifications.argoproj.io/subscribe.on-ready.hook": "" } },
        spec: { n: 0 },
      },
    })).then(() => undefined));
  console.log(`created ${total} Foos in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  await build({ entryPoints: ["lib/shell/cli/main.ts"], outfile: bin, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  const before = await fooRequests(cluster.server, cluster.token, cluster.caPem);
  t = performance.now();
  let port = 0;
  const startController = (): ReturnType<typeof spawn> => {
    port = 0;
    const child = spawn(process.execPath, [
      bin,
      "controller",
      "--resource", "dummy.example.org/v1/foos=foo",
      "--namespace", ns,
      "--configmap", `${ns}/notifications-cm`,
      "--kubeconfig", cluster.kubeconfigPath,
      "--metrics-port", "0",
      "--log-level", "info",
    ], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    child.stdout!.on("data", (d: Buffer) => {
      for (const line of String(d).split("\n")) {
        const m = /"metricsPort":(\d+)/.exec(line);
        if (m !== null) port = Number(m[1]);
      }
    });
    return child;
  };
  let controller = startController();
  let rss = 0;
  const sample = async (): Promise<void> => {
    if (port !== 0) rss = Math.max(rss, await metric(port, "process_resident_memory_bytes").catch(() => 0));
  };
  const sampler = setInterval(() => void sample(), 250);
  const waitFor = async (check: () => Promise<boolean>): Promise<void> => {
    while (!(await check().catch(() => false))) await new Promise((r) => setTimeout(r, 100));
  };
  await waitFor(async () => port !== 0 && (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200);
  await waitFor(async () => (await metric(port, "notifications_passes_total")) >= total && (await metric(port, "notifications_queue_depth")) === 0);
  const startMs = performance.now() - t;
  const afterStart = await fooRequests(cluster.server, cluster.token, cluster.caPem);
  const rssStart = rss;

  // The baseline: a bare informer on the same Foos, counting update events.
  let seen = 0;
  const watcher = admin.informer(fooPath(), { add: () => {}, update: () => void seen++, delete: () => {} });
  await watcher.start();
  const passesBefore = await metric(port, "notifications_passes_total");
  t = performance.now();
  await pool(names.map((name, i) => ({ name, i })), 32, ({ name, i }) =>
    must("update", i % 10 === 0
      ? admin.request("PATCH", `${fooPath(name)}/status`, { body: { status: { ready: true } }, contentType: MERGE })
      : admin.request("PATCH", `${fooPath(name)}/status`, { body: { status: { n: 1 } }, contentType: MERGE })).then(() => undefined));
  const sentMs = performance.now() - t;
  const notifications = Math.ceil(total / 10);
  let watchMs = 0;
  await waitFor(async () => {
    if (watchMs === 0 && seen >= total) watchMs = performance.now() - t;
    return watchMs !== 0;
  });
  await waitFor(async () => (await received()) >= notifications && (await metric(port, "notifications_queue_depth")) === 0);
  const drainMs = performance.now() - t;
  await sample();
  clearInterval(sampler);
  await watcher.stop();
  const after = await fooRequests(cluster.server, cluster.token, cluster.caPem);
  const passes = (await metric(port, "notifications_passes_total")) - passesBefore;
  const updates = delta(after, afterStart);
  const patches = updates["PATCH"] ?? 0;

  const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(`start: ready and one pass over ${total} Foos in ${(startMs / 1000).toFixed(1)} s; RSS ${mb(rssStart)}; API requests on Foos ${JSON.stringify(delta(afterStart, before))}`);
  console.log(`updates: ${total} sent in ${(sentMs / 1000).toFixed(1)} s (${(total / sentMs * 1000).toFixed(0)}/s)`);
  console.log(`  baseline (bare informer): all ${total} update events seen ${(watchMs / 1000).toFixed(2)} s after the first update (${((watchMs - sentMs) / 1000).toFixed(2)} s after the last)`);
  console.log(`  controller: drained (${await received()} notifications, queue empty) ${(drainMs / 1000).toFixed(2)} s after the first update (${((drainMs - sentMs) / 1000).toFixed(2)} s after the last): ${(total / drainMs * 1000).toFixed(0)} updates/s, ${(drainMs / watchMs).toFixed(2)}× the baseline`);
  console.log(`  passes: ${passes}; patches of Foos: ${patches} for ${await received()} notifications (${(patches / Math.max(1, await received())).toFixed(2)} per delivered notification; ${patches - notifications} in passes that delivered nothing)`);
  console.log(`  API requests on Foos during the updates (the bench's own included): ${JSON.stringify(updates)}`);
  console.log(`  controller RSS peak: ${mb(rss)} (aim ≤ 256 MB)`);

  // Catch-up: the controller stopped, 10,000 more updates (another 10% turning ready), then started again: its own
  // throughput (list, a pass each, deliveries, patches), not bound by the rate the API server takes writes at.
  controller.kill("SIGTERM");
  await new Promise((r) => controller.once("exit", r));
  await pool(names.map((name, i) => ({ name, i })), 32, ({ name, i }) =>
    must("update", admin.request("PATCH", `${fooPath(name)}/status`, { body: { status: i % 10 === 1 ? { ready: true, n: 2 } : { n: 2 } }, contentType: MERGE })).then(() => undefined));
  const beforeCatchUp = await fooRequests(cluster.server, cluster.token, cluster.caPem);
  rss = 0;
  const sampler2 = setInterval(() => void sample(), 250);
  t = performance.now();
  controller = startController();
  await waitFor(async () => port !== 0 && (await received()) >= 2 * notifications && (await metric(port, "notifications_queue_depth")) === 0);
  const catchUpMs = performance.now() - t;
  await sample();
  clearInterval(sampler2);
  const catchUp = delta(await fooRequests(cluster.server, cluster.token, cluster.caPem), beforeCatchUp);
  console.log(`catch-up after a restart: ${total} changed Foos (${notifications} to notify) drained in ${(catchUpMs / 1000).toFixed(2)} s from the process start: ${(total / catchUpMs * 1000).toFixed(0)} resources/s; RSS peak ${mb(rss)}`);
  console.log(`  API requests on Foos: ${JSON.stringify(catchUp)}; notifications received in total: ${await received()} (exactly ${2 * notifications} expected)`);
} finally {
  for (const c of children) c.kill();
  rmSync(bin, { force: true });
  await cluster.stop();
}
