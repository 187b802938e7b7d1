/**
 * bench/controller: the controller command (bundled, in its own process) against a real kube-apiserver + etcd
 * (tests/_helpers/cluster.ts), and the Go engine's own controller (bench/go/controller: argoproj/notifications-engine's
 * pkg/controller, when Go builds it) on the same API server, in the same run, each on its own namespace of 10,000
 * `Foo` resources with the same configuration and its own loopback webhook receiver (a separate process):
 *
 * 1. start: the controller started on 10,000 existing Foos (list, one pass each), until its cache is synced and
 *    its queue empty (ours; the Go controller reports no queue: until it printed `synced`);
 * 2. updates: 10,000 status updates, 10% of them making the condition true: time until every notification arrived
 *    and every state patch was made, updates/s, and how long after the last update it drained;
 * 3. catch-up: the controller stopped, 10,000 more updates (another 10% turning true), started again: time from the
 *    process start to the last notification and patch — the controller's own throughput, not the API server's
 *    write rate.
 *
 * Printed for each: resident memory (peak of /proc/<pid>/status VmRSS, sampled every 250 ms), API requests on Foos by
 * verb (the API server's `apiserver_request_total`), and patches per delivered notification. Baseline for the
 * updates phase: a bare list-and-watch of the same Foos in this process, timed to the last update event.
 *
 *   npm run bench controller          # needs the cluster binaries (scripts/cluster/build.sh); Go optional
 *   BENCH_FOOS=2000 npm run bench controller
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { KubeConfig } from "@kubernetes/client-node";
import { type Cluster, startCluster } from "../tests/_helpers/cluster.ts";
import { FOO, installFooCrd } from "../tests/_helpers/cluster-foo.ts";
import { createKubeClient, type KubeClient } from "../lib/shell/kubernetes/kube-client.ts";

const total = Number(process.env["BENCH_FOOS"] ?? 10_000);
const notifications = Math.ceil(total / 10);
const MERGE = "application/merge-patch+json";
const bin = "bench/.controller-main.bundle.mjs";
const goDir = fileURLToPath(new URL("./go/", import.meta.url));
const goBinary = `${goDir}.bin/go-controller`;

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

type Child = ReturnType<typeof spawn>;
const children: Child[] = [];

async function pool<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

async function must<T>(
  what: string,
  p: Promise<{ ok: true; value: T } | { ok: false; failure: { message: string } }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${what}: ${r.failure.message}`);
  return r.value;
}

/** `apiserver_request_total` for Foos, by verb (and subresource), summed over codes. */
async function fooRequests(cluster: Cluster): Promise<Map<string, number>> {
  const { request } = await import("node:https");
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(`${cluster.server}/metrics`, {
      ca: cluster.caPem,
      headers: { authorization: `Bearer ${cluster.token}` },
    }, (res) => {
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

function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m === null ? 0 : Number(m[1]) * 1024;
  } catch {
    return 0;
  }
}

const waitFor = async (check: () => Promise<boolean> | boolean): Promise<void> => {
  while (!(await Promise.resolve().then(check).catch(() => false))) await new Promise((r) => setTimeout(r, 100));
};
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** One controller implementation: how to start it on a namespace, and when it is synced. */
interface Contender {
  readonly name: string;
  start(cluster: Cluster, ns: string): { child: Child; synced: () => Promise<boolean> };
}

const ours: Contender = {
  name: "notifications-engine (TypeScript)",
  start(cluster, ns) {
    let port = 0;
    const child = spawn(process.execPath, [
      bin,
      "controller",
      "--resource",
      "dummy.example.org/v1/foos=foo",
      "--namespace",
      ns,
      "--configmap",
      `${ns}/notifications-cm`,
      "--kubeconfig",
      cluster.kubeconfigPath,
      "--metrics-port",
      "0",
    ], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout!.on("data", (d: Buffer) => {
      const m = /"metricsPort":(\d+)/.exec(String(d));
      if (m !== null) port = Number(m[1]);
    });
    const metric = async (name: string): Promise<number> => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const line = text.split("\n").find((l) => l.startsWith(`${name} `));
      return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
    };
    return {
      child,
      synced: async () =>
        port !== 0 && (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 &&
        (await metric("notifications_passes_total")) >= total && (await metric("notifications_queue_depth")) === 0,
    };
  },
};

const go: Contender = {
  name: "argoproj/notifications-engine (Go)",
  start(cluster, ns) {
    let synced = false;
    // Its stderr is the webhook client's debug line per request.
    const child = spawn(goBinary, ["-kubeconfig", cluster.kubeconfigPath, "-namespace", ns], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    child.stdout!.on("data", (d: Buffer) => void (synced ||= String(d).includes("synced")));
    return { child, synced: () => Promise.resolve(synced) };
  },
};

function buildGo(): string | undefined {
  if (spawnSync("go", ["version"]).error !== undefined) return "Go is not installed: the Go controller is skipped.";
  if (!existsSync(goBinary)) {
    console.log("building bench/go/controller (the first build downloads its modules: a few minutes)…");
  }
  const built = spawnSync("go", ["build", "-o", goBinary, "./controller"], {
    cwd: goDir,
    stdio: ["ignore", "inherit", "inherit"],
  });
  return built.status === 0 ? undefined : "bench/go/controller did not build: the Go controller is skipped.";
}

async function run(cluster: Cluster, admin: KubeClient, contender: Contender, ns: string): Promise<void> {
  console.log(`\n### ${contender.name} (namespace ${ns})`);
  const fooPath = (name = ""): string =>
    `/apis/${FOO.group}/${FOO.version}/namespaces/${ns}/${FOO.plural}${name === "" ? "" : `/${name}`}`;
  await must("namespace", admin.request("POST", "/api/v1/namespaces", { body: { metadata: { name: ns } } }));
  const receiverProcess = spawn(process.execPath, ["-e", receiverSource], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(receiverProcess);
  const receiverUrl = await new Promise<string>((resolve) =>
    receiverProcess.stdout!.once("data", (d: Buffer) => resolve(`http://127.0.0.1:${String(d).trim()}`))
  );
  const received = async (): Promise<number> => Number(await (await fetch(`${receiverUrl}/count`)).text());
  await must(
    "config",
    admin.request("POST", `/api/v1/namespaces/${ns}/configmaps`, {
      body: {
        metadata: { name: "notifications-cm" },
        data: {
          "trigger.on-ready": "- when: foo.status.ready == true\n  send: [ready]",
          "template.ready":
            "message: '{{.foo.metadata.name}} is ready'\nwebhook:\n  hook:\n    method: POST\n    path: /{{.foo.metadata.name}}\n    body: '{{.foo.metadata.name}}'\n",
          "service.webhook.hook": `url: ${receiverUrl}\n`,
        },
      },
    }),
  );
  await must(
    "secret",
    admin.request("POST", `/api/v1/namespaces/${ns}/secrets`, {
      body: { metadata: { name: "notifications-secret" }, stringData: {} },
    }),
  );
  const names = Array.from({ length: total }, (_, i) => `foo-${String(i).padStart(5, "0")}`);
  await pool(names, 32, (name) =>
    must(
      "create",
      admin.request("POST", fooPath(), {
        body: {
          apiVersion: `${FOO.group}/${FOO.version}`,
          kind: "Foo",
          metadata: { name, namespace: ns, annotations: { "notifications.argoproj.io/subscribe.on-ready.hook": "" } },
          spec: { n: 0 },
        },
      }),
    ).then(() => undefined));
  const update = (status: (i: number) => Record<string, unknown>) =>
    pool(
      names.map((name, i) => ({ name, i })),
      32,
      ({ name, i }) =>
        must(
          "update",
          admin.request("PATCH", `${fooPath(name)}/status`, { body: { status: status(i) }, contentType: MERGE }),
        ).then(() => undefined),
    );

  let peak = 0;
  let child: Child | undefined;
  const sampler = setInterval(() => void (peak = Math.max(peak, rssOf(child?.pid))), 250);
  const drained = async (expected: number, since: Map<string, number>): Promise<boolean> =>
    (await received()) >= expected && (delta(await fooRequests(cluster), since)["PATCH"] ?? 0) >= notifications;
  try {
    // 1. start
    let before = await fooRequests(cluster);
    let t = performance.now();
    let started = contender.start(cluster, ns);
    child = started.child;
    children.push(child);
    await waitFor(started.synced);
    console.log(
      `start: synced on ${total} Foos in ${s(performance.now() - t)}; RSS peak ${mb(peak)}; API requests on Foos ${
        JSON.stringify(delta(await fooRequests(cluster), before))
      }`,
    );

    // 2. updates, with the baseline
    let seen = 0;
    const watcher = admin.informer(fooPath(), { add: () => {}, update: () => void seen++, delete: () => {} });
    await watcher.start();
    peak = 0;
    before = await fooRequests(cluster);
    t = performance.now();
    await update((i) => (i % 10 === 0 ? { ready: true } : { n: 1 }));
    const sentMs = performance.now() - t;
    await waitFor(() => seen >= total);
    const watchMs = performance.now() - t;
    await watcher.stop();
    await waitFor(() => drained(notifications, before));
    const drainMs = performance.now() - t;
    await new Promise((r) => setTimeout(r, 1000));
    let requests = delta(await fooRequests(cluster), before);
    requests["PATCH status"] = (requests["PATCH status"] ?? 0) - total;
    console.log(
      `updates: ${total} sent in ${s(sentMs)} (${
        (total / sentMs * 1000).toFixed(0)
      }/s); baseline (bare informer) saw the last ${s(watchMs - sentMs)} after the last was sent`,
    );
    console.log(
      `  drained (${await received()} notifications, ${requests["PATCH"] ?? 0} patches) ${
        s(drainMs)
      } after the first update, ${s(drainMs - sentMs)} after the last: ${
        (total / drainMs * 1000).toFixed(0)
      } updates/s, ${(drainMs / watchMs).toFixed(2)}× the baseline`,
    );
    console.log(
      `  ${
        ((requests["PATCH"] ?? 0) / Math.max(1, await received())).toFixed(2)
      } patches per delivered notification; RSS peak ${
        mb(peak)
      }; API requests on Foos besides the 10,000 updates (the baseline informer's list and watch included) ${
        JSON.stringify(requests)
      }`,
    );

    // 3. catch-up after a restart
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
    await update((i) => (i % 10 === 1 ? { ready: true, n: 2 } : { n: 2 }));
    peak = 0;
    before = await fooRequests(cluster);
    t = performance.now();
    started = contender.start(cluster, ns);
    child = started.child;
    children.push(child);
    await waitFor(() => drained(2 * notifications, before));
    const catchUpMs = performance.now() - t;
    await new Promise((r) => setTimeout(r, 1000));
    requests = delta(await fooRequests(cluster), before);
    console.log(
      `catch-up: ${total} changed Foos (${notifications} to notify) drained ${
        s(catchUpMs)
      } after the process started: ${(total / catchUpMs * 1000).toFixed(0)} resources/s; RSS peak ${
        mb(peak)
      }; API requests on Foos ${JSON.stringify(requests)}; ${await received()} notifications in all (${
        2 * notifications
      } expected)`,
    );
    child.kill("SIGTERM");
  } finally {
    clearInterval(sampler);
  }
}

const cluster = await startCluster({ readyTimeoutMs: 120_000 });
try {
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  await installFooCrd(kc);
  const admin = createKubeClient({ kubeconfig: cluster.kubeconfigPath });
  await build({
    entryPoints: ["lib/shell/cli/main.ts"],
    outfile: bin,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  await run(cluster, admin, ours, "bench-ts");
  const skipped = buildGo();
  if (skipped === undefined) await run(cluster, admin, go, "bench-go");
  else console.log(`\n${skipped}`);
} finally {
  for (const c of children) c.kill("SIGKILL");
  rmSync(bin, { force: true });
  await cluster.stop();
}
