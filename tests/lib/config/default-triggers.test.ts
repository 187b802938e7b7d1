import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { decodeDefaultTriggers } from "../../../lib/config/default-triggers.ts";

const cases = [
  {
    name: "a block list",
    source: "- on-sync-succeeded\n- on-sync-failed\n",
    expected: ["on-sync-succeeded", "on-sync-failed"],
  },
  { name: "a flow list", source: "[on-created]", expected: ["on-created"] },
  { name: "an empty value", source: "", expected: [] },
] as const;

const problems = [
  {
    name: "a string",
    source: "on-created",
    expected: ['defaultTriggers: line 1, column 1: "defaultTriggers" must be a list of trigger names, not a string'],
  },
  {
    name: "a map in the list",
    source: "- a\n- {b: c}\n",
    expected: ['defaultTriggers: line 2, column 3: "[1]" must be a trigger name, not a map'],
  },
] as const;

describe("decodeDefaultTriggers()", () => {
  for (const c of cases) {
    it(`decodes ${c.name}`, () => {
      const r = decodeDefaultTriggers("defaultTriggers", c.source);
      expect(r.diagnostics).toEqual([]);
      expect(r.value?.map((ref) => ref.name)).toEqual(c.expected);
    });
  }
  for (const c of problems) {
    it(`reports ${c.name}`, () => {
      const r = decodeDefaultTriggers("defaultTriggers", c.source);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
    });
  }
});
