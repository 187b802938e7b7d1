import { describe, expect, it } from "vitest";
import { builtinProviders } from "../../providers/mod.ts";

/** Go `map[string]string` settings (`goStringMap`), read through a provider's decoder as a ConfigMap gives them. */
const maps = [
  { name: "strings", headers: { ops: "k1", dev: "k2" }, value: { ops: "k1", dev: "k2" }, problems: [] },
  { name: "a number and a boolean as their text", headers: { a: 12, b: true }, value: { a: "12", b: "true" } },
  { name: "an empty value as the empty string", headers: { a: null }, value: { a: "" }, problems: [] },
  { name: "an empty map", headers: null, value: {}, problems: [] },
  {
    name: "a map as a value",
    headers: { a: "k", b: { c: "d" }, e: ["f"] },
    problems: ['"headers.b" must be a string, not a map', '"headers.e" must be a string, not a list'],
  },
  { name: "a list", headers: ["k"], problems: ['"headers" must be a map of strings, not a list'] },
] as const;

describe("goStringMap", () => {
  for (const c of maps) {
    it(`reads ${c.name}`, () => {
      const r = builtinProviders["nats"]!.decodeSettings({ url: "nats://localhost:4222", headers: c.headers });
      const problems = r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
      expect(problems).toEqual("problems" in c ? c.problems : []);
      if ("value" in c) expect((r.value as { headers?: unknown } | undefined)?.headers).toEqual(c.value);
    });
  }
});
