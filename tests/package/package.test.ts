/**
 * The package as users install it: `npm pack` holds the built code (`prepare` builds: npm runs it on pack, publish
 * and git installs), the bin works after `npm install -g` and with `npx`, and `deno publish --dry-run` passes for
 * JSR (a git install: `git-install.test.ts`). Run by `npm run test:package` (a few minutes; CI runs it).
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

function sh(
  command: string,
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<{ code: number; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? ".",
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

const deno = (globalThis as { Deno?: { execPath(): string } }).Deno;
const quiet = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

describe("the package", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("packs the built code, and its bin runs after npm install -g and with npx", async () => {
    dir = mkdtempSync(join(tmpdir(), "ne-pack-"));
    const pack = await sh("npm", ["pack", "--pack-destination", dir, "--silent"]);
    expect(pack.code).toBe(0);
    const [tarball] = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
    const listing = await sh("tar", ["tzf", join(dir, tarball!)]);
    const files = listing.out.trim().split("\n");
    for (
      const f of [
        "dist/mod.js",
        "dist/mod.d.ts",
        "dist/providers/mod.js",
        "dist/lib/liquid/mod.js",
        "dist/lib/shell/mod.js",
        "dist/lib/shell/cli/main.js",
        "dist/lib/rules/mod.d.ts",
        "dist/THIRD-PARTY-LICENSES.md",
      ]
    ) {
      expect(files).toContain(`package/${f}`);
    }
    expect(files.filter((f) => !f.startsWith("package/dist/")).sort()).toEqual([
      "package/README.md",
      "package/package.json",
    ]);

    const global = join(dir, "global");
    const install = await sh("npm", ["install", "-g", "--prefix", global, join(dir, tarball!), ...quiet]);
    expect(install.code).toBe(0);
    const bin = join(global, "bin", "notifications-engine");
    const test = await sh(bin, ["test", resolve("examples/certmanager/certmanager.rules.yaml")]);
    expect(test.out).toMatch(/1 file\(s\), 2 scenario\(s\): 2 passed, 0 failed\n$/);
    expect(test.code).toBe(0);

    const npx = await sh(
      "npx",
      ["--yes", ...quiet, "--package", join(dir, tarball!), "notifications-engine", "--help"],
      { cwd: dir },
    );
    expect(npx.code).toBe(0);
    expect(npx.out).toContain("Usage: notifications-engine <command> [options]");
  }, 240_000);

  it("passes deno publish --dry-run with the same entry points, built: JavaScript and declarations", async () => {
    const built = await sh("npm", ["run", "build:jsr", ...quiet]);
    expect(built.code).toBe(0);
    const command = deno !== undefined ? deno.execPath() : "npx";
    const args = deno !== undefined
      ? ["publish", "--dry-run", "--allow-dirty"]
      : ["deno", "publish", "--dry-run", "--allow-dirty"];
    const run = await sh(command, args);
    expect(run.out).toContain("Dry run complete");
    expect(run.out).not.toMatch(/warning|error/i);
    expect(run.code).toBe(0);
    const root = `${pathToFileURL(resolve(".")).href}/`;
    const files = [...run.out.matchAll(/^\s+(file:\/\/\S+) \(/gm)].map((m) => m[1]!.replace(root, ""));
    expect(files).toContain("jsr/mod.js");
    expect(files).toContain("jsr/mod.d.ts");
    expect(files).toContain("jsr/THIRD-PARTY-LICENSES.md");
    expect(files.filter((f) => !f.startsWith("jsr/")).sort()).toEqual(["README.md", "deno.json"]);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  }, 240_000);
});
