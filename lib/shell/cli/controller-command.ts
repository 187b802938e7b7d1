/**
 * `notifications-engine controller`: runs the controller on a cluster with the kubeconfig (or in-cluster) credentials,
 * serving `/metrics`, `/healthz` and `/readyz`, logging JSON lines. It exits non-zero only for bad flags; an
 * unreachable API server, a missing ConfigMap, RBAC refusals are logged and retried while it runs.
 * @module
 */
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { createKubeClient } from "../kubernetes/kube-client.ts";
import { createKubeController, type KubeController, type WatchedResource } from "../kubernetes/kube-controller.ts";
import { parseResourceSpec } from "../kubernetes/informer-source.ts";
import type { NamespacedName } from "../kubernetes/config-watcher.ts";
import { serveHealth } from "../health-server.ts";
import { createLog } from "../log.ts";
import { createControllerMetrics } from "../metrics.ts";

/** What the command needs from its process. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Environment variables (`POD_NAME`, `KUBECONFIG`…). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Aborted to stop the controller; the command then releases its Leases and resolves. Without one, SIGTERM and
   * SIGINT of this process stop it.
   */
  readonly signal?: AbortSignal;
  /** Called once the controller runs (tests use it to reach it). */
  readonly onStarted?: (running: { readonly controller: KubeController; readonly metricsPort: number }) => void;
}

/** The `--help` text. */
export const controllerUsage: string =
  `Usage: notifications-engine controller --resource <group/version/resource>=<name> [flags]

Runs the notification controller: watches resources, evaluates the triggers of the notification ConfigMap on every
change, delivers, and records what was delivered.

Flags:
  --resource <g/v/r>=<name>   a kind to watch and its variable in conditions and templates, e.g.
                              cert-manager.io/v1/certificates=cert or v1/configmaps=cm (repeatable; required)
  --configmap <ns>/<name>     the notification ConfigMap (default <namespace>/notifications-cm)
  --secret <ns>/<name>        the Secret its service settings reference as $key (default <namespace>/notifications-secret)
  --namespace <ns>            watch resources in this namespace only (default: all namespaces)
  --label-selector <sel>      watch only resources with these labels
  --field-selector <sel>      watch only resources with these fields
  --state <store>             annotation (default; the Go engine's notified.<prefix> annotation) or configmap
                              (one ConfigMap per resource, which other writers of the resource cannot clobber)
  --annotation-prefix <p>     default notifications.argoproj.io
  --self-service              also use each namespace's own ConfigMap and Secret of the same names
  --shards <n>                0: no election (default); 1: leader election on a Lease; n: n shards by UID hash,
                              each owned through its own Lease
  --lease-name <name>         default notifications-engine
  --lease-namespace <ns>      default the ConfigMap's namespace
  --lease-duration <d>        default 15s (renew deadline 2/3 of it, retry period 1/7.5 of it)
  --identity <id>             this replica's name in the Leases (default $POD_NAME, else host-pid)
  --kubeconfig <file>         default $KUBECONFIG, else in-cluster credentials, else ~/.kube/config
  --context <name>            the kubeconfig context
  --metrics-port <port>       serve /metrics, /healthz, /readyz (default 9001; 0: any free port)
  --concurrency <n>           resources processed at once (default 8)
  --log-level <level>         debug, info (default), warn, error
  --help                      this text
`;

const options = {
  resource: { type: "string", multiple: true },
  configmap: { type: "string" },
  secret: { type: "string" },
  namespace: { type: "string" },
  "label-selector": { type: "string" },
  "field-selector": { type: "string" },
  state: { type: "string", default: "annotation" },
  "annotation-prefix": { type: "string" },
  "self-service": { type: "boolean", default: false },
  shards: { type: "string", default: "0" },
  "lease-name": { type: "string" },
  "lease-namespace": { type: "string" },
  "lease-duration": { type: "string", default: "15s" },
  identity: { type: "string" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  "metrics-port": { type: "string", default: "9001" },
  concurrency: { type: "string", default: "8" },
  "log-level": { type: "string", default: "info" },
  help: { type: "boolean", default: false },
} as const;

type Flags = ReturnType<
  typeof parseArgs<{ options: typeof options; allowPositionals: false; args: string[] }>
>["values"];

class FlagError extends Error {}

function namespacedName(flag: string, text: string): NamespacedName {
  const [namespace, name, ...rest] = text.split("/");
  if (namespace === undefined || namespace === "" || name === undefined || name === "" || rest.length > 0) {
    throw new FlagError(`--${flag} must be <namespace>/<name>, not "${text}"`);
  }
  return { namespace, name };
}

function integer(flag: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new FlagError(`--${flag} must be an integer of at least ${min}, not "${text}"`);
  }
  return Number(text);
}

/**
 * Parses a duration flag: `500ms`, `15s`, `2m`.
 * @param flag the flag's name, for the error
 * @param text the value
 * @returns milliseconds
 */
function durationMs(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text);
  if (m === null || Number(m[1]) <= 0) {
    throw new FlagError(`--${flag} must be a duration like 500ms, 15s or 2m, not "${text}"`);
  }
  return Number(m[1]) * (m[2] === "ms" ? 1 : m[2] === "s" ? 1000 : 60_000);
}

