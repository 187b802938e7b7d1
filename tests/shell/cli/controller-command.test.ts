/** The controller command's flags: --help lists every flag; bad flags exit 2 with a clear message before any I/O. */
import { describe, expect, it } from "vitest";
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
        "--resource", "--configmap", "--secret", "--namespace", "--label-selector", "--field-selector", "--state",
        "--annotation-prefix", "--self-service", "--shards", "--lease-name", "--lease-namespace", "--lease-duration",
        "--identity", "--kubeconfig", "--context", "--metrics-port", "--concurrency", "--log-level", "--help",
      ]
    ) expect(out).toContain(flag);
    expect(out).toBe(controllerUsage);
  });

  const bad: readonly { name: string; argv: string[]; message: string }[] = [
    { name: "an unknown flag", argv: ["--bogus"], message: "Unknown option '--bogus'" },
    { name: "no --resource", argv: ["--kubeconfig", "/nonexistent"], message: "--resource is required" },
    { name: "a resource without a variable", argv: ["--resource", "cert-manager.io/v1/certificates"], message: "--resource must be" },
    { name: "a resource that is not g/v/r", argv: ["--resource", "certificates=cert"], message: "--resource must be" },
    { name: "a bad state store", argv: ["--resource", "v1/configmaps=cm", "--state", "redis"], message: "--state must be annotation or configmap" },
    { name: "a bad shard count", argv: ["--resource", "v1/configmaps=cm", "--shards", "two"], message: "--shards must be an integer" },
    { name: "a bad lease duration", argv: ["--resource", "v1/configmaps=cm", "--lease-duration", "15"], message: "--lease-duration must be a duration" },
    { name: "a bad ConfigMap name", argv: ["--resource", "v1/configmaps=cm", "--configmap", "cm"], message: "--configmap must be <namespace>/<name>" },
    { name: "a kubeconfig that does not exist", argv: ["--resource", "v1/configmaps=cm", "--kubeconfig", "/nonexistent/kubeconfig"], message: "Cannot load the Kubernetes credentials" },
  ];
  for (const c of bad) {
    it(`exits 2 on ${c.name}`, async () => {
      const { code, err, out } = await run(c.argv);
      expect(code).toBe(2);
      expect(err).toContain(c.message);
      expect(out).toBe("");
    });
  }
});
