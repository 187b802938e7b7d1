import { describe, expect, it } from "vitest";
import { goFunc, GoFuncError } from "../../../../lib/templates/go/func.ts";

describe("goFunc()", () => {
  it("attaches the signature and calls the implementation", () => {
    const f = goFunc({ params: ["string"], variadic: "interface {}" }, (ctx, args) => `${ctx.now}:${args.length}`);
    expect(f.signature).toEqual({ params: ["string"], variadic: "interface {}" });
    expect(f({ now: 5 }, ["a", 1])).toBe("5:2");
  });
});

describe("GoFuncError", () => {
  it("is an Error carrying Go's message", () => {
    const e = new GoFuncError("boom");
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe("boom");
  });
});
