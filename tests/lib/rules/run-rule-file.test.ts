import { describe, expect, it } from "vitest";
import { formatRuleFileError, parseRuleFile, type RuleFileResult, runRuleFile } from "../../../lib/rules/mod.ts";
import { prepareRequest, serviceSecrets } from "../../../lib/shell/cli/prepare-request.ts";
import { builtinProviders } from "../../../providers/mod.ts";

const config = `config:
  data:
    trigger.on-ready: |
      - when: obj.status.ready
        send: [ready]
    template.ready: |
      message: "{{.obj.metadata.name}} is ready"
    service.slack: "token: $token"
  secretData: {token: xoxb-top-secret-value}
now: 2024-01-02T03:04:05Z
`;
const resource = `resource:
      metadata:
        name: web
        annotations: {notifications.argoproj.io/subscribe.on-ready.slack: ops}
      status: {ready: false}`;

function run(scenarios: string, files: Record<string, string> = {}, head = config): RuleFileResult {
  const parsed = parseRuleFile(`${head}scenarios:\n${scenarios}`, "t.rules.yaml");
  if (parsed._tag === "Left") throw new Error(parsed.left.map(formatRuleFileError).join("\n"));
  return runRuleFile(parsed.right, {
    files: new Map(Object.entries(files)),
    services: builtinProviders,
    prepare: prepareRequest,
    secretsOf: serviceSecrets,
  });
}

const sentPerStep = (r: RuleFileResult): number[][] =>
  r.scenarios.map((s) => s.steps.map((st) => st.sent.length)).flat().map((n) => [n]);

