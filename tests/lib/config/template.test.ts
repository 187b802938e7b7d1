import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { E } from "../../../lib/fp.ts";
import { decodeTemplate } from "../../../lib/config/template.ts";
import { fakeCompileTemplate } from "./_fakes.ts";

describe("decodeTemplate()", () => {
  it("hands the YAML value to the template compiler", () => {
    const seen: unknown[] = [];
    const r = decodeTemplate("app-created", "message: hi\nslack:\n  notifyBroadcast: false\n", (name, doc) => {
      seen.push([name, doc]);
      return fakeCompileTemplate(name, doc);
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.name).toBe("app-created");
    expect(seen).toEqual([["app-created", { message: "hi", slack: { notifyBroadcast: false } }]]);
  });
  it("hands an empty value over as an empty template, as Go reads it", () => {
    const seen: unknown[] = [];
    decodeTemplate("t", "", (name, doc) => {
      seen.push(doc);
      return fakeCompileTemplate(name, doc);
    });
    expect(seen).toEqual([{}]);
  });

  const problems = [
    {
      name: "the compiler's diagnostics, with the key added",
      source: "message: '{{bad}}'\n",
      expected: ['template.t: "message" does not parse: function "bad" not defined'],
    },
    {
      name: "invalid YAML",
      source: "message: a\n  b: c\n",
      expected: [
        "template.t: line 1, column 10: the value is not valid YAML: Nested mappings are not allowed in compact mappings",
        "template.t: line 1, column 10: the value is not valid YAML: Implicit keys need to be on a single line",
      ],
    },
  ] as const;
  for (const c of problems) {
    it(`reports ${c.name} and leaves the template out`, () => {
      const r = decodeTemplate("t", c.source, fakeCompileTemplate);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
    });
  }
  it("keeps a key the compiler already set", () => {
    const r = decodeTemplate("t", "message: x", () =>
      E.left([{ _tag: "TemplateParse", severity: "error", key: "template.t", message: "m", line: 3 }]));
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(["template.t: line 3: m"]);
  });
});
