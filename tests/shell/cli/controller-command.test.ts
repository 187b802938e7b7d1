/** The controller command's flags: --help lists every flag; bad flags exit 2 with a clear message before any I/O. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { controllerUsage, runControllerCommand } from "../../../lib/shell/cli/controller-command.ts";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runControllerCommand(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe("runControllerCommand", () => {
  it("--help lists every flag the command accepts", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    for (
      const flag of [
        "--resource",
        "--configmap",
        "--secret",
        "--namespace",
        "--label-selector",
        "--field-selector",
        "--state",
        "--annotation-prefix",
        "--self-service",
        "--shards",
        "--lease-name",
        "--lease-namespace",
        "--lease-duration",
        "--identity",
        "--kubeconfig",
        "--context",
        "--metrics-port",
        "--concurrency",
        "--log-level",
        "--help",
      ]
    ) expect(out).toContain(flag);
    expect(out).toBe(controllerUsage);
  });

  const bad: readonly { name: string; argv: string[]; message: string }[] = [
    { name: "an unknown flag", argv: ["--bogus"], message: "Unknown option '--bogus'" },
    { name: "no --resource", argv: ["--kubeconfig", "/nonexistent"], message: "--resource is required" },
    {
      name: "a resource without a variable",
      argv: ["--resource", "cert-manager.io/v1/certificates"],
      message: "--resource must be",
    },
    { name: "a resource that is not g/v/r", argv: ["--resource", "certificates=cert"], message: "--resource must be" },
    {
      name: "a bad state store",
      argv: ["--resource", "v1/configmaps=cm", "--state", "redis"],
      message: "--state must be annotation or configmap",
    },
    {
      name: "a bad shard count",
      argv: ["--resource", "v1/configmaps=cm", "--shards", "two"],
      message: "--shards must be an integer",
    },
    {
      name: "a bad lease duration",
      argv: ["--resource", "v1/configmaps=cm", "--lease-duration", "15"],
      message: "--lease-duration must be a duration",
    },
    {
      name: "a bad ConfigMap name",
      argv: ["--resource", "v1/configmaps=cm", "--configmap", "cm"],
      message: "--configmap must be <namespace>/<name>",
    },
    {
      name: "a kubeconfig that does not exist",
      argv: ["--resource", "v1/configmaps=cm", "--kubeconfig", "/nonexistent/kubeconfig"],
      message: "Cannot load the Kubernetes credentials",
    },
  ];
  for (const c of bad) {
    it(`exits 2 on ${c.name}`, async () => {
      const { code, err, out } = await run(c.argv);
      expect(code).toBe(2);
      expect(err).toContain(c.message);
      expect(out).toBe("");
    });
  }

  it("keeps running against an unreachable API server, logs the failure once, and stops cleanly on the signal", async () => {
    const dir = mkdtempSync(join(tmpdir(), "controller-command-"));
    const kubeconfig = join(dir, "kubeconfig.yaml");
    writeFileSync(
      kubeconfig,
      [
        "apiVersion: v1",
        "kind: Config",
        "clusters: [{name: c, cluster: {server: 'https://127.0.0.1:1', insecure-skip-tls-verify: true}}]",
        "users: [{name: u, user: {token: not-a-secret-token}}]",
        "contexts: [{name: x, context: {cluster: c, user: u, namespace: ops}}]",
        "current-context: x",
      ].join("\n"),
    );
    const stop = new AbortController();
    let out = "";
    const running = runControllerCommand(
      ["--resource", "v1/configmaps=cm", "--kubeconfig", kubeconfig, "--metrics-port", "0"],
      { stdout: (t) => (out += t), stderr: (t) => (out += t), env: {}, signal: stop.signal },
    );
    for (let i = 0; i < 100 && !out.includes("no answer"); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500));
    stop.abort();
    expect(await running).toBe(0);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as { level: number; msg: string });
    const failures = lines.filter((l) => l.level === 50 && l.msg.startsWith("configuration watch:"));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.msg).toContain("/api/v1/namespaces/ops/secrets: no answer");
    expect(out).not.toContain("not-a-secret-token");
    expect(lines.at(-1)!.msg).toBe("controller stopping");
  });
});