describe("runRuleFile()", () => {
  it("carries the notified state from step to step: once, again after recovery", () => {
    const r = run(`  - name: s
    ${resource}
    steps:
      - expect: none
      - patch: {status: {ready: true}}
        expect: [{trigger: on-ready, service: slack, recipient: ops, message: web is ready}]
      - expect: none
      - patch: {status: {ready: false}}
        expect: none
      - patch: {status: {ready: true}}
        expect: [{trigger: on-ready}]
`);
    expect(r.errors).toEqual([]);
    expect(r.passed).toBe(true);
    expect(sentPerStep(r)).toEqual([[0], [1], [0], [0], [1]]);
  });

  it("keeps the carried state when a step gives the whole resource again", () => {
    const r = run(`  - name: s
    ${resource}
    steps:
      - patch: {status: {ready: true}}
        expect: [{trigger: on-ready}]
      - resource:
          metadata:
            name: web
            annotations: {notifications.argoproj.io/subscribe.on-ready.slack: ops}
          status: {ready: true}
        expect: none
`);
    expect(r.passed).toBe(true);
  });

  it("fails a step whose expectation is not met, with the nearest notification and the explanation", () => {
    const r = run(`  - name: s
    ${resource}
    steps:
      - patch: {status: {ready: true}}
        expect: [{trigger: on-ready, message: api is ready}]
`);
    expect(r.passed).toBe(false);
    const step = r.scenarios[0]!.steps[0]!;
    expect(step.failures).toEqual([
      {
        _tag: "Missing",
        at: { line: 20, column: 18 },
        expected: 'on-ready → *:*, message = "api is ready"',
        closest: { notification: 0, differences: ['message: expected "api is ready", got "web is ready"'] },
      },
      { _tag: "Unexpected", notification: 0 },
    ]);
    expect(step.explanation?.entries.map((e) => e.outcome._tag)).toEqual(["Sent"]);
  });

  it("checks the request the provider prepares, and redacts secrets from everything it returns", () => {
    const r = run(`  - name: s
    ${resource}
    steps:
      - patch: {status: {ready: true}}
        expect:
          - trigger: on-ready
            request: {url: https://slack.com/api/chat.postMessage, body: {contains: "token=xoxb-top-secret-value"}}
      - patch: {status: {ready: false}}
        expect: [{trigger: on-ready}]
`);
    expect(r.scenarios[0]!.steps[0]!.passed).toBe(true);
    expect(r.passed).toBe(false);
    const text = JSON.stringify(r);
    expect(text).not.toContain("xoxb-top-secret-value");
    expect(text).toContain("token=***");
  });

  it("names the step whose patch does not apply, and stops the scenario there", () => {
    const r = run(`  - name: s
    ${resource}
    steps:
      - patch: [1, 2]
        expect: none
      - expect: none
`);
    expect(r.scenarios[0]!.steps).toHaveLength(1);
    expect(r.scenarios[0]!.steps[0]!.failures).toEqual([
      {
        _tag: "StepError",
        message:
          'scenario "s", step 1: line 19: the patch does not apply: a patch is a map (a JSON merge patch over the previous resource), not a list',
      },
    ]);
  });

  it("reports a resource file that is not valid YAML or is missing, at the line that names it", () => {
    const r = run(
      `  - name: s
    resource: bad.yaml
    steps: [{expect: none}]
  - name: t
    resource: missing.yaml
    steps: [{expect: none}]
`,
      { "bad.yaml": "a: [" },
    );
    expect(r.scenarios.map((s) => s.steps[0]!.failures)).toEqual([
      [{
        _tag: "StepError",
        message:
          'scenario "s", step 1: line 13: resource: "bad.yaml" is not valid YAML: line 1: the flow list is not closed',
      }],
      [{ _tag: "StepError", message: 'scenario "t", step 1: line 16: resource: cannot read "missing.yaml"' }],
    ]);
  });

  it("refuses a trigger, template or service the configuration lacks, never passing silently", () => {
    const r = run(`  - name: s
    ${resource}
    steps:
      - event: on-redy
        expect: [{trigger: on-redy, template: reddy, service: slak}]
`);
    expect(r.passed).toBe(false);
    expect(r.scenarios).toEqual([]);
    expect(r.errors.map(formatRuleFileError)).toEqual([
      't.rules.yaml:19:9: scenario "s", step 1: the trigger "on-redy" is not configured; did you mean "on-ready"?',
      't.rules.yaml:20:18: scenario "s", step 1: the trigger "on-redy" is not configured; did you mean "on-ready"?',
      't.rules.yaml:20:18: scenario "s", step 1: the template "reddy" is not configured; did you mean "ready"?',
      't.rules.yaml:20:18: scenario "s", step 1: the service "slak" is not configured; did you mean "slack"?',
    ]);
  });

  it("reports configuration errors as errors of the file", () => {
    const r = run(
      `  - name: s
    ${resource}
    steps: [{expect: none}]
`,
      {},
      "config:\n  data:\n    trigger.on-ready: '- when: obj.(\\n  send: [x]'\nnow: 2024-01-02T03:04:05Z\n",
    );
    expect(r.passed).toBe(false);
    expect(r.errors[0]?.message).toBe(
      "the configuration: trigger.on-ready: line 1, column 9: the value is not valid YAML: a map cannot start on the line of its key; start it on the next line",
    );
  });

  it("sends an event's trigger whatever its when, every time, recording nothing (Argo Rollouts)", () => {
    const head = config.replace("      - when: obj.status.ready\n        send: [ready]\n", "      - send: [ready]\n");
    const r = run(
      `  - name: s
    ${resource}
    steps:
      - expect: none
      - event: on-ready
        expect: [{trigger: on-ready, message: web is ready}]
      - event: on-ready
        expect: [{trigger: on-ready}]
`,
      {},
      head,
    );
    expect(r.errors).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it("reads the ConfigMap and Secret from files, picking the document of each kind", () => {
    const files = {
      "both.yaml": `apiVersion: v1
kind: ConfigMap
data:
  trigger.on-ready: "- when: obj.status.ready\\n  send: [ready]"
  template.ready: "message: hi"
  service.slack: "token: $token"
---
apiVersion: v1
kind: Secret
data: {token: ${btoa("xoxb-from-a-file")}}
`,
    };
    const r = run(
      `  - name: s
    ${resource}
    steps:
      - patch: {status: {ready: true}}
        expect: [{trigger: on-ready, message: hi, request: {body: {contains: "token=***"}}}]
`,
      files,
      "config: {configMap: both.yaml, secret: both.yaml}\nnow: 2024-01-02T03:04:05Z\n",
    );
    expect(r.errors).toEqual([]);
    expect(r.passed).toBe(false);
    expect(JSON.stringify(r)).not.toContain("xoxb-from-a-file");
  });
});
