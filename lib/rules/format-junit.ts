/**
 * Rule test results as JUnit XML for CI: a test suite per file, a test case per scenario, the failing steps'
 * text as the failure.
 * @module
 */
import { formatRuleReport } from "./format-report.ts";
import { formatRuleFileError } from "./rule-file.ts";
import type { RuleFileResult } from "./rule-result.ts";

function escapeXml(s: string): string {
  return s
    // deno-lint-ignore no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Formats results as a JUnit XML report.
 * @param results the files' results
 * @returns the XML document
 * @example One passing file
 * ```ts
 * import { formatJunit } from "./format-junit.ts";
 * import { expect } from "expect";
 * const xml = formatJunit([{ file: "a.yaml", passed: true, errors: [], warnings: [], scenarios: [
 *   { name: "fires", position: { line: 3, column: 3 }, passed: true, steps: [] },
 * ] }]);
 * expect(xml).toContain('<testcase name="fires" classname="a.yaml"/>');
 * ```
 */
export function formatJunit(results: readonly RuleFileResult[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const tests = results.reduce((n, r) => n + Math.max(1, r.scenarios.length), 0);
  const failures = results.reduce((n, r) => n + r.scenarios.filter((s) => !s.passed).length, 0);
  const errors = results.filter((r) => r.errors.length > 0).length;
  out.push(`<testsuites name="notifications-engine rules" tests="${tests}" failures="${failures}" errors="${errors}">`);
  for (const r of results) {
    const file = escapeXml(r.file);
    const failed = r.scenarios.filter((s) => !s.passed).length;
    out.push(
      `  <testsuite name="${file}" tests="${Math.max(1, r.scenarios.length)}" failures="${failed}" errors="${
        r.errors.length > 0 ? 1 : 0
      }">`,
    );
    if (r.errors.length > 0) {
      const text = r.errors.map(formatRuleFileError).join("\n");
      out.push(
        `    <testcase name="${file}" classname="${file}"><error message="the rule file has errors">${
          escapeXml(text)
        }</error></testcase>`,
      );
    }
    for (const s of r.scenarios) {
      const name = escapeXml(s.name);
      if (s.passed) {
        out.push(`    <testcase name="${name}" classname="${file}"/>`);
        continue;
      }
      const text = formatRuleReport([{ ...r, errors: [], scenarios: [s] }]);
      out.push(
        `    <testcase name="${name}" classname="${file}"><failure message="scenario failed">${
          escapeXml(text)
        }</failure></testcase>`,
      );
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}
