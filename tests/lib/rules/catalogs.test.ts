/**
 * The rule test files shipped with the examples and the conformance fixtures: they all pass, every trigger of the
 * official Argo CD and Argo Rollouts catalogs has a step where it fires and a step where it does not, and a
 * deliberately wrong file fails with the step, the expected and the actual notification, and the explanation.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { runRuleFiles } from "../../../lib/shell/cli/rule-files.ts";
import type { RuleFileResult } from "../../../lib/rules/mod.ts";

const shipped = ["examples/**/*.rules.yaml", "tests/fixtures/rules/*/*.rules.yaml"];

function catalogTriggers(path: string): string[] {
  const cm = parse(readFileSync(path, "utf8")) as { data: Record<string, string> };
  return Object.keys(cm.data).filter((k) => k.startsWith("trigger.")).map((k) => k.slice("trigger.".length));
}

/** Per trigger: whether some step sent it, and whether some step of a scenario about it sent nothing, as expected. */
function coverage(result: RuleFileResult, trigger: string): { fires: boolean; quiet: boolean } {
  const about = result.scenarios.filter((s) => s.name.startsWith(`${trigger}:`));
  const steps = about.flatMap((s) => s.steps);
  return {
    fires: steps.some((st) => st.passed && st.sent.some((n) => n.trigger === trigger)),
    quiet: steps.some((st) => st.passed && st.sent.length === 0),
  };
}

describe("shipped rule tests", () => {
  it("all pass", async () => {
    const run = await runRuleFiles(shipped);
    expect(run.results.map((r) => r.file).sort()).toEqual([
      "examples/certmanager/certmanager.rules.yaml",
      "examples/serverless/serverless.rules.yaml",
      "tests/fixtures/rules/argo-cd/argo-cd.rules.yaml",
      "tests/fixtures/rules/argo-rollouts/argo-rollouts.rules.yaml",
      "tests/fixtures/rules/foo-sample/foo-sample.rules.yaml",
    ]);
    if (!run.passed) throw new Error(run.text);
    expect(run.text).toMatch(/\d+ file\(s\), \d+ scenario\(s\): \d+ passed, 0 failed\n$/);
  });

  const catalogs = [
    ["argo-cd", "tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml", 8],
    ["argo-rollouts", "tests/fixtures/conformance/argo-rollouts/argo-rollouts-notification-configmap.yaml", 9],
  ] as const;
  for (const [name, cm, count] of catalogs) {
    it(`cover every trigger of the ${name} catalog, firing and not firing`, async () => {
      const triggers = catalogTriggers(cm);
      expect(triggers).toHaveLength(count);
      const run = await runRuleFiles([`tests/fixtures/rules/${name}/${name}.rules.yaml`]);
      const [result] = run.results;
      const missing = triggers.filter((t) => {
        const c = coverage(result!, t);
        return !c.fires || !c.quiet;
      });
      expect(missing).toEqual([]);
    });
  }

  it("a deliberately wrong file fails, naming the step, the expected and the actual notification, and why", async () => {
    const run = await runRuleFiles(["tests/fixtures/rules/wrong.rules.yaml"]);
    expect(run.passed).toBe(false);
    expect(run.results[0]?.scenarios.map((s) => s.passed)).toEqual([false, false, false]);
    const text = run.text;
    expect(text).toContain('step 2 "still ready" (line 17, 2024-01-02T03:05:05.000Z)');
    expect(text).toContain("expected (line 19): on-cert-ready → slack:my-channel");
    expect(text).toContain("but nothing like it was sent");
    expect(text).toMatch(
      /slack:my-channel: already notified at 2024-01-02T03:04:05Z \(state key on-cert-ready:\[0\]\.[\w-]+:slack:my-channel\)/,
    );
    expect(text).toContain('expected (line 28): on-cert-ready → *:*, message matches "^Certificate web is ready"');
    expect(text).toContain('nearest sent: on-cert-ready → slack:my-channel "Certificate example-com is ready!\\n"');
    expect(text).toContain(
      'message: expected it to match the regex "^Certificate web is ready", got "Certificate example-com is ready!\\n"',
    );
    expect(text).toContain('unexpected: on-cert-ready → slack:my-channel "Certificate example-com is ready!\\n"');
    expect(text).toContain("slack:my-channel: sent");
    expect(text).toMatch(/1 file\(s\), 3 scenario\(s\): 0 passed, 3 failed\n$/);
  });
});
