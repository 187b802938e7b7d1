/**
 * Rule tests: notification rules checked as data. A rule test file (YAML) names the configuration, a time and
 * scenarios — sequences of resource states, each with the notifications it must send — and {@linkcode runRuleFile}
 * walks them through `evaluate`, the notified state carried from step to step as the controller carries it. When a
 * step fails, its {@linkcode Explanation}, recorded by `evaluate` in the same pass, says why each trigger × condition
 * × destination did or did not send.
 *
 * Pure, and its own entry point (`notifications-engine/rules`), so that a program that only decides does not carry
 * the explanations' and reports' text: the shell reads the files (`notifications-engine test`, `runRuleFiles` of
 * `./shell`).
 *
 * @example A scenario that notifies once
 * ```ts
 * import { parseRuleFile, runRuleFile } from "notifications-engine/rules";
 * import { builtinProviders } from "notifications-engine/providers";
 * import { expect } from "expect";
 *
 * const text = `
 * config:
 *   data:
 *     trigger.on-ready: "- when: obj.status.ready\\n  send: [ready]"
 *     template.ready: "message: '{{.obj.metadata.name}} is ready'"
 *     service.console: ""
 * now: 2024-01-02T03:04:05Z
 * scenarios:
 *   - name: notifies once
 *     resource:
 *       metadata:
 *         name: web
 *         annotations: {notifications.argoproj.io/subscribe.on-ready.console: ""}
 *       status: {ready: false}
 *     steps:
 *       - expect: none
 *       - patch: {status: {ready: true}}
 *         expect: [{trigger: on-ready, message: web is ready}]
 *       - expect: none
 * `;
 * const parsed = parseRuleFile(text, "ready.rules.yaml");
 * if (parsed._tag === "Left") throw new Error(parsed.left[0]?.message);
 * const result = runRuleFile(parsed.right, { files: new Map(), services: builtinProviders });
 * expect(result.passed).toBe(true);
 * ```
 * @module
 */
export type {
  ConditionResult,
  ExplainedCondition,
  Explanation,
  ExplanationEntry,
  Outcome,
  OutcomeTag,
  SubscriptionSources,
  TriggerSources,
} from "../engine/mod.ts";
export type { Failure, Sent } from "./expect-notifications.ts";
export { describeExpectation, expectNotifications } from "./expect-notifications.ts";
export type { TextStyle } from "./format-explanation.ts";
export { describeOutcome, describeSources, formatExplanation, plainStyle } from "./format-explanation.ts";
export { formatJunit } from "./format-junit.ts";
export { formatRuleReport } from "./format-report.ts";
export type { Matcher } from "./matcher.ts";
export { compileMatcher, runMatcher } from "./matcher.ts";
export { mergePatch } from "./merge-patch.ts";
export { parseRuleFile, referencedFiles } from "./parse-rule-file.ts";
export type {
  ConfigSource,
  Expectation,
  FieldMatchers,
  Position,
  RuleFile,
  RuleFileError,
  Scenario,
  Sourced,
  Step,
} from "./rule-file.ts";
export { formatRuleFileError } from "./rule-file.ts";
export type { RuleFileResult, RuleRunSummary, ScenarioResult, SentView, StepResult } from "./rule-result.ts";
export { summarize } from "./rule-result.ts";
export type { RunRuleFileOptions } from "./run-rule-file.ts";
export { redactDeep, runRuleFile, stepLabel } from "./run-rule-file.ts";
export { carryState, resolveStepResource } from "./step-resource.ts";
