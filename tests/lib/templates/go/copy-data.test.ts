import { describe, expect, it } from "vitest";
import { goTypeName, withGoType } from "../../../../lib/gofmt/mod.ts";
import { copyData } from "../../../../lib/templates/go/copy-data.ts";
import { LimitFailure } from "../../../../lib/templates/go/budget.ts";
import { resolveLimits } from "../../../../lib/limits.ts";
import { GoTime } from "../../../../lib/values/time.ts";

describe("copyData()", () => {
  it("copies plain objects and arrays deeply, even frozen ones", () => {
    const input = Object.freeze({ a: Object.freeze({ b: Object.freeze([1, Object.freeze({ c: "x" })]) }) });
    const copy = copyData(input) as unknown as { a: { b: [number, Record<string, unknown>] } };
    expect(copy).toEqual(input);
    expect(Object.isFrozen(copy.a.b[1])).toBe(false);
    copy.a.b[1]["c"] = "y";
    expect(input.a.b[1]).toEqual({ c: "x" });
  });

  it("keeps class instances, functions and byte slices by reference", () => {
    const time = GoTime.fromUnixMilli(0);
    const fn = (): number => 1;
    const bytes = new Uint8Array([1]);
    const map = new Map([["k", 1]]);
    const copy = copyData({ time, fn, bytes, map });
    expect(copy.time).toBe(time);
    expect(copy.fn).toBe(fn);
    expect(copy.bytes).toBe(bytes);
    expect(copy.map).toBe(map);
  });

  it("keeps Go type tags, null prototypes, shared references and cycles", () => {
    const shared = { s: 1 };
    const cyclic: Record<string, unknown> = { list: withGoType(["a"], "[]string"), shared, again: shared };
    cyclic["self"] = cyclic;
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { k: 1 });
    const copy = copyData({ cyclic, bare, ctx: withGoType({ u: "x" }, "map[string]string") });
    expect(goTypeName(copy.cyclic["list"])).toBe("[]string");
    expect(goTypeName(copy.ctx)).toBe("map[string]string");
    expect(Object.getPrototypeOf(copy.bare)).toBe(null);
    expect(copy.cyclic["self"]).toBe(copy.cyclic);
    expect(copy.cyclic["shared"]).toBe(copy.cyclic["again"]);
    expect(copy.cyclic["shared"]).not.toBe(shared);
  });

  it("copies a JSON __proto__ key as an entry, not as the copy's prototype", () => {
    const data = JSON.parse('{"m":{"__proto__":{"x":1},"a":2}}') as { m: Record<string, unknown> };
    const copy = copyData(data);
    expect(Object.getPrototypeOf(copy.m)).toBe(Object.prototype);
    expect(Object.keys(copy.m)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(copy.m, "__proto__")?.value).toEqual({ x: 1 });
  });

  it("fails past maxValueDepth instead of exhausting the stack (#7)", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as unknown;
    let failure: unknown;
    try {
      copyData({ deep }, resolveLimits({ maxValueDepth: 50 }));
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(LimitFailure);
    expect((failure as LimitFailure).message).toBe(
      "limit exceeded: maxValueDepth (50): the data nests more than 50 levels deep",
    );
    expect(
      copyData({ l: JSON.parse("[".repeat(49) + "]".repeat(49)) as unknown }, resolveLimits({ maxValueDepth: 50 })),
    ).toBeDefined();
  });
});
