/**
 * Running rule test files from disk: expands globs, reads each file and the files it references (relative to it),
 * and runs it with the built-in providers. What `notifications-engine test` runs, and what a test suite calls.
 * @module
 */
import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import type { ServiceTypes } from "../../config/mod.ts";
import { builtinProviders } from "../../../providers/mod.ts";
import { liquid } from "../../liquid/mod.ts";
import { formatRuleReport, parseRuleFile, referencedFiles, runRuleFile } from "../../rules/mod.ts";
import type { RuleFileResult, TextStyle } from "../../rules/mod.ts";
import { prepareRequest, serviceSecrets } from "./prepare-request.ts";

/** Options of {@linkcode runRuleFiles}. */
export interface RunRuleFilesOptions {
  /** Where relative patterns start; the current directory by default. */
  readonly cwd?: string;
  /** The service types; `builtinProviders` by default. */
  readonly services?: ServiceTypes;
  /** Emphasis for the text report (colours on a terminal); none by default. */
  readonly style?: TextStyle;
}

/** The outcome of running rule files. */
export interface RuleRun {
  readonly passed: boolean;
  readonly results: readonly RuleFileResult[];
  /** The report for people. */
  readonly text: string;
}

function broken(file: string, message: string): RuleFileResult {
  return { file, passed: false, errors: [{ file, message }], warnings: [], scenarios: [] };
}

async function expand(patterns: readonly string[], cwd: string): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const found = isDynamicPattern(pattern)
      ? (await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })).sort()
      : await stat(resolve(cwd, pattern)).then((s) => (s.isFile() ? [resolve(cwd, pattern)] : []), () => []);
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return { files, unmatched };
}

async function runOne(path: string, shown: string, services: ServiceTypes): Promise<RuleFileResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return broken(shown, `cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = parseRuleFile(text, shown);
  if (parsed._tag === "Left") return { file: shown, passed: false, errors: parsed.left, warnings: [], scenarios: [] };
  const files = new Map<string, string>();
  for (const ref of referencedFiles(parsed.right)) {
    if (files.has(ref.path)) continue;
    try {
      files.set(ref.path, await readFile(isAbsolute(ref.path) ? ref.path : resolve(dirname(path), ref.path), "utf8"));
    } catch {
      // runRuleFile reports the missing file at the line that names it
    }
  }
  return runRuleFile(parsed.right, {
    files,
    services,
    languages: { liquid },
    prepare: (n, service, now) => prepareRequest(n, service, now),
    secretsOf: serviceSecrets,
  });
}

/**
 * Runs rule test files.
 *
 * @param patterns files or globs (`examples/**\/*.rules.yaml`); a pattern that matches nothing is an error
 * @param options the directory patterns start from, the service types, the report's style
 * @returns each file's result, whether all passed, and the report for people
 * @example In a test (vitest or `deno test`)
 * ```ts ignore
 * import { runRuleFiles } from "notifications-engine/shell";
 * const run = await runRuleFiles(["examples/**\/*.rules.yaml"]);
 * if (!run.passed) throw new Error(run.text);
 * ```
 */
export async function runRuleFiles(patterns: readonly string[], options: RunRuleFilesOptions = {}): Promise<RuleRun> {
  const cwd = options.cwd ?? process.cwd();
  const services = options.services ?? builtinProviders;
  const { files, unmatched } = await expand(patterns, cwd);
  const results: RuleFileResult[] = unmatched.map((p) => broken(p, "no rule file matches this pattern"));
  for (const f of files) {
    const shown = relative(cwd, f);
    results.push(await runOne(f, shown.startsWith("..") ? f : shown, services));
  }
  if (patterns.length === 0) results.push(broken("(no files)", "name at least one rule file or glob"));
  const style = options.style !== undefined ? { style: options.style } : {};
  return { passed: results.every((r) => r.passed), results, text: formatRuleReport(results, style) };
}
