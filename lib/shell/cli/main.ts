#!/usr/bin/env node
/**
 * The `notifications-engine` program (the package's `bin`).
 * @module
 */
import { processCliIO } from "./cli-io.ts";
import { runCli } from "./run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), processCliIO());
