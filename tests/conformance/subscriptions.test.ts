/**
 * Annotation subscriptions against the Go engine's iterate + GetDestinations + Dedup, with the YAML form decoded by
 * sigs.k8s.io/yaml. The fixture comes from scripts/oracle/subscriptions (run generate.sh there). Cases marked
 * `deviation` are where we report a malformed subscription instead of sending where Go's decoding accident would:
 * there we only check that we send to a subset of Go's destinations and report an error.
 */
import { describe, expect, it } from "vitest";
import golden from "./subscriptions.json" with { type: "json" };
import { resolveDestinations } from "../../lib/subscriptions/resolve.ts";

type Expected = Record<string, { service: string; recipient: string }[]>;

describe("annotation subscriptions vs Go", () => {
  for (const c of golden) {
    it(`resolveDestinations() matches GetDestinations: ${c.id}`, () => {
      const config = {
        subscriptions: [],
        defaultTriggers: c.defaultTriggers,
        serviceDefaultTriggers: new Map(
          Object.entries(c.serviceDefaultTriggers as Record<string, string[]>),
        ),
      };
      const options = "prefix" in c && typeof c.prefix === "string"
        ? { prefix: c.prefix }
        : {};
      const r = resolveDestinations({ [c.key]: c.value }, {}, config, options);
      const ours: Expected = Object.fromEntries(
        [...r.destinations].map(([t, ds]) => [t, [...ds]]),
      );
      const errors = r.diagnostics.filter((d) => d.severity === "error");
      const expected = c.expected as Expected;
      if ("deviation" in c) {
        for (const [t, ds] of Object.entries(ours)) {
          for (const d of ds) expect(expected[t] ?? []).toContainEqual(d);
        }
        expect(errors.length).toBeGreaterThan(0);
      } else {
        expect(ours).toEqual(expected);
        expect(errors.length > 0).toBe(
          "yamlError" in c && c.yamlError === true,
        );
      }
    });
  }
});
