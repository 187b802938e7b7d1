/**
 * Runs a parsed rule test file: decodes its configuration, walks each scenario's steps through `evaluate` with the
 * notified state carried from step to step as the controller carries it (written into the resource's annotation,
 * read back at the next step), and checks each step's expectations.
 * @module
 */
import type { Config, ServiceConfig, ServiceTypes } from "../config/mod.ts";
import { decodeConfig, redactor } from "../config/mod.ts";
import { formatDiagnostic } from "../diagnostics.ts";
import type { Decision, EvaluateOptions, Explanation, Notification } from "../engine/mod.ts";
import { evaluate, renderNotifications } from "../engine/mod.ts";
import type { CompileOptions } from "../expr/mod.ts";
import type { TemplateLanguages } from "../templates/mod.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { didYouMean } from "../suggest.ts";
import { loadSourced } from "./_load.ts";
import { expectNotifications, type Failure, type Sent } from "./expect-notifications.ts";
import { carryState, resolveStepResource } from "./step-resource.ts";
import type { RuleFile, RuleFileError, Scenario, Step } from "./rule-file.ts";
import type { RuleFileResult, ScenarioResult, SentView, StepResult } from "./rule-result.ts";

/** What running a rule file needs besides the file. */
export interface RunRuleFileOptions {
  /** The texts of the files the rule file references, by path as written in it. */
  readonly files: ReadonlyMap<string, string>;
  /** The service types (`builtinProviders` of `./providers`); without them no `service.<type>` key decodes. */
  readonly services?: ServiceTypes;
  /** Host additions to the expression language. */
  readonly expr?: CompileOptions;
  /** The template languages besides Go's (`{ liquid }` of `lib/liquid`); Liquid templates are errors without it. */
  readonly languages?: TemplateLanguages;
  /** The request a notification's service would receive, as data, or why there is none (the provider's `prepare`). */
  readonly prepare?: (n: Notification, service: ServiceConfig, now: number) => Either<string, unknown>;
  /** The secret values of a service's settings, redacted from everything the run returns. */
  readonly secretsOf?: (service: ServiceConfig) => readonly string[];
}

interface Run {
  readonly rules: RuleFile;
  readonly config: Config;
  readonly options: RunRuleFileOptions;
}

function loadConfig(
  rules: RuleFile,
  options: RunRuleFileOptions,
): Either<readonly RuleFileError[], { config: Config; warnings: RuleFileResult["warnings"] }> {
  const ctx = { file: rules.path, files: options.files };
  const source = rules.config;
  const none: Either<RuleFileError, Readonly<Record<string, unknown>>> = E.right({});
  const cm = source.configMap === undefined
    ? none
    : loadSourced(ctx, source.configMap, { what: "config.configMap", kind: "ConfigMap" });
  const secret = source.secret === undefined
    ? none
    : loadSourced(ctx, source.secret, { what: "config.secret", kind: "Secret" });
  const errors = [cm, secret].flatMap((x) => (x._tag === "Left" ? [x.left] : []));
  if (cm._tag === "Left" || secret._tag === "Left") return E.left(errors);
  const data = { ...(cm.right["data"] as Record<string, string> | undefined), ...source.data };
  const secretData = secret.right["data"] as Record<string, string> | undefined;
  const stringData = { ...(secret.right["stringData"] as Record<string, string> | undefined), ...source.secretData };
  const decoded = decodeConfig({ data }, { ...(secretData !== undefined ? { data: secretData } : {}), stringData }, {
    ...(options.services !== undefined ? { services: options.services } : {}),
    ...(options.expr !== undefined ? { expr: options.expr } : {}),
    ...(options.languages !== undefined ? { languages: options.languages } : {}),
  });
  const at = source.configMap?.at ?? source.at;
  const configErrors = decoded.diagnostics.filter((d) => d.severity === "error").map((d): RuleFileError => ({
    file: rules.path,
    line: at.line,
    column: at.column,
    message: `the configuration: ${decoded.config.redact(formatDiagnostic(d))}`,
  }));
  if (configErrors.length > 0) return E.left(configErrors);
  return E.right({ config: decoded.config, warnings: decoded.diagnostics.filter((d) => d.severity !== "error") });
}

function unknownName(kind: string, name: string, known: Iterable<string>): string {
  const hint = didYouMean(name, [...known]);
  return `the ${kind} "${name}" is not configured${hint !== undefined ? `; ${hint}` : ""}`;
}

/** Names in expectations and events that the configuration lacks: errors, never silent passes. */
function checkNames(rules: RuleFile, config: Config): readonly RuleFileError[] {
  const errors: RuleFileError[] = [];
  for (const scenario of rules.scenarios) {
    for (const step of scenario.steps) {
      const where = stepLabel(scenario, step);
      const push = (at: { line: number; column: number }, message: string): void => {
        errors.push({ file: rules.path, line: at.line, column: at.column, where, message });
      };
      if (step.event !== undefined && !config.triggers.has(step.event)) {
        push(step.position, unknownName("trigger", step.event, config.triggers.keys()));
      }
      for (const e of step.expect ?? []) {
        if (e.trigger !== undefined && !config.triggers.has(e.trigger)) {
          push(e.at, unknownName("trigger", e.trigger, config.triggers.keys()));
        }
        if (e.template !== undefined && !config.templates.has(e.template)) {
          push(e.at, unknownName("template", e.template, config.templates.keys()));
        }
        if (e.service !== undefined && !config.services.has(e.service)) {
          push(e.at, unknownName("service", e.service, config.services.keys()));
        }
      }
    }
  }
  return errors;
}

/** `scenario "x", step 2 "ready"`. */
export function stepLabel(scenario: Scenario, step: Step): string {
  const named = step.name !== `step ${step.index + 1}` ? ` "${step.name}"` : "";
  return `scenario "${scenario.name}", step ${step.index + 1}${named}`;
}

