import { describe, expect, it } from "vitest";
import { diagnostic, formatDiagnostic } from "../../lib/diagnostics.ts";

describe("formatDiagnostic()", () => {
  const cases = [
    {
      name: "puts key, line and hint around the message",
      input: diagnostic("UnknownField", '"sned" is not a field of a condition', {
        key: "trigger.on-x",
        line: 2,
        hint: 'did you mean "send"?',
      }),
      expected: 'trigger.on-x: line 2: "sned" is not a field of a condition; did you mean "send"?',
    },
    {
      name: "adds the column when known",
      input: diagnostic("ExprCompile", "unexpected token", { key: "trigger.a", line: 1, column: 7 }),
      expected: "trigger.a: line 1, column 7: unexpected token",
    },
    {
      name: "is just the message without position",
      input: diagnostic("InvalidResource", "not an object"),
      expected: "not an object",
    },
  ];
  for (const c of cases) it(c.name, () => expect(formatDiagnostic(c.input)).toBe(c.expected));
});
