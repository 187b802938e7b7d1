/** `npm start -- --once`: the embedded default prints the cert-manager notification, then exits. */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

describe("examples/certmanager/main.ts", () => {
  it("prints the Certificate's notification through the console service in one pass, and not again on a second", () => {
    const state = join(mkdtempSync(join(tmpdir(), "main-")), "state.json");
    const run = (): string =>
      execFileSync("node", ["--import", "tsx", "examples/certmanager/main.ts", "--once", "--state", state], {
        encoding: "utf8",
        timeout: 60_000,
      });
    const first = run();
    expect(first).toContain("message: |\n  Certificate example-com is ready!");
    expect(first).toContain("1 notification(s) delivered");
    expect(run()).toContain("0 notification(s) delivered");
  });
});
