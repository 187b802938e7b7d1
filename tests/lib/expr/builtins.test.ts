import { describe, expect, it } from "vitest";
import { builtins } from "../../../lib/expr/builtins.ts";
import { formatValue } from "../../../lib/gofmt/format-value.ts";

const call = (name: string, ...args: unknown[]): string =>
  formatValue(builtins.get(name)!(args, { pos: 0, now: Date.UTC(2024, 0, 1) }));

describe("builtins", () => {
  const cases = [
    { name: "split keeps Go's SplitN shape", got: () => call("split", "a,b,c", ",", 2), expected: "[a b,c]" },
    { name: "replace with a limit", got: () => call("replace", "aaaa", "a", "b", 2), expected: "bbaa" },
    { name: "trim with a cutset", got: () => call("trim", "--x--", "-"), expected: "x" },
    { name: "indexOf counts bytes", got: () => call("indexOf", "héllo", "l"), expected: "3" },
    { name: "max flattens arrays", got: () => call("max", [1, [5, 2]], 3), expected: "5" },
    { name: "round goes half away from zero", got: () => call("round", -2.5), expected: "-3" },
    {
      name: "toJSON indents and sorts",
      got: () => call("toJSON", { b: [1], a: "<" }),
      expected: '{\n  "a": "\\u003c",\n  "b": [\n    1\n  ]\n}',
    },
    {
      name: "fromJSON makes floats",
      got: () => call("type", builtins.get("fromJSON")!(["1"], { pos: 0, now: 0 })),
      expected: "float",
    },
    { name: "toBase64 and back", got: () => call("fromBase64", call("toBase64", "héllo")), expected: "héllo" },
    { name: "now is the run's now", got: () => call("now"), expected: "2024-01-01 00:00:00 +0000 UTC" },
    {
      name: "date tries the common layouts",
      got: () => call("date", "2024-01-02 03:04:05"),
      expected: "2024-01-02 03:04:05 +0000 UTC",
    },
    { name: "get never fails", got: () => call("get", [1], 9), expected: "<nil>" },
    { name: "bitnot flips bits", got: () => call("bitnot", 0), expected: "-1" },
  ];
  for (const c of cases) it(c.name, () => expect(c.got()).toBe(c.expected));

  it("bounds repeat", () => expect(() => call("repeat", "x", 2_000_000)).toThrow("memory budget exceeded"));
});
