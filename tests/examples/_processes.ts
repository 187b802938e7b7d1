/** Starting the examples' servers (and Redis) as processes, and reading what they print. */
import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

/** A started process and the URL or line it announced. */
export interface Started {
  readonly child: ChildProcess;
  readonly line: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const deno = (globalThis as { Deno?: { execPath(): string } }).Deno;

/** The deno binary: this one under `deno test`, the npm package's under Node. */
export function denoBinary(): string {
  return deno !== undefined ? deno.execPath() : resolve("node_modules/.bin/deno");
}

/**
 * Starts a process and waits for a line of its output matching `ready` (at most `timeoutMs`).
 * @returns the process and the matching line
 */
export function startProcess(
  command: string,
  args: readonly string[],
  options: { readonly env?: Record<string, string>; readonly ready: RegExp; readonly timeoutMs?: number },
): Promise<Started> {
  const child = spawn(command, [...args], {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = (): Promise<void> =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`${command} did not start in time:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (d: Buffer): void => {
      output += d.toString("utf8");
      const line = output.split("\n").find((l) => options.ready.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      done({ child, line, output: () => output, stop });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
    child.once("error", fail);
  });
}

/** Runs a command to its end and returns what it printed to standard output. */
export function output(command: string, args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, [...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.once("error", fail);
    child.once("close", (code) => (code === 0 ? done(out) : fail(new Error(`${command} exited with ${code}`))));
  });
}
