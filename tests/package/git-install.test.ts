/**
 * A git install, as `npm install github:owner/notifications-engine` does it: npm clones, installs the dev
 * dependencies, runs `prepare` (the build) and installs the result. Run by `npm run test:package` (a minute).
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

function sh(command: string, args: readonly string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, [...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, out }));
  });
}

describe("a git install", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("contains the built code, importable by name, with a working bin", async () => {
    const head = (await sh("git", ["rev-parse", "HEAD"], ".")).out.trim();
    dir = mkdtempSync(join(tmpdir(), "ne-git-"));
    writeFileSync(join(dir, "package.json"), '{"name":"user-project","private":true,"type":"module"}\n');
    const install = await sh("npm", [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      `git+file://${resolve(".")}#${head}`,
    ], dir);
    expect(install.code).toBe(0);
    const imported = await sh("node", [
      "-e",
      'import("notifications-engine").then((m) => console.log(typeof m.evaluate, typeof m.renderNotifications))',
    ], dir);
    expect(imported.out).toBe("function function\n");
    const bin = await sh(join(dir, "node_modules", ".bin", "notifications-engine"), ["--help"], dir);
    expect(bin.code).toBe(0);
    expect(bin.out).toContain("Usage: notifications-engine <command> [options]");
  }, 300_000);
});
