/** The CLI in-process (runCli with its capabilities passed in): colour only on a terminal, and `template notify`
 * printing exactly the requests `--send` delivers, for every template of the official Argo CD catalog. */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { CliIO } from "../../lib/shell/cli/cli-io.ts";
import { runCli } from "../../lib/shell/cli/run-cli.ts";
import { createDeliveryIO } from "../../lib/shell/mod.ts";
import { application } from "../_helpers/argocd.ts";
import { type Loopback, startLoopback } from "../_helpers/loopback.ts";

function fakeIO(overrides: Partial<CliIO> = {}): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => Promise.resolve(readFileSync(p, "utf8")),
    writeFile: (p, text) => Promise.resolve(writeFileSync(p, text)),
    readStdin: () => Promise.resolve(""),
    cwd: ".",
    isTTY: false,
    env: {},
    now: () => Date.parse("2024-01-02T03:04:05Z"),
    delivery: () => createDeliveryIO(),
    ...overrides,
  };
}

describe("runCli()", () => {
  const wrong = ["test", "tests/fixtures/rules/wrong.rules.yaml"];
  it("colours only on a terminal, and never with NO_COLOR", async () => {
    const tty = fakeIO({ isTTY: true });
    expect(await runCli(wrong, tty)).toBe(1);
    expect(tty.out.join("")).toContain("\x1b[31m✗\x1b[39m");
    const noColor = fakeIO({ isTTY: true, env: { NO_COLOR: "1" } });
    await runCli(wrong, noColor);
    expect(noColor.out.join("")).not.toContain("\x1b[");
    const pipe = fakeIO();
    await runCli(wrong, pipe);
    expect(pipe.out.join("")).not.toContain("\x1b[");
  });

  describe("template notify on the Argo CD catalog", () => {
    let receiver: Loopback | undefined;
    let dir: string | undefined;
    afterEach(async () => {
      await receiver?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    it("prints for every template exactly the Slack request that --send delivers", async () => {
      receiver = await startLoopback(() => ({
        status: 200,
        headers: { "content-type": "application/json" },
        body: '{"ok":true,"ts":"1"}',
      }));
      dir = mkdtempSync(join(tmpdir(), "ne-notify-"));
      const cm = parse(readFileSync("tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml", "utf8")) as {
        data: Record<string, string>;
      };
      cm.data["service.slack"] = `token: $slack-token\napiURL: ${receiver.url}/api/`;
      cm.data["context"] = "argocdUrl: https://argocd.example.com";
      writeFileSync(join(dir, "cm.yaml"), stringify({ kind: "ConfigMap", ...cm }));
      writeFileSync(join(dir, "secret.yaml"), "kind: Secret\nstringData: {slack-token: xoxb-catalog-token}\n");
      writeFileSync(join(dir, "app.yaml"), stringify(application({})));
      const templates = Object.keys(cm.data).filter((k) => k.startsWith("template.")).map((k) => k.slice(9));
      expect(templates).toHaveLength(8);
      for (const template of templates) {
        const io = fakeIO();
        const args = [
          "template",
          "notify",
          template,
          join(dir, "app.yaml"),
          "--config-map",
          join(dir, "cm.yaml"),
          "--secret",
          join(dir, "secret.yaml"),
        ];
        expect(await runCli([...args, "--recipient", "slack:ops", "-o", "json", "--send"], io)).toBe(0);
        const printed = JSON.parse(io.out.join("")) as {
          notifications: { request: { method: string; url: string; body: string }; outcome: { _tag: string } }[];
        };
        const [n] = printed.notifications;
        expect(n?.outcome._tag).toBe("Delivered");
        const got = receiver.requests.at(-1)!;
        expect(n?.request.method).toBe(got.method);
        expect(n?.request.url).toBe(`${receiver.url}${got.path}`);
        expect(n?.request.body).toBe(got.body.replace("xoxb-catalog-token", "***"));
        expect(io.out.join("")).not.toContain("xoxb-catalog-token");
      }
      expect(receiver.requests).toHaveLength(8);
    });
  });
});
