/**
 * `notifications-engine test <files|globs…>`: runs rule test files.
 * @module
 */
import { formatJunit } from "../../rules/mod.ts";
import type { CliIO } from "./cli-io.ts";
import { outputFormat, serialize, textStyle } from "./output.ts";
import { runRuleFiles } from "./rule-files.ts";

/**
 * Runs the `test` verb.
 * @param files the patterns
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @returns the exit code: 0 all passed, 1 a failure or an invalid file, 2 a usage error
 */
export async function testCommand(
  files: readonly string[],
  flags: { readonly output?: string | undefined },
  io: CliIO,
): Promise<number> {
  const format = outputFormat(flags.output, ["text", "json", "junit"]);
  if (format !== "text" && format !== "json" && format !== "junit") {
    io.stderr(`${format}\n`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr("test: name at least one rule file or glob (see notifications-engine test --help)\n");
    return 2;
  }
  const run = await runRuleFiles(files, { cwd: io.cwd, ...(format === "text" ? { style: textStyle(io) } : {}) });
  if (format === "json") io.stdout(serialize({ passed: run.passed, results: run.results }, "json"));
  else if (format === "junit") io.stdout(formatJunit(run.results));
  else io.stdout(run.text);
  return run.passed ? 0 : 1;
}
