/**
 * A temporary entry running `runControllerCommand` on this process (arguments, environment, SIGTERM and SIGINT stop
 * it), until the shared `notifications-engine` bin dispatches to it: `tsx lib/shell/cli/controller-bin.ts --help`.
 * @module
 */
import { runControllerCommand } from "./controller-command.ts";

const stop = new AbortController();
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop.abort());
const code = await runControllerCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: stop.signal,
});
process.exit(code);
