/**
 * What running a rule test file produces, as data (the CLI prints it as text, JSON or JUnit). Every string in it has
 * the configuration's secrets redacted.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { RenderedContent } from "../templates/mod.ts";
import type { Failure } from "./expect-notifications.ts";
import type { Explanation } from "../engine/mod.ts";
import type { Position, RuleFileError } from "./rule-file.ts";

/** A sent notification, as a rule test shows it. */
export interface SentView {
  readonly trigger: string;
  readonly service: string;
  readonly recipient: string;
  readonly templates: readonly string[];
  readonly stateKey: string;
  readonly content: RenderedContent;
  /** The request the service would receive (from its provider's `prepare`), or why there is none. */
  readonly request?: unknown;
}

/** One step's outcome. */
export interface StepResult {
  readonly name: string;
  readonly index: number;
  readonly position: Position;
  /** The step's time, RFC 3339. */
  readonly time: string;
  readonly passed: boolean;
  readonly sent: readonly SentView[];
  readonly failures: readonly Failure[];
  /** What `evaluate` reported on the way. */
  readonly diagnostics: readonly Diagnostic[];
  /** Why each trigger × condition × destination did or did not send; present when the step failed. */
  readonly explanation?: Explanation;
}

/** One scenario's outcome; steps after a step that could not run are not run. */
export interface ScenarioResult {
  readonly name: string;
  readonly position: Position;
  readonly passed: boolean;
  readonly steps: readonly StepResult[];
}

/** One rule file's outcome. */
export interface RuleFileResult {
  readonly file: string;
  readonly passed: boolean;
  /** Problems with the file itself (schema, referenced files, names the configuration lacks, configuration errors). */
  readonly errors: readonly RuleFileError[];
  /** Warnings from decoding the configuration. */
  readonly warnings: readonly Diagnostic[];
  readonly scenarios: readonly ScenarioResult[];
}

/** Counts over many files. */
export interface RuleRunSummary {
  readonly files: number;
  readonly scenarios: number;
  readonly passedScenarios: number;
  readonly failedScenarios: number;
  readonly brokenFiles: number;
}

/**
 * Counts files and scenarios.
 * @param results the files' results
 * @returns the counts
 */
export function summarize(results: readonly RuleFileResult[]): RuleRunSummary {
  const scenarios = results.flatMap((r) => r.scenarios);
  const passedScenarios = scenarios.filter((s) => s.passed).length;
  return {
    files: results.length,
    scenarios: scenarios.length,
    passedScenarios,
    failedScenarios: scenarios.length - passedScenarios,
    brokenFiles: results.filter((r) => r.errors.length > 0).length,
  };
}
