/**
 * A real `nats-server` on loopback for NATS tests, started from the binary that `.ci/run` installs (Debian's
 * `nats-server` package). Without it the test fails and says how to install it.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PemPair } from "./cluster-certs.ts";

/** Where the server binary is: `NATS_SERVER` or `nats-server` on the PATH. */
export function natsServerBinary(): string {
  const bin = process.env["NATS_SERVER"] ?? "nats-server";
  const probe = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      `nats-server is needed for the NATS tests and was not found ("${bin}"): install it with "apt-get install -y nats-server" (as .ci/run does), or set NATS_SERVER to its path`,
    );
  }
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A running server. */
export interface NatsLoopback {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts `nats-server` on 127.0.0.1 with a free port and the given configuration (authorization blocks).
 * @param config extra configuration text
 * @param options `tls`: a certificate and key the server requires TLS with
 */
export async function startNats(config = "", options: { tls?: PemPair } = {}): Promise<NatsLoopback> {
  const bin = natsServerBinary();
  const dir = mkdtempSync(join(tmpdir(), "nats-"));
  const port = await freePort();
  const file = join(dir, "nats.conf");
  let tls = "";
  if (options.tls !== undefined) {
    writeFileSync(join(dir, "cert.pem"), options.tls.certPem);
    writeFileSync(join(dir, "key.pem"), options.tls.keyPem);
    tls = `tls: {\n  cert_file: "${join(dir, "cert.pem")}"\n  key_file: "${join(dir, "key.pem")}"\n}\n`;
  }
  writeFileSync(file, `listen: 127.0.0.1:${port}\n${tls}${config}\n`);
  const child: ChildProcess = spawn(bin, ["-c", file], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  for (let i = 0; i < 200 && !log.includes("Server is ready"); i++) {
    if (child.exitCode !== null) throw new Error(`nats-server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!log.includes("Server is ready")) {
    child.kill();
    throw new Error(`nats-server did not start: ${log}`);
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * Publishes one message through the `nats` client against a throwaway server. Under Deno, the client's first
 * write (its CommonJS code calls `queueMicrotask`) makes Deno's Node compatibility redefine
 * `globalThis.queueMicrotask` (same function, other descriptor), which the prototype-pollution canary would blame on
 * the first test; a test module that calls this at load time gets that done before the canary's snapshot.
 */
export async function warmUpNatsClient(): Promise<void> {
  const { deliverNats } = await import("../../providers/nats/deliver.ts");
  const server = await startNats();
  try {
    await deliverNats({ kind: "nats", servers: [server.url], subject: "warm-up", data: "", headers: { a: "b" } }, {
      timeoutMs: 5000,
    });
  } finally {
    await server.close();
  }
}

/** One connection to a {@linkcode startScriptedNats} server, as its script sees it. */
export interface ScriptedPeer {
  /** Writes `text` and waits until it is handed to the kernel. */
  send(text: string): Promise<void>;
  /** Waits for a line from the client that starts with `prefix` (`CONNECT`, `PING`, `PUB`…), and returns it. */
  line(prefix: string): Promise<string>;
  /** Closes the connection (FIN). */
  end(): void;
  /** Resets the connection (RST). */
  reset(): void;
}

/** A {@linkcode startScriptedNats} server. */
export interface ScriptedNats {
  readonly url: string;
  /** Connections accepted. */
  accepted(): number;
  /** Resolves once every accepted connection is closed on the server's side. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/** An INFO line as nats-server sends it, without authentication or TLS. */
export const fakeInfo =
  'INFO {"server_id":"FAKE","server_name":"fake","version":"2.10.0","proto":1,"headers":true,"max_payload":1048576}\r\n';

/**
 * Starts a loopback TCP server that plays a NATS server badly: each connection runs `script` (resets, closes, errors,
 * silence), for the failures a real `nats-server` cannot be made to produce on purpose.
 * @param script what the server does on a connection
 */
export async function startScriptedNats(script: (peer: ScriptedPeer) => Promise<void>): Promise<ScriptedNats> {
  const sockets = new Set<Socket>();
  const open = new Set<Promise<void>>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on("error", () => undefined); // the client may reset too
    open.add(new Promise<void>((resolve) => s.once("close", () => (sockets.delete(s), resolve()))));
    let input = "";
    const waiting: { prefix: string; resolve(line: string): void }[] = [];
    const match = (): void => {
      for (const w of [...waiting]) {
        const line = input.split("\r\n").slice(0, -1).find((l) => l.startsWith(w.prefix));
        if (line !== undefined) waiting.splice(waiting.indexOf(w), 1), w.resolve(line);
      }
    };
    s.on("data", (c: Buffer) => ((input += c.toString("latin1")), match()));
    void script({
      send: (text) => new Promise((resolve) => s.write(text, () => resolve())),
      line: (prefix) => new Promise((resolve) => (waiting.push({ prefix, resolve }), match())),
      end: () => s.end(),
      reset: () => s.resetAndDestroy(),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `nats://127.0.0.1:${(server.address() as { port: number }).port}`,
    accepted: () => open.size,
    drained: () => Promise.all(open).then(() => undefined),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Collects the uncaught errors of the process (Deno: the global `error` event; Node: `uncaughtException`) until
 * `stop`, without handling them: the test runner still fails on each.
 */
export function watchUncaught(): { readonly errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  if ("Deno" in globalThis) {
    const onError = (e: ErrorEvent): void => void errors.push(e.error);
    globalThis.addEventListener("error", onError);
    return { errors, stop: () => globalThis.removeEventListener("error", onError) };
  }
  const onError = (e: unknown): void => void errors.push(e);
  process.on("uncaughtException", onError);
  return { errors, stop: () => void process.off("uncaughtException", onError) };
}
