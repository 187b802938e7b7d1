import { describe, expect, it } from "vitest";
import { defaultFunctions } from "../../../../lib/templates/go/default-functions.ts";
import { compileGoTemplate } from "../../../../lib/templates/go/mod.ts";

describe("defaultFunctions", () => {
  it("is sprig without env and expandenv", () => {
    expect(Object.hasOwn(defaultFunctions, "env")).toBe(false);
    expect(Object.hasOwn(defaultFunctions, "expandenv")).toBe(false);
    expect(Object.hasOwn(defaultFunctions, "toJson")).toBe(true);
  });

  it("shadows Go's slice with sprig's, as the Go engine does", () => {
    const t = compileGoTemplate("{{slice .s 1 3}}", { name: "t" });
    if (t._tag === "Left") throw new Error(t.left.message);
    const r = t.right.render({ s: "guestbook" }, { now: 0 });
    expect(r._tag === "Left" ? r.left.message : r.right).toContain(
      "error calling slice: list should be type of slice or array but string",
    );
  });
});