function view(n: Notification, request: unknown): SentView {
  return {
    trigger: n.trigger,
    service: n.destination.service,
    recipient: n.destination.recipient,
    templates: n.templates,
    stateKey: n.stateKey,
    content: n.content,
    ...(request !== undefined ? { request } : {}),
  };
}

function runStep(
  run: Run,
  resource: Readonly<Record<string, unknown>>,
  step: Step,
  now: number,
): { result: Omit<StepResult, "name" | "index" | "position" | "time">; decision: Decision } {
  const { rules, config, options } = run;
  const base: EvaluateOptions = {
    now,
    ...(rules.resourceName !== undefined ? { resourceName: rules.resourceName } : {}),
    ...(rules.vars !== undefined ? { vars: rules.vars } : {}),
    ...(rules.annotationPrefix !== undefined ? { annotationPrefix: rules.annotationPrefix } : {}),
  };
  const { explanation, ...decision } = step.event !== undefined
    ? eventDecision(resource, config, { ...base, trigger: step.event })
    : evaluate(resource, config, { ...base, explain: true });
  const sent: Sent[] = decision.notifications.map((n) => {
    const service = config.services.get(n.destination.service);
    const prepared = service === undefined || options.prepare === undefined
      ? undefined
      : options.prepare(n, service, now);
    return {
      notification: n,
      request: prepared === undefined ? undefined : prepared._tag === "Right" ? prepared.right : prepared.left,
    };
  });
  const failures = step.expect === undefined ? [] : expectNotifications(step.expect, sent);
  return {
    decision,
    result: {
      passed: failures.length === 0,
      sent: sent.map((s) => view(s.notification, s.request)),
      failures,
      diagnostics: decision.diagnostics,
      ...(failures.length > 0 ? { explanation } : {}),
    },
  };
}

/**
 * The Argo Rollouts way of notifying: the controller emits an event (`RolloutCompleted`) naming a trigger
 * (`on-rollout-completed`), whose first condition's templates go to the trigger's destinations whatever the condition
 * says; nothing is recorded in the notified state.
 */
function eventDecision(
  resource: unknown,
  config: Config,
  options: EvaluateOptions & { readonly trigger: string },
): Decision & { readonly explanation: Explanation } {
  const { trigger, now, resourceName, vars, annotationPrefix, apiNamespace } = options;
  // checkNames made sure the trigger is configured; a trigger has at least one condition.
  const first = config.triggers.get(trigger)!.conditions[0]!;
  const rendered = renderNotifications(resource, config, {
    now,
    trigger,
    send: first.send,
    conditionKey: first.key,
    explain: true,
    ...(resourceName !== undefined ? { resourceName } : {}),
    ...(vars !== undefined ? { vars } : {}),
    ...(annotationPrefix !== undefined ? { annotationPrefix } : {}),
    ...(apiNamespace !== undefined ? { apiNamespace } : {}),
  });
  return { ...rendered, state: {} };
}

function runScenario(run: Run, scenario: Scenario): ScenarioResult {
  const steps: StepResult[] = [];
  let previous: Readonly<Record<string, unknown>> | undefined;
  let now = run.rules.now;
  for (const step of scenario.steps) {
    now = step.at ?? (step.index === 0 ? now + (step.after ?? 0) : now + (step.after ?? 60_000));
    const head = { name: step.name, index: step.index, position: step.position, time: new Date(now).toISOString() };
    const resource = resolveStepResource(
      { file: run.rules.path, files: run.options.files },
      { scenario, step, previous, annotationPrefix: run.rules.annotationPrefix },
    );
    if (resource._tag === "Left") {
      const failure: Failure = { _tag: "StepError", message: `${stepLabel(scenario, step)}: ${resource.left}` };
      steps.push({ ...head, passed: false, sent: [], failures: [failure], diagnostics: [] });
      break;
    }
    const { result, decision } = runStep(run, resource.right, step, now);
    steps.push({ ...head, ...result });
    previous = step.event !== undefined
      ? resource.right
      : carryState(resource.right, decision.state, run.rules.annotationPrefix);
  }
  return { name: scenario.name, position: scenario.position, passed: steps.every((s) => s.passed), steps };
}

/**
 * Runs a parsed rule file.
 *
 * @param rules the file (from `parseRuleFile`)
 * @param options the referenced files' texts, the service types, and the providers' `prepare` and secrets
 * @returns every scenario's and step's outcome, secrets redacted
 */
export function runRuleFile(rules: RuleFile, options: RunRuleFileOptions): RuleFileResult {
  const loaded = loadConfig(rules, options);
  if (loaded._tag === "Left") {
    return { file: rules.path, passed: false, errors: loaded.left, warnings: [], scenarios: [] };
  }
  const { config, warnings } = loaded.right;
  const redact = redactAll(config, options);
  const nameErrors = checkNames(rules, config);
  if (nameErrors.length > 0) {
    return redactDeep({ file: rules.path, passed: false, errors: nameErrors, warnings, scenarios: [] }, redact);
  }
  const run: Run = { rules, config, options };
  const scenarios = rules.scenarios.map((s) => runScenario(run, s));
  return redactDeep(
    { file: rules.path, passed: scenarios.every((s) => s.passed), errors: [], warnings, scenarios },
    redact,
  );
}

function redactAll(config: Config, options: RunRuleFileOptions): (text: string) => string {
  const secrets = options.secretsOf === undefined
    ? []
    : [...config.services.values()].flatMap((s) => options.secretsOf!(s));
  const services = redactor(secrets);
  return (text) => services(config.redact(text));
}

/** A copy of a JSON-like value with every string redacted. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v, redact)])) as T;
  }
  return value;
}
