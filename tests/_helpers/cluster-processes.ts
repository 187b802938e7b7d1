/**
 * The process side of the test cluster: finding the cached binaries, free loopback ports, starting a server with its
 * output in a log file, stopping it, and reaping what an earlier test run left behind (a worker killed before its
 * `stop()`).
 *
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Prefix of every cluster's temporary folder under the OS temp dir. */
export const CLUSTER_DIR_PREFIX = "notifications-engine-cluster-";

/** The file in a cluster folder naming the test process that owns it and the servers it started. */
export const OWNER_FILE = "owner.json";

/** What {@link OWNER_FILE} holds. */
export interface Owner {
  readonly ownerPid: number;
  readonly pids: readonly number[];
}

/**
 * The etcd and kube-apiserver binaries: `$ETCD_BIN` / `$KUBE_APISERVER_BIN` when set, else the ones
 * `scripts/cluster/build.sh` cached for the versions in `scripts/cluster/versions.env`.
 *
 * @returns Absolute paths; throws with the command to run when a binary is missing.
 */
export function clusterBinaries(): { etcd: string; kubeApiserver: string } {
  const versions = Object.fromEntries(
    readFileSync(join(ROOT, "scripts/cluster/versions.env"), "utf8")
      .split("\n")
      .map((line) => /^([A-Z_]+)=(\S+)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
  const cache = process.env["CLUSTER_CACHE"] ?? join(ROOT, ".cache/cluster");
  const etcd = process.env["ETCD_BIN"] ?? join(cache, "bin", `etcd-${versions["ETCD_VERSION"]}`);
  const kubeApiserver = process.env["KUBE_APISERVER_BIN"] ??
    join(cache, "bin", `kube-apiserver-${versions["KUBERNETES_VERSION"]}`);
  for (const bin of [etcd, kubeApiserver]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run scripts/cluster/build.sh (or npm run test:cluster)`);
  }
  return { etcd, kubeApiserver };
}

/** A loopback TCP port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))
      );
    });
  });
}

/** A started server process. */
export interface Server {
  readonly child: ChildProcess;
  /** Settles with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** The file receiving its stdout and stderr. */
  readonly logPath: string;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills every server still running when the test process exits without having called `stop()`. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

/**
 * Starts `bin` with `args`, stdout and stderr appended to `logPath`.
 *
 * @param bin The executable.
 * @param args Its arguments.
 * @param options.logPath Where its output goes.
 * @returns The running server.
 */
export async function startServer(bin: string, args: readonly string[], options: { logPath: string }): Promise<Server> {
  installExitHook();
  const log = await open(options.logPath, "a");
  const child = spawn(bin, args, { stdio: ["ignore", log.fd, log.fd] });
  live.add(child);
  const exited = new Promise<number | string>((resolveExit) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      void log.close();
      resolveExit(code ?? signal ?? "unknown");
    });
    child.once("error", (error) => {
      live.delete(child);
      void log.close();
      resolveExit(error.message);
    });
  });
  return { child, exited, logPath: options.logPath };
}

/**
 * Stops a server: SIGTERM, then SIGKILL after `graceMs`, and waits for it to exit.
 *
 * @param server The server.
 * @param options.graceMs How long it may take to shut down (default 5000).
 */
export async function stopServer(server: Server, options: { graceMs?: number } = {}): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), options.graceMs ?? 5000);
  await server.exited;
  clearTimeout(timer);
}

/** The last `lines` lines of a log file, for error messages. */
export function logTail(path: string, lines = 30): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pid` is still a process started for `dir` (its command line names the folder), not a reused pid. */
function startedFor(pid: number, dir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(dir);
  } catch {
    return false;
  }
}

/**
 * Removes the cluster folders of test processes that are gone, killing (by pid, SIGKILL) the servers they left
 * running. Folders of live test processes are left alone.
 *
 * @returns How many leftover folders were removed.
 */
export function reapLeftovers(): number {
  let reaped = 0;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: Owner;
    try {
      owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), "utf8")) as Owner;
    } catch {
      continue; // being created right now, or not ours
    }
    if (alive(owner.ownerPid)) continue;
    for (const pid of owner.pids) if (alive(pid) && startedFor(pid, dir)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    reaped++;
  }
  return reaped;
}
