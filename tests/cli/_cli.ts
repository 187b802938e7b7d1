/**
 * Runs the CLI as a process, as users do: under Node the built bin (`dist/`, which `npm test` builds first), under
 * Deno the TypeScript entry point with `deno run`.
 */
import { spawn } from "node:child_process";

/** What a run of the CLI printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const deno = (globalThis as { Deno?: { execPath(): string } }).Deno;

/** The command that starts the CLI in this runtime. */
export function cliCommand(): { command: string; args: string[] } {
  return deno !== undefined
    ? { command: deno.execPath(), args: ["run", "-A", "--quiet", "lib/shell/cli/main.ts"] }
    : { command: process.execPath, args: ["dist/lib/shell/cli/main.js"] };
}

/** Runs `notifications-engine <args>` from the repository's root, with `stdin` as standard input. */
export function runCliProcess(
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const { command, args: base } = cliCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...base, ...args], {
      env: { ...process.env, NO_COLOR: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
