/** The README's quick starts are the files under examples/quickstart, and they run as written from any folder. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { spawn } from "node:child_process";
import { denoBinary } from "./_processes.ts";

function run(command: string, args: readonly string[]): Promise<{ code: number; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, [...args], { cwd: tmpdir(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.once("error", fail);
    child.once("close", (code) => done({ code: code ?? -1, out }));
  });
}

function readmeBlock(heading: string, lang: string): string {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf(heading));
  const open = section.indexOf(`\`\`\`${lang}\n`) + lang.length + 4;
  return section.slice(open, section.indexOf("```\n", open));
}

describe("README quick starts", () => {
  it("are the files under examples/quickstart, verbatim", () => {
    expect(readmeBlock("## Quick start (Node >= 20)", "js")).toBe(readFileSync("examples/quickstart/node.mjs", "utf8"));
    expect(readmeBlock("## Quick start (Deno)", "ts")).toBe(readFileSync("examples/quickstart/deno.ts", "utf8"));
  });

  it("Node: runs with node from another folder, importing the package by name (the built dist/)", async () => {
    const r = await run("node", [resolve("examples/quickstart/node.mjs")]);
    expect(r.out).toBe(
      "on-cert-ready → slack:my-channel: Certificate example-com is ready!\nPOST https://slack.com/api/chat.postMessage\nnotified state: 1 entry\n",
    );
    expect(r.code).toBe(0);
  }, 60_000);

  it("Deno: runs with deno run from another folder", async () => {
    const r = await run(denoBinary(), [
      "run",
      "--allow-read",
      "--allow-env",
      "--config",
      resolve("deno.json"),
      resolve("examples/quickstart/deno.ts"),
    ]);
    expect(r.out).toMatch(/^on-cert-ready → slack:my-channel: Certificate example-com is ready!\n\{\n/);
    expect(r.out).toMatch(
      /"notified\.notifications\.argoproj\.io": '\{"on-cert-ready:\[0\]\.[\w-]+:slack:my-channel":\d+\}'/,
    );
    expect(r.code).toBe(0);
  }, 60_000);
});
