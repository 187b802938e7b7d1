/**
 * A real Kubernetes API server for tests: etcd and kube-apiserver (built by `scripts/cluster/build.sh`) on loopback,
 * free ports, freshly generated certificates, RBAC, static bearer tokens, a kubeconfig file, and a clean teardown —
 * the way controller-runtime's envtest runs its control plane. No controller-manager, scheduler or kubelet run:
 * namespaces stay `Terminating` once deleted and pods are never scheduled.
 *
 * Authentication is by bearer token (a `--token-auth-file`): the `admin` user is in `system:masters`; `users` adds
 * more, for RBAC denial tests. Bearer tokens also pass through an HTTPS-terminating fault proxy, which client
 * certificates would not.
 *
 * @example
 * ```ts
 * const cluster = await startCluster();
 * try {
 *   const kc = new KubeConfig();
 *   kc.loadFromFile(cluster.kubeconfigPath);
 *   // … kc.makeApiClient(CoreV1Api) …
 * } finally {
 *   await cluster.stop();
 * }
 * ```
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { generateClusterPki, type PemPair } from "./cluster-certs.ts";
import {
  CLUSTER_DIR_PREFIX,
  clusterBinaries,
  freePort,
  logTail,
  OWNER_FILE,
  reapLeftovers,
  type Server,
  startServer,
  stopServer,
} from "./cluster-processes.ts";

/** A user who authenticates with a bearer token; without groups it can do nothing under RBAC. */
export interface ClusterUser {
  readonly name: string;
  readonly groups?: readonly string[];
}

/** Options of {@linkcode startCluster}. */
export interface StartClusterOptions {
  /** Users besides `admin`, each given a random bearer token (see {@linkcode Cluster.tokens}). */
  readonly users?: readonly ClusterUser[];
  /** The API server's watch cache (default true, as in production); see {@linkcode Cluster.compact}. */
  readonly watchCache?: boolean;
  /** `--etcd-compaction-interval` of the API server (default "0": never; compact with {@linkcode Cluster.compact}). */
  readonly compactionInterval?: string;
  /** More kube-apiserver flags. */
  readonly apiServerArgs?: readonly string[];
  /** How long etcd plus the API server may take to become ready (default 90 s). */
  readonly readyTimeoutMs?: number;
}

/** A running test cluster. */
export interface Cluster {
  /** The API server's URL, `https://127.0.0.1:<port>`. */
  readonly server: string;
  /** A kubeconfig for `admin` (system:masters) on {@linkcode Cluster.server}. */
  readonly kubeconfigPath: string;
  /** The admin's bearer token. */
  readonly token: string;
  /** Bearer token of every user by name, `admin` included. */
  readonly tokens: Readonly<Record<string, string>>;
  /** The CA that signed the serving certificate, PEM. */
  readonly caPem: string;
  /** The serving certificate and key (valid for 127.0.0.1 and localhost), for an HTTPS-terminating proxy. */
  readonly serving: PemPair;
  /** etcd's client URL (plain HTTP on loopback; its JSON gateway answers under `/v3/`). */
  readonly etcdUrl: string;
  /** The cluster's temporary folder (data, certificates, logs); removed by `stop()`. */
  readonly dir: string;
  /**
   * Writes a kubeconfig for a user, optionally pointing at another server (a fault proxy).
   *
   * @param options.user A name from `tokens` (default `admin`).
   * @param options.server The URL to talk to (default {@linkcode Cluster.server}); its certificate must chain to
   *   the cluster CA.
   * @returns The file's path, inside {@linkcode Cluster.dir}.
   */
  writeKubeconfig(options?: { user?: string; server?: string }): string;
  /**
   * Compacts etcd's history up to now: a watch from a resourceVersion older than the latest write of its
   * resources gets an `ERROR` event with a 410 `Expired` Status (a client that saw the latest write resumes: it
   * lost nothing). Only where etcd serves the watch: with `watchCache: false`, or the resource's cache off
   * (`--watch-cache-sizes=<resource>#0`); the watch cache keeps its own window of events.
   *
   * @returns The revision compacted to.
   */
  compact(): Promise<number>;
  /** Stops the API server and etcd and removes {@linkcode Cluster.dir}. Safe to call twice. */
  stop(): Promise<void>;
}

function randomToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("hex");
}

