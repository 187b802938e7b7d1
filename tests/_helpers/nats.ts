/**
 * A real `nats-server` on loopback for NATS tests, started from the binary that `.ci/run` installs (Debian's
 * `nats-server` package). Without it the test fails and says how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the server binary is: `NATS_SERVER` or `nats-server` on the PATH. */
export function natsServerBinary(): string {
  const bin = process.env["NATS_SERVER"] ?? "nats-server";
  const probe = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(`nats-server is needed for the NATS tests and was not found ("${bin}"): install it with "apt-get install -y nats-server" (as .ci/run does), or set NATS_SERVER to its path`);
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
 */
export async function startNats(config = ""): Promise<NatsLoopback> {
  const bin = natsServerBinary();
  const dir = mkdtempSync(join(tmpdir(), "nats-"));
  const port = await freePort();
  const file = join(dir, "nats.conf");
  writeFileSync(file, `listen: 127.0.0.1:${port}\n${config}\n`);
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
 * Publishes one message through the `nats` client against a throwaway server. Under Deno, the first socket the
 * client opens makes Deno's Node compatibility redefine `globalThis.queueMicrotask` (same function, other
 * descriptor), which the prototype-pollution canary would blame on the first test; a test module that calls this at
 * load time gets that done before the canary's snapshot.
 */
export async function warmUpNatsClient(): Promise<void> {
  const { deliverNats } = await import("../../providers/nats/deliver.ts");
  const server = await startNats();
  try {
    await deliverNats({ kind: "nats", servers: [server.url], subject: "warm-up", data: "", headers: { a: "b" } }, { timeoutMs: 5000 });
  } finally {
    await server.close();
  }
}
