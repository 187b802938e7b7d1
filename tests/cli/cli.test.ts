/** The CLI run as a process on fixture files: exit codes, text and JSON outputs, and no secret ever printed. */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCliProcess } from "./_cli.ts";
import { type Loopback, startLoopback } from "../_helpers/loopback.ts";

const cert = ["--config-map", "examples/certmanager/configmap.yaml", "--secret", "examples/certmanager/secret.yaml"];
const broken = ["--config-map", "tests/fixtures/cli/broken-cm.yaml", "--secret", "tests/fixtures/cli/secret.yaml"];
const secretValues = ["xoxb-not-a-real-token", "xoxb-very-secret-token"];
const timeout = 60_000;

function noSecrets(text: string): void {
  for (const s of secretValues) expect(text).not.toContain(s);
}

describe("notifications-engine (the CLI as a process)", () => {
  it("prints usage for --help of every verb, and exits 2 on a usage error", async () => {
    for (const verb of [[], ["test"], ["validate"], ["trigger"], ["template"]]) {
      const run = await runCliProcess([...verb, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^(notifications-engine: |Usage:)/);
    }
    const unknown = await runCliProcess(["tset"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "tset"');
    const flag = await runCliProcess(["validate", "--config-mpa", "x"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--config-mpa");
  }, timeout);

  it("test: passes the shipped rule files, and fails the wrong one with exit 1", async () => {
    const ok = await runCliProcess(["test", "examples/**/*.rules.yaml", "tests/fixtures/rules/*/*.rules.yaml"]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/5 file\(s\), \d+ scenario\(s\): \d+ passed, 0 failed\n$/);
    const wrong = await runCliProcess(["test", "tests/fixtures/rules/wrong.rules.yaml"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('step 2 "still ready"');
    expect(wrong.stdout).not.toContain("\x1b[");
    const none = await runCliProcess(["test", "nothing/*.rules.yaml"]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("nothing/*.rules.yaml: no rule file matches this pattern");
  }, timeout);

  it("test --output json|junit: the results as data, secrets redacted", async () => {
    const json = await runCliProcess(["test", "tests/fixtures/rules/wrong.rules.yaml", "examples/certmanager/certmanager.rules.yaml", "-o", "json"]);
    expect(json.code).toBe(1);
    const data = JSON.parse(json.stdout) as { passed: boolean; results: { file: string; passed: boolean }[] };
    expect(data.passed).toBe(false);
    expect(data.results.map((r) => [r.file, r.passed])).toEqual([
      ["tests/fixtures/rules/wrong.rules.yaml", false],
      ["examples/certmanager/certmanager.rules.yaml", true],
    ]);
    noSecrets(json.stdout);
    const junit = await runCliProcess(["test", "tests/fixtures/rules/wrong.rules.yaml", "--output", "junit"]);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuite name="tests/fixtures/rules/wrong.rules.yaml" tests="3" failures="3" errors="0">');
    expect(junit.stdout).toContain('<testcase name="expects the wrong message" classname="tests/fixtures/rules/wrong.rules.yaml"><failure');
  }, timeout);

  it("validate: every problem with its file line, exit 1; --output json the same as data", async () => {
    const text = await runCliProcess(["validate", ...broken]);
    expect(text.code).toBe(1);
    expect(text.stdout.split("\n").filter((l) => l.startsWith("tests/"))).toEqual([
      'tests/fixtures/cli/broken-cm.yaml:8:7: warning: trigger.on-ready: line 2, column 3: "sned" is not a field of a condition; did you mean "send"?',
      'tests/fixtures/cli/broken-cm.yaml:7:32: error: trigger.on-ready: line 1, column 28: "when" does not compile: unexpected token EOF',
      'tests/fixtures/cli/broken-cm.yaml:12:32: error: template.ready: line 3, column 28: slack.attachments: unexpected "}" in operand',
      'tests/fixtures/cli/broken-cm.yaml:17:5: warning: service.slack: line 2, column 1: "usrname" is not a setting of the slack service; it is ignored; did you mean "username"?',
      'tests/fixtures/cli/broken-cm.yaml:20:14: warning: trigger.on-gone: line 2, column 10: template "gone" is not configured',
    ]);
    expect(text.stdout).toContain("invalid: 2 error(s), 3 warning(s)");
    const json = await runCliProcess(["validate", ...broken, "--output", "json"]);
    expect(json.code).toBe(1);
    const data = JSON.parse(json.stdout) as { valid: boolean; errors: number; diagnostics: { key: string; fileLine: number }[] };
    expect([data.valid, data.errors]).toEqual([false, 2]);
    expect(data.diagnostics.map((d) => [d.key, d.fileLine])).toEqual([
      ["trigger.on-ready", 8], ["trigger.on-ready", 7], ["template.ready", 12], ["service.slack", 17], ["trigger.on-gone", 20],
    ]);
    noSecrets(json.stdout + text.stdout);
    const good = await runCliProcess(["validate", "--config-map", "tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml"]);
    expect([good.code, good.stdout]).toEqual([0, "valid: 0 error(s), 0 warning(s); 8 trigger(s), 8 template(s), 0 service(s)\n"]);
    const none = await runCliProcess(["validate"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("say where the configuration is");
  }, timeout);

  it("trigger get and trigger run: conditions, results and the explanation", async () => {
    const get = await runCliProcess(["trigger", "get", ...cert]);
    expect(get.code).toBe(0);
    expect(get.stdout).toBe(
      "NAME           TEMPLATES   CONDITION\non-cert-ready  cert-ready  any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})\n",
    );
    const unknown = await runCliProcess(["trigger", "get", "on-cert-redy", ...cert]);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'trigger get: the trigger "on-cert-redy" is not configured; did you mean "on-cert-ready"?\n']);
    const run = await runCliProcess(["trigger", "run", "on-cert-ready", "examples/certmanager/certificate.yaml", ...cert, "--as", "cert", "--now", "2024-01-02T03:04:05Z", "-o", "json"]);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as { conditions: { result: unknown }[]; explanation: { entries: { outcome: { _tag: string; value?: unknown } }[] } };
    expect(data.conditions.map((c) => c.result)).toEqual([false]);
    expect(data.explanation.entries.map((e) => e.outcome)).toEqual([{ _tag: "ConditionFalse", value: false }]);
    const text = await runCliProcess(["trigger", "run", "on-cert-ready", "-", ...cert, "--as", "cert"], { stdin: readFileSync("examples/certmanager/certificate.yaml", "utf8").replace('status: "False"', 'status: "True"').replace("reason: Pending", "reason: Ready") });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("result: true");
    expect(text.stdout).toContain("slack:my-channel: sent");
  }, timeout);

  it("template get and template notify: the exact request each service would receive, secrets redacted", async () => {
    const get = await runCliProcess(["template", "get", ...cert]);
    expect(get.stdout).toBe("NAME        LANG    PREVIEW\ncert-ready  go      Certificate {{.cert.metadata.name}} is ready!\n");
    const args = ["template", "notify", "cert-ready", "examples/certmanager/certificate.yaml", ...cert, "--as", "cert", "--now", "2024-01-02T03:04:05Z"];
    const text = await runCliProcess([...args, "--recipient", "slack:ops", "--recipient", "console:stdout"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      "→ slack:ops\nPOST https://slack.com/api/chat.postMessage\nContent-Type: application/x-www-form-urlencoded\n\n" +
        "channel=ops&text=Certificate+example-com+is+ready%21%0A&token=***\n\n" +
        "→ console:stdout\nmessage: |\n  Certificate example-com is ready!\n\n",
    );
    const json = await runCliProcess([...args, "--recipient", "slack:ops", "-o", "json"]);
    const data = JSON.parse(json.stdout) as { notifications: { request: { url: string; body: string } }[] };
    expect(data.notifications[0]?.request.body).toBe("channel=ops&text=Certificate+example-com+is+ready%21%0A&token=***");
    noSecrets(text.stdout + json.stdout);
    const unknown = await runCliProcess(["template", "notify", "cert-redy", "examples/certmanager/certificate.yaml", ...cert]);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'template notify: the template "cert-redy" is not configured; did you mean "cert-ready"?\n']);
    const badService = await runCliProcess([...args, "--recipient", "teams:ops"]);
    expect(badService.code).toBe(1);
    expect(badService.stderr).toContain('the service "teams" is not configured');
  }, timeout);

  describe("template notify --send", () => {
    let receiver: Loopback | undefined;
    let dir: string | undefined;
    afterEach(async () => {
      await receiver?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    it("delivers through deliver() to the service and prints the outcome", async () => {
      receiver = await startLoopback(() => ({ status: 200 }));
      dir = mkdtempSync(join(tmpdir(), "ne-cli-"));
      const cm = join(dir, "cm.yaml");
      writeFileSync(cm, `kind: ConfigMap
data:
  template.hello: |
    message: hi
    webhook:
      hook:
        method: POST
        path: /hooks/{{.obj.metadata.name}}
        body: '{"name": "{{.obj.metadata.name}}"}'
  service.webhook.hook: |
    url: ${receiver.url}
    headers:
      - name: Authorization
        value: Bearer $token
`);
      const secret = join(dir, "secret.yaml");
      writeFileSync(secret, "kind: Secret\nstringData: {token: xoxb-very-secret-token}\n");
      const run = await runCliProcess(["template", "notify", "hello", "-", "--config-map", cm, "--secret", secret, "--recipient", "hook:", "--send"], {
        stdin: "metadata: {name: web}\n",
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`POST ${receiver.url}/hooks/web\n`);
      expect(run.stdout).toContain("Authorization: Bearer ***\n");
      expect(run.stdout).toContain("delivered (HTTP 200, 1 attempt(s))");
      noSecrets(run.stdout);
      expect(receiver.requests.map((r) => [r.method, r.path, r.body, r.headers["authorization"]])).toEqual([
        ["POST", "/hooks/web", '{"name": "web"}', "Bearer xoxb-very-secret-token"],
      ]);
    }, timeout);
  });
});
