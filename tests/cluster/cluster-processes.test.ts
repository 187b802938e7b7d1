/**
 * Leftovers of a test process that died before `stop()`: the next startCluster reaps them (tests/_helpers/
 * cluster-processes.ts). A real child process stands in for the orphaned server; nothing else is simulated.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLUSTER_DIR_PREFIX, OWNER_FILE, reapLeftovers } from "../_helpers/cluster-processes.ts";

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.once("exit", r));
  return child.pid!;
}

describe("reapLeftovers", () => {
  it("kills the servers of a dead owner (by pid, only if started for that folder) and removes the folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), CLUSTER_DIR_PREFIX));
    const orphan = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", dir], { stdio: "ignore" });
    const bystander = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const orphanExit = new Promise((r) => orphan.once("exit", (_code, signal) => r(signal)));
    try {
      writeFileSync(
        join(dir, OWNER_FILE),
        JSON.stringify({ ownerPid: await deadPid(), pids: [orphan.pid, bystander.pid] }),
      );
      expect(reapLeftovers()).toBeGreaterThanOrEqual(1);
      expect(await orphanExit).toBe("SIGKILL");
      expect(existsSync(dir)).toBe(false);
      expect(bystander.exitCode).toBeNull();
      expect(bystander.signalCode).toBeNull();
    } finally {
      bystander.kill();
      orphan.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves the folder of a live owner alone", () => {
    const dir = mkdtempSync(join(tmpdir(), CLUSTER_DIR_PREFIX));
    try {
      writeFileSync(join(dir, OWNER_FILE), JSON.stringify({ ownerPid: process.pid, pids: [] }));
      reapLeftovers();
      expect(existsSync(join(dir, OWNER_FILE))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
