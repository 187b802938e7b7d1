/**
 * Rule test results as text for people: one line per file and scenario, and for each failing step what was expected,
 * what was sent, and why.
 * @module
 */
import { formatDiagnostic } from "../diagnostics.ts";
import type { Failure } from "./expect-notifications.ts";
import { formatExplanation, plainStyle, type TextStyle } from "./format-explanation.ts";
import { show } from "./matcher.ts";
import { formatRuleFileError } from "./rule-file.ts";
import type { RuleFileResult, ScenarioResult, SentView, StepResult } from "./rule-result.ts";
import { summarize } from "./rule-result.ts";

function describeSent(s: SentView): string {
  return `${s.trigger} → ${s.service}:${s.recipient} ${show(s.content.message, 120)}`;
}

function indent(lines: readonly string[], by: string): string[] {
  return lines.flatMap((l) => l.split("\n")).map((l) => `${by}${l}`);
}

function failureLines(f: Failure, step: StepResult, style: TextStyle): string[] {
  switch (f._tag) {
    case "StepError":
      return [style.red(`error: ${f.message}`)];
    case "Unexpected": {
      const s = step.sent[f.notification];
      return [style.red(`unexpected: ${s === undefined ? "?" : describeSent(s)}`)];
    }
    case "Missing": {
      const out = [style.red(`expected (line ${f.at.line}): ${f.expected}`)];
      if (f.closest === undefined) {
        out.push(`  but nothing like it was sent`);
        return out;
      }
      const s = step.sent[f.closest.notification];
      out.push(`  nearest sent: ${s === undefined ? "?" : describeSent(s)}`);
      out.push(...indent(f.closest.differences, "    "));
      return out;
    }
  }
}

function stepLines(step: StepResult, style: TextStyle): string[] {
  const out = [
    style.bold(
      `step ${step.index + 1}${
        step.name !== `step ${step.index + 1}` ? ` "${step.name}"` : ""
      } (line ${step.position.line}, ${step.time})`,
    ),
  ];
  const nearest = new Set(
    step.failures.flatMap((f) => (f._tag === "Missing" && f.closest !== undefined ? [f.closest.notification] : [])),
  );
  for (const f of step.failures) {
    if (f._tag === "Unexpected" && nearest.has(f.notification)) continue;
    out.push(...indent(failureLines(f, step, style), "  "));
  }
  if (step.failures.some((f) => f._tag === "StepError")) return out;
  out.push(step.sent.length === 0 ? "  sent: nothing" : "  sent:");
  out.push(...indent(step.sent.map(describeSent), "    "));
  if (step.explanation !== undefined) {
    out.push("  why:");
    out.push(...indent(formatExplanation(step.explanation, { style }), "    "));
  }
  if (step.diagnostics.length > 0) {
    out.push("  diagnostics:");
    out.push(
      ...indent(step.diagnostics.map((d) => `${d.severity === "error" ? "!" : "?"} ${formatDiagnostic(d)}`), "    "),
    );
  }
  return out;
}

function scenarioLines(s: ScenarioResult, style: TextStyle): string[] {
  if (s.passed) return [`  ${style.green("✓")} ${s.name}`];
  const out = [`  ${style.red("✗")} ${s.name} (line ${s.position.line})`];
  for (const step of s.steps) if (!step.passed) out.push(...indent(stepLines(step, style), "      "));
  return out;
}

/**
 * Formats results for a terminal.
 * @param results the files' results
 * @param options the style (colours on a terminal)
 * @returns the text, ending with a summary line
 */
export function formatRuleReport(
  results: readonly RuleFileResult[],
  options: { readonly style?: TextStyle } = {},
): string {
  const style = options.style ?? plainStyle;
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.passed ? style.green("✓") : style.red("✗")} ${r.file}`);
    lines.push(...indent(r.errors.map((e) => style.red(formatRuleFileError(e))), "  "));
    for (const s of r.scenarios) lines.push(...scenarioLines(s, style));
  }
  const sum = summarize(results);
  const broken = sum.brokenFiles > 0 ? `, ${sum.brokenFiles} file(s) with errors` : "";
  lines.push("");
  lines.push(
    `${sum.files} file(s), ${sum.scenarios} scenario(s): ${sum.passedScenarios} passed, ${sum.failedScenarios} failed${broken}`,
  );
  return `${lines.join("\n")}\n`;
}
