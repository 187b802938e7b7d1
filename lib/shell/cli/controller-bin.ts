/**
 * A temporary entry running `runControllerCommand` on this process (arguments, environment; SIGTERM and SIGINT stop
 * it), until the shared `notifications-engine` bin dispatches to it: `tsx lib/shell/cli/controller-bin.ts --help`.
 * @module
 */
import { runControllerCommand } from "./controller-command.ts";

process.exitCode = await runControllerCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exit();
