/** The CLI run as a process on fixture files: exit codes, text and JSON outputs, and no secret ever printed. */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodeConfig, evaluate, exprRuntime, type PrecompiledExprs } from "../../mod.ts";
import { runCliProcess } from "./_cli.ts";
import { application, argoCdConfigMap, argoCdSecret, subscribeEverything } from "../_helpers/argocd.ts";
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
    for (const verb of [[], ["test"], ["validate"], ["trigger"], ["template"], ["compile"]]) {
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
    const json = await runCliProcess([
      "test",
      "tests/fixtures/rules/wrong.rules.yaml",
      "examples/certmanager/certmanager.rules.yaml",
      "-o",
      "json",
    ]);
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
    expect(junit.stdout).toContain(
      '<testsuite name="tests/fixtures/rules/wrong.rules.yaml" tests="3" failures="3" errors="0">',
    );
    expect(junit.stdout).toContain(
      '<testcase name="expects the wrong message" classname="tests/fixtures/rules/wrong.rules.yaml"><failure',
    );
  }, timeout);

  it("validate: every problem with its file line, exit 1; --output json the same as data", async () => {
    const text = await runCliProcess(["validate", ...broken]);
    expect(text.code).toBe(1);
    expect(text.stdout.split("\n").filter((l) => l.startsWith("tests/"))).toEqual([
      'tests/fixtures/cli/broken-cm.yaml:8:7: warning: trigger.on-ready: line 2, column 3: "sned" is not a field of a condition; did you mean "send"?',
      'tests/fixtures/cli/broken-cm.yaml:7:32: error: trigger.on-ready: line 1, column 28: "when" does not compile: unexpected token EOF',
      // #8: a condition that sends no template (the misspelt send) is an error too.
      'tests/fixtures/cli/broken-cm.yaml:7:7: error: trigger.on-ready: line 1, column 3: "[0]" sends no template ("send" is missing or empty), so the condition is left out',
      'tests/fixtures/cli/broken-cm.yaml:12:32: error: template.ready: line 3, column 28: slack.attachments: unexpected "}" in operand',
      'tests/fixtures/cli/broken-cm.yaml:17:5: warning: service.slack: line 2, column 1: "usrname" is not a setting of the slack service; it is ignored; did you mean "username"?',
      'tests/fixtures/cli/broken-cm.yaml:20:14: warning: trigger.on-gone: line 2, column 10: template "gone" is not configured',
    ]);
    expect(text.stdout).toContain("invalid: 3 error(s), 3 warning(s)");
    const json = await runCliProcess(["validate", ...broken, "--output", "json"]);
    expect(json.code).toBe(1);
    const data = JSON.parse(json.stdout) as {
      valid: boolean;
      errors: number;
      diagnostics: { key: string; fileLine: number }[];
    };
    expect([data.valid, data.errors]).toEqual([false, 3]);
    expect(data.diagnostics.map((d) => [d.key, d.fileLine])).toEqual([
      ["trigger.on-ready", 8],
      ["trigger.on-ready", 7],
      ["trigger.on-ready", 7],
      ["template.ready", 12],
      ["service.slack", 17],
      ["trigger.on-gone", 20],
    ]);
    noSecrets(json.stdout + text.stdout);
    const good = await runCliProcess([
      "validate",
      "--config-map",
      "tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml",
    ]);
    expect([good.code, good.stdout]).toEqual([
      0,
      "valid: 0 error(s), 0 warning(s); 8 trigger(s), 8 template(s), 0 service(s)\n",
    ]);
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
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'trigger get: the trigger "on-cert-redy" is not configured; did you mean "on-cert-ready"?\n',
    ]);
    const run = await runCliProcess([
      "trigger",
      "run",
      "on-cert-ready",
      "examples/certmanager/certificate.yaml",
      ...cert,
      "--as",
      "cert",
      "--now",
      "2024-01-02T03:04:05Z",
      "-o",
      "json",
    ]);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout) as {
      conditions: { result: unknown }[];
      explanation: { entries: { outcome: { _tag: string; value?: unknown } }[] };
    };
    expect(data.conditions.map((c) => c.result)).toEqual([false]);
    expect(data.explanation.entries.map((e) => e.outcome)).toEqual([{ _tag: "ConditionFalse", value: false }]);
    // Without --as: the conditions read `cert`, so the resource is `cert`.
    const text = await runCliProcess(["trigger", "run", "on-cert-ready", "-", ...cert], {
      stdin: readFileSync("examples/certmanager/certificate.yaml", "utf8").replace('status: "False"', 'status: "True"')
        .replace("reason: Pending", "reason: Ready"),
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("result: true");
    expect(text.stdout).toContain("slack:my-channel: sent");
  }, timeout);

  it("template get and template notify: the exact request each service would receive, secrets redacted", async () => {
    const get = await runCliProcess(["template", "get", ...cert]);
    expect(get.stdout).toBe(
      "NAME        LANG    PREVIEW\ncert-ready  go      Certificate {{.cert.metadata.name}} is ready!\n",
    );
    const args = [
      "template",
      "notify",
      "cert-ready",
      "examples/certmanager/certificate.yaml",
      ...cert,
      "--as",
      "cert",
      "--now",
      "2024-01-02T03:04:05Z",
    ];
    const text = await runCliProcess([...args, "--recipient", "slack:ops", "--recipient", "console:stdout"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      "→ slack:ops\nPOST https://slack.com/api/chat.postMessage\nContent-Type: application/x-www-form-urlencoded\n\n" +
        "channel=ops&text=Certificate+example-com+is+ready%21%0A&token=***\n\n" +
        "→ console:stdout\nmessage: |\n  Certificate example-com is ready!\n\n",
    );
    const json = await runCliProcess([...args, "--recipient", "slack:ops", "-o", "json"]);
    const data = JSON.parse(json.stdout) as { notifications: { request: { url: string; body: string } }[] };
    expect(data.notifications[0]?.request.body).toBe(
      "channel=ops&text=Certificate+example-com+is+ready%21%0A&token=***",
    );
    noSecrets(text.stdout + json.stdout);
    const unknown = await runCliProcess([
      "template",
      "notify",
      "cert-redy",
      "examples/certmanager/certificate.yaml",
      ...cert,
    ]);
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'template notify: the template "cert-redy" is not configured; did you mean "cert-ready"?\n',
    ]);
    const badService = await runCliProcess([...args, "--recipient", "teams:ops"]);
    expect(badService.code).toBe(1);
    expect(badService.stderr).toContain('the service "teams" is not configured');
  }, timeout);

  describe("compile", () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });
    const catalog = "tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml";

    it("writes the module, reports what it covers, and the module decides as the closures do", async () => {
      dir = mkdtempSync(join(tmpdir(), "ne-compile-"));
      const out = join(dir, "conditions.generated.mjs");
      const text = await runCliProcess(["compile", catalog, "-o", out]);
      expect(text.stderr).toBe("");
      expect(text.code).toBe(0);
      expect(text.stdout.split("\n")[0]).toBe(`${out}: 8 of 10 condition expression(s) compiled ahead of time`);
      expect(text.stdout).toContain("left to the closures (same results, not compiled ahead of time):\n  true\n");
      const json = await runCliProcess(["compile", "-", "-o", out, "--output", "json"], {
        stdin: readFileSync(catalog, "utf8"),
      });
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as {
        module: string;
        covered: string[];
        uncovered: string[];
        errors: string[];
      };
      expect([report.module, report.covered.length, report.uncovered.length, report.errors]).toEqual([out, 8, 2, []]);
      expect(report.covered).toContain("app.status.sync.status == 'Unknown'");

      const { precompiled } = (await import(pathToFileURL(out).href)) as {
        precompiled: (r: typeof exprRuntime) => PrecompiledExprs;
      };
      const closures = decodeConfig(argoCdConfigMap(), argoCdSecret).config;
      const compiled =
        decodeConfig(argoCdConfigMap(), argoCdSecret, { expr: { precompiled: precompiled(exprRuntime) } }).config;
      const app = application(subscribeEverything([...closures.triggers.keys()]));
      const status = app["status"] as Record<string, unknown>;
      const states = [
        {},
        { health: { status: "Degraded" } },
        { sync: { status: "Unknown" } },
        { operationState: { phase: "Running" } },
        { operationState: { phase: "Failed" } },
        { operationState: undefined },
      ];
      const now = Date.parse("2024-01-02T03:05:00Z");
      let sent = 0;
      for (const change of states) {
        const resource = { ...app, status: { ...status, ...change } };
        const options = { now, resourceName: "app", explain: true } as const;
        const a = evaluate(resource, closures, options);
        const b = evaluate(resource, compiled, options);
        expect(b).toEqual(a);
        sent += a.notifications.length;
      }
      expect(sent).toBeGreaterThan(0);
    }, timeout);

    it("writes the module to standard output with -o -, the report then to standard error", async () => {
      const run = await runCliProcess(["compile", catalog, "-o", "-"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^\/\/ Generated by notifications-engine/);
      expect(run.stdout).toContain("export function precompiled(r)");
      expect(run.stderr).toMatch(/^-: 8 of 10 condition expression\(s\) compiled ahead of time\n/);
    }, timeout);

    it("says what is wrong with its arguments or the ConfigMap", async () => {
      const format = await runCliProcess(["compile", catalog, "-o", "json"]);
      expect(format.code).toBe(2);
      expect(format.stderr).toContain("-o names the module's file; for the report's format write --output json");
      const none = await runCliProcess(["compile"]);
      expect([none.code, none.stderr.split("\n")[0]]).toEqual([
        2,
        "compile: give one ConfigMap file (or - for standard input)",
      ]);
      const missing = await runCliProcess(["compile", "nothing/cm.yaml", "-o", "-"]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("nothing/cm.yaml");
      const both = await runCliProcess(["compile", "-", "-o", "-"]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain("cannot both use standard input and output");
      const invalid = await runCliProcess(["compile", "-"], { stdin: "kind: ConfigMap\ndata: {a: [" });
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain("the ConfigMap - is not valid YAML");
    }, timeout);
  });

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
      writeFileSync(
        cm,
        `kind: ConfigMap
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
`,
      );
      const secret = join(dir, "secret.yaml");
      writeFileSync(secret, "kind: Secret\nstringData: {token: xoxb-very-secret-token}\n");
      const run = await runCliProcess([
        "template",
        "notify",
        "hello",
        "-",
        "--config-map",
        cm,
        "--secret",
        secret,
        "--recipient",
        "hook:",
        "--send",
      ], {
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
