/** JSON logs: one object per line, levels, secrets redacted by value and by field name. */
import { describe, expect, it } from "vitest";
import { createLog } from "../../lib/shell/log.ts";

describe("createLog", () => {
  it("writes one JSON object per line with level, time and message, and respects the level", () => {
    const lines: string[] = [];
    const log = createLog({ level: "info", write: (l) => lines.push(l) });
    log.debug("hidden");
    log.info("shown", { resource: "foos/ns/a" });
    log.child({ shard: 1 }).error("child");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "shown", resource: "foos/ns/a" });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 50, msg: "child", shard: 1 });
    expect(typeof JSON.parse(lines[0]!).time).toBe("number");
  });

  it("redacts secret values anywhere (message, fields, nested, errors) and secret-named fields", () => {
    const lines: string[] = [];
    const log = createLog({ write: (l) => lines.push(l), redact: (t) => t.replaceAll("hunter2", "***") });
    log.warn("login with hunter2 failed", {
      cause: new Error("401 for hunter2"),
      nested: { list: ["a hunter2 b"], headers: { authorization: "Bearer x" } },
      password: "anything",
    });
    const text = lines.join("\n");
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("Bearer x");
    const line = JSON.parse(lines[0]!);
    expect(line.msg).toBe("login with *** failed");
    expect(line.cause).toBe("401 for ***");
    expect(line.nested.list).toEqual(["a *** b"]);
    expect(line.password).toBe("[Redacted]");
  });
});