/** GET `url` trusting `ca`; resolves with the status code, or 0 when the connection failed. */
function getStatus(url: string, ca: string, token: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = request(url, { ca, headers: { authorization: `Bearer ${token}` }, timeout: 5000 }, (res) => {
      res.resume();
      res.on("end", () => resolveStatus(res.statusCode ?? 0));
    });
    req.on("error", () => resolveStatus(0));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

async function etcdPost(etcdUrl: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${etcdUrl}${path}`, { method: "POST", body: JSON.stringify(body) });
  const json = await res.json() as Record<string, unknown>;
  if (!res.ok) throw new Error(`etcd ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function waitFor(
  what: string,
  ready: () => Promise<boolean>,
  server: Server,
  deadline: number,
): Promise<void> {
  for (;;) {
    if (await ready()) return;
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${what} exited (${await server.exited}):\n${logTail(server.logPath)}`);
    }
    if (Date.now() > deadline) throw new Error(`${what} not ready in time:\n${logTail(server.logPath)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Starts etcd and kube-apiserver on free loopback ports and waits until `/readyz` answers 200. Removes the leftovers
 * of earlier runs whose test process died first.
 *
 * @param options See {@linkcode StartClusterOptions}.
 * @returns The running cluster; call `stop()` when done.
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<Cluster> {
  reapLeftovers();
  const bins = clusterBinaries();
  // A port found free can be taken by another process before our server binds it: then start again on new ports.
  for (let attempt = 1;; attempt++) {
    try {
      return await startOnce(bins, options);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("address already in use")) throw error;
    }
  }
}

async function startOnce(
  bins: { etcd: string; kubeApiserver: string },
  options: StartClusterOptions,
): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_DIR_PREFIX));
  const servers: Server[] = [];
  const writeOwner = (): void =>
    writeFileSync(
      join(dir, OWNER_FILE),
      JSON.stringify({ ownerPid: process.pid, pids: servers.map((s) => s.child.pid) }),
    );
  writeOwner();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const server of [...servers].reverse()) await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pki = await generateClusterPki();
    const file = (name: string, content: string): string => {
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    };
    const tokens: Record<string, string> = { admin: randomToken() };
    const tokenLines = [`${tokens["admin"]},admin,admin,"system:masters"`];
    for (const user of options.users ?? []) {
      tokens[user.name] = randomToken();
      tokenLines.push(`${tokens[user.name]},${user.name},${user.name},"${(user.groups ?? []).join(",")}"`);
    }
    const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);

    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const etcd = await startServer(bins.etcd, [
      `--name=test`,
      `--data-dir=${join(dir, "etcd")}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
      `--initial-cluster=test=http://127.0.0.1:${peerPort}`,
      "--unsafe-no-fsync",
      "--log-level=warn",
    ], { logPath: join(dir, "etcd.log") });
    servers.push(etcd);
    writeOwner();
    await waitFor(
      "etcd",
      async () => (await fetch(`${etcdUrl}/health`).catch(() => null))?.ok === true,
      etcd,
      deadline,
    );

    const server = `https://127.0.0.1:${apiPort}`;
    const apiServer = await startServer(bins.kubeApiserver, [
      `--etcd-servers=${etcdUrl}`,
      `--etcd-compaction-interval=${options.compactionInterval ?? "0"}`,
      `--watch-cache=${options.watchCache ?? true}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      `--cert-dir=${join(dir, "certs")}`,
      `--tls-cert-file=${file("serving.crt", pki.serving.certPem)}`,
      `--tls-private-key-file=${file("serving.key", pki.serving.keyPem)}`,
      `--token-auth-file=${file("tokens.csv", tokenLines.join("\n") + "\n")}`,
      "--authorization-mode=RBAC",
      "--service-cluster-ip-range=10.0.0.0/24",
      "--allow-privileged=true",
      "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
      `--service-account-key-file=${file("sa.pub", pki.serviceAccount.publicKeyPem)}`,
      `--service-account-signing-key-file=${file("sa.key", pki.serviceAccount.keyPem)}`,
      "--profiling=false",
      // /readyz then waits for the watch caches of built-in resources: no "storage is (re)initializing" 429 after.
      "--feature-gates=WatchCacheInitializationPostStartHook=true",
      ...(options.apiServerArgs ?? []),
    ], { logPath: join(dir, "kube-apiserver.log") });
    servers.push(apiServer);
    writeOwner();
    await waitFor(
      "kube-apiserver",
      async () => await getStatus(`${server}/readyz`, pki.caPem, tokens["admin"]!) === 200,
      apiServer,
      deadline,
    );

    const writeKubeconfig = (o: { user?: string; server?: string } = {}): string => {
      const user = o.user ?? "admin";
      const token = tokens[user];
      if (token === undefined) {
        throw new Error(`no user ${user} in this cluster (users: ${Object.keys(tokens).join(", ")})`);
      }
      const target = o.server ?? server;
      const name = `${user}@${target.replace(/^https:\/\//, "").replace(/[^\w.-]/g, "_")}`;
      return file(
        `kubeconfig-${name}.yaml`,
        stringify({
          apiVersion: "v1",
          kind: "Config",
          clusters: [{
            name: "test",
            cluster: { server: target, "certificate-authority-data": Buffer.from(pki.caPem).toString("base64") },
          }],
          users: [{ name: user, user: { token } }],
          contexts: [{ name: "test", context: { cluster: "test", user, namespace: "default" } }],
          "current-context": "test",
        }),
      );
    };
    const compact = async (): Promise<number> => {
      // A write outside /registry first, so the compaction revision is never a change of a watched key: a watch
      // from just before such a change would get a 500 "etcd event received with PrevKv=nil" instead of a 410.
      const put = await etcdPost(etcdUrl, "/v3/kv/put", {
        key: Buffer.from("/test/compaction").toString("base64"),
        value: "",
      });
      const revision = Number((put["header"] as { revision: string }).revision);
      await etcdPost(etcdUrl, "/v3/kv/compaction", { revision: String(revision), physical: true });
      return revision;
    };
    return {
      server,
      kubeconfigPath: writeKubeconfig(),
      token: tokens["admin"]!,
      tokens,
      caPem: pki.caPem,
      serving: pki.serving,
      etcdUrl,
      dir,
      writeKubeconfig,
      compact,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