function resources(
  values: readonly string[],
  v: { namespace?: string; labelSelector?: string; fieldSelector?: string },
): WatchedResource[] {
  if (values.length === 0) {
    throw new FlagError("--resource is required (e.g. --resource cert-manager.io/v1/certificates=cert)");
  }
  return values.map((value) => {
    const eq = value.lastIndexOf("=");
    const spec = parseResourceSpec(eq < 0 ? value : value.slice(0, eq));
    const name = eq < 0 ? "" : value.slice(eq + 1);
    if (spec === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new FlagError(`--resource must be <group>/<version>/<resource>=<variable name>, not "${value}"`);
    }
    return {
      spec: {
        ...spec,
        ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
        ...(v.labelSelector !== undefined ? { labelSelector: v.labelSelector } : {}),
        ...(v.fieldSelector !== undefined ? { fieldSelector: v.fieldSelector } : {}),
      },
      resourceName: name,
    };
  });
}

/**
 * Runs the command until `io.signal` aborts.
 * @param argv the arguments after `controller`
 * @param io output, environment, stop signal
 * @returns the exit code: 0, or 2 for bad flags
 */
export async function runControllerCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  let parsed: Flags;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n\n${controllerUsage}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(controllerUsage);
    return 0;
  }
  let running: { controller: KubeController; close: () => Promise<void> };
  try {
    running = await start(parsed, io);
  } catch (e) {
    if (!(e instanceof FlagError) && !(e instanceof TypeError)) throw e;
    io.stderr(`${e.message}\n\nRun with --help for the flags.\n`);
    return 2;
  }
  const signal = io.signal ?? processSignal();
  await new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await running.close();
  return 0;
}

/** Aborted by the first SIGTERM or SIGINT of this process. */
function processSignal(): AbortSignal {
  const stop = new AbortController();
  for (const name of ["SIGTERM", "SIGINT"] as const) process.once(name, () => stop.abort());
  return stop.signal;
}

async function start(v: Flags, io: CommandIO): Promise<{ controller: KubeController; close: () => Promise<void> }> {
  const state = v.state;
  if (state !== "annotation" && state !== "configmap") {
    throw new FlagError(`--state must be annotation or configmap, not "${state}"`);
  }
  const shards = integer("shards", v.shards, 0);
  const leaseDurationMs = durationMs("lease-duration", v["lease-duration"]);
  const port = integer("metrics-port", v["metrics-port"], 0);
  const concurrency = integer("concurrency", v.concurrency, 1);
  const watched = resources(v.resource ?? [], {
    ...(v.namespace !== undefined ? { namespace: v.namespace } : {}),
    ...(v["label-selector"] !== undefined ? { labelSelector: v["label-selector"] } : {}),
    ...(v["field-selector"] !== undefined ? { fieldSelector: v["field-selector"] } : {}),
  });
  const client = createKubeClient({
    ...(v.kubeconfig !== undefined ? { kubeconfig: v.kubeconfig } : {}),
    ...(v.context !== undefined ? { context: v.context } : {}),
  });
  const configMap = v.configmap !== undefined
    ? namespacedName("configmap", v.configmap)
    : { namespace: client.namespace, name: "notifications-cm" };
  const secret = v.secret !== undefined
    ? namespacedName("secret", v.secret)
    : { namespace: configMap.namespace, name: "notifications-secret" };
  // deno-lint-ignore prefer-const -- the log's redaction captures it before the controller exists
  let controller: KubeController | undefined;
  const log = createLog({
    level: v["log-level"],
    write: (line) => io.stdout(`${line}\n`),
    redact: (t) => controller?.configs.redact(t) ?? t,
  });
  const metrics = createControllerMetrics({ processMetrics: true });
  const identity = v.identity ?? io.env["POD_NAME"] ?? `${hostname()}-${process.pid}`;
  controller = createKubeController({
    client,
    resources: watched,
    configMap,
    secret,
    selfService: v["self-service"],
    state,
    ...(v["annotation-prefix"] !== undefined ? { annotationPrefix: v["annotation-prefix"] } : {}),
    ...(shards > 0
      ? {
        leases: {
          shards,
          identity,
          ...(v["lease-name"] !== undefined ? { name: v["lease-name"] } : {}),
          ...(v["lease-namespace"] !== undefined ? { namespace: v["lease-namespace"] } : {}),
          leaseDurationMs,
          renewDeadlineMs: Math.round(leaseDurationMs * 2 / 3),
          retryPeriodMs: Math.round(leaseDurationMs / 7.5),
        },
      }
      : {}),
    concurrency,
    log,
    metrics,
  });
  const server = await serveHealth({ port, metrics, ready: () => controller!.ready() });
  log.info("controller starting", {
    server: client.server,
    resources: watched.map((r) => r.spec.resource),
    state,
    shards,
    identity,
    metricsPort: server.port,
  });
  // Not awaited: an unreachable API server keeps it starting (retrying with backoff), and a stop must still work.
  let closing = false;
  const starting = controller.start().then(() => {
    if (closing) return;
    log.info("controller started", { identity });
    io.onStarted?.({ controller: controller!, metricsPort: server.port });
  });
  return {
    controller,
    close: async () => {
      closing = true;
      log.info("controller stopping", { identity });
      await controller!.stop();
      await starting.catch(() => undefined);
      await server.close();
      client.close();
    },
  };
}
