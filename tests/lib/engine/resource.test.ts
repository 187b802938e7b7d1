import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../lib/diagnostics.ts";
import { readResource } from "../../../lib/engine/resource.ts";

describe("readResource()", () => {
  const cases = [
    {
      name: "reads annotations and labels",
      input: { metadata: { annotations: { a: "1" }, labels: { l: "x" } } },
      annotations: { a: "1" },
      labels: { l: "x" },
      messages: [],
    },
    { name: "treats absent maps as empty", input: { metadata: {} }, annotations: {}, labels: {}, messages: [] },
    {
      name: "treats null maps as empty",
      input: { metadata: { annotations: null, labels: null } },
      annotations: {},
      labels: {},
      messages: [],
    },
    {
      name: "drops values that are not strings, one diagnostic each",
      input: { metadata: { annotations: { a: "1", b: 2, c: null }, labels: { l: true } } },
      annotations: { a: "1" },
      labels: {},
      messages: [
        'metadata.annotations["b"] is a number, not a string; it is ignored',
        'metadata.annotations["c"] is a null, not a string; it is ignored',
        'metadata.labels["l"] is a boolean, not a string; it is ignored',
      ],
    },
    {
      name: "ignores maps that are not objects",
      input: { metadata: { annotations: "x", labels: [1] } },
      annotations: {},
      labels: {},
      messages: [
        "metadata.annotations must be a map of strings; it is ignored",
        "metadata.labels must be a map of strings; it is ignored",
      ],
    },
    {
      name: "warns about missing metadata",
      input: { spec: {} },
      annotations: {},
      labels: {},
      messages: ["the resource has no metadata; it has no subscriptions or state"],
    },
    {
      name: "reports metadata that is not an object",
      input: { metadata: 5 },
      annotations: {},
      labels: {},
      messages: ["the resource's metadata must be an object; it is ignored"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const diagnostics: Diagnostic[] = [];
      const meta = readResource(c.input, diagnostics);
      expect(meta?.object).toBe(c.input);
      expect(meta?.annotations).toEqual(c.annotations);
      expect(meta?.labels).toEqual(c.labels);
      expect(diagnostics.map((d) => d.message)).toEqual(c.messages);
    });
  }

  const notObjects = [null, undefined, 1, "x", true, [1]];
  for (const input of notObjects) {
    it(`returns nothing for ${JSON.stringify(input) ?? "undefined"}, with a diagnostic`, () => {
      const diagnostics: Diagnostic[] = [];
      expect(readResource(input, diagnostics)).toBeUndefined();
      expect(diagnostics.map((d) => d._tag)).toEqual(["InvalidResource"]);
    });
  }
});
