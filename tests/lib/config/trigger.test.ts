import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { E } from "../../../lib/fp.ts";
import { decodeTrigger } from "../../../lib/config/trigger.ts";

const decode = (source: string) => decodeTrigger("on-x", source);
const texts = (source: string): string[] => decode(source).diagnostics.map(formatDiagnostic);

const valid = [
  {
    name: "a full condition",
    source: "- when: foo.status.ready\n  oncePer: foo.metadata.uid\n  description: Foo is ready\n  send: [foo-ready]\n",
    expected: [{
      key: "[0].Q9PIkxno1a5_1B188eKM2kht0gM",
      when: "foo.status.ready",
      oncePer: "foo.metadata.uid",
      description: "Foo is ready",
      send: ["foo-ready"],
    }],
  },
  {
    name: "a missing when, as an empty one (key of the empty string, runs as false)",
    source: "- send: [a]\n",
    expected: [{ key: "[0].2jmj7l5rSw0yVb_vlWAYkK_YBwk", when: "", send: ["a"] }],
  },
  {
    name: "an empty oncePer, as absent",
    source: "- when: x\n  send: [a]\n  oncePer: ''\n",
    expected: [{ when: "x", send: ["a"] }],
  },
  {
    name: "numbers and booleans in string fields, as Go's sigs.k8s.io/yaml turns them into strings",
    source: "- when: true\n  send: [1, yes]\n",
    expected: [{ when: "true", send: ["1", "true"] }],
  },
  {
    name: "several conditions, keyed by position",
    source: "- when: a\n  send: [t]\n- when: a\n  send: [u]\n",
    expected: [{ key: "[0].hvfkN_qlp_zhXR3cuerq6jd2Z7g" }, { key: "[1].hvfkN_qlp_zhXR3cuerq6jd2Z7g" }],
  },
] as const;

const problems = [
  {
    name: "an unknown field, with a suggestion (warning: Go ignores it)",
    source: "- when: x\n  send: [a]\n  descripton: d\n",
    kept: true,
    expected: [
      'trigger.on-x: line 3, column 3: "descripton" is not a field of a condition; did you mean "description"?',
    ],
  },
  {
    name: "a misspelt send: the condition would send nothing, so it is left out, and with it the trigger (#8)",
    source: "- when: x\n  sned: [a]\n",
    kept: false,
    expected: [
      'trigger.on-x: line 2, column 3: "sned" is not a field of a condition; did you mean "send"?',
      'trigger.on-x: line 1, column 3: "[0]" sends no template ("send" is missing or empty), so the condition is left out',
    ],
  },
  {
    name: "a null send, with other conditions kept (#8)",
    source: "- when: x\n  send:\n- when: y\n  send: [a]\n",
    kept: true,
    expected: [
      'trigger.on-x: line 2, column 8: "[0]" sends no template ("send" is missing or empty), so the condition is left out',
    ],
  },
  {
    name: "an empty send (#8)",
    source: "- when: x\n  send: []\n",
    kept: false,
    expected: [
      'trigger.on-x: line 2, column 9: "[0]" sends no template ("send" is missing or empty), so the condition is left out',
    ],
  },
  {
    name: "a field in the wrong case, read as Go does",
    source: "- When: x\n  send: [a]\n",
    kept: true,
    expected: [
      'trigger.on-x: line 1, column 3: "When" is read as "when", as Go matches field names without regard to case; write "when"',
    ],
  },
  {
    name: "send given as a string",
    source: "- when: x\n  description: d\n  send: foo\n",
    kept: false,
    expected: ['trigger.on-x: line 3, column 9: "send" must be a list of template names, not a string'],
  },
  {
    name: "a map inside send",
    source: "- when: x\n  send: [a, {b: c}]\n",
    kept: false,
    expected: ['trigger.on-x: line 2, column 13: "send[1]" must be a template name, not a map'],
  },
  {
    name: "when given as a list",
    source: "- when: [a]\n",
    kept: false,
    expected: ['trigger.on-x: line 1, column 9: "when" must be an expression (a string), not a list'],
  },
  {
    name: "a condition that is not a map",
    source: "- when: x\n  send: [a]\n- just text\n",
    kept: false,
    expected: ['trigger.on-x: line 3, column 3: "[1]" must be a condition (a map with when and send), not a string'],
  },
  {
    name: "a trigger that is a map instead of a list",
    source: "when: x\nsend: [a]\n",
    kept: false,
    expected: ["trigger.on-x: line 1, column 1: the trigger must be a list of conditions, not a map"],
  },
  {
    name: "an expression that does not compile, at its column in the YAML",
    source: "- when: app.x ==\n  send: [a]\n",
    kept: false,
    expected: ['trigger.on-x: line 1, column 17: "when" does not compile: unexpected token EOF'],
  },
  {
    name: "an expression in double quotes with escapes, at its column in the YAML",
    source: '- when: "app.x == \\"a\\" &&"\n  send: [a]\n',
    kept: false,
    expected: ['trigger.on-x: line 1, column 27: "when" does not compile: unexpected token EOF'],
  },
  {
    name: "an expression in single quotes with doubled quotes, at its column in the YAML",
    source: "- when: 'app.x in [''a'', ''b'' ]] '\n  send: [a]\n",
    kept: false,
    expected: [`trigger.on-x: line 1, column 34: "when" does not compile: unexpected token Bracket("]")`],
  },
  {
    name: "an expression written in another case of when (Go reads it), at its column",
    source: "- When: app.x ==\n  send: [a]\n",
    kept: false,
    expected: [
      'trigger.on-x: line 1, column 3: "When" is read as "when", as Go matches field names without regard to case; write "when"',
      'trigger.on-x: line 1, column 17: "when" does not compile: unexpected token EOF',
    ],
  },
  {
    name: "an oncePer that does not compile, inside a literal block",
    source: "- when: a\n  send: [a]\n  oncePer: |\n    app.metadata.name +\n    * x\n",
    kept: false,
    expected: ['trigger.on-x: line 5, column 5: "oncePer" does not compile: unexpected token Operator("*")'],
  },
  {
    name: "a when that does not compile, at its end inside a stripped literal block",
    source: "- when: |-\n    app.metadata.name +\n    + x -\n  send: [a]\n",
    kept: false,
    expected: ['trigger.on-x: line 3, column 10: "when" does not compile: unexpected token EOF'],
  },
  {
    name: "a when that does not compile, inside a folded block (at the start of the value)",
    source: "- when: >-\n    app.x\n    ==\n  send: [a]\n",
    kept: false,
    expected: ['trigger.on-x: line 1, column 9: "when" does not compile: unexpected token EOF'],
  },
  {
    name: "an unknown YAML tag (a warning, and the value is read without it)",
    source: "- when: !expr app.x == 1\n  send: [a]\n",
    kept: true,
    expected: ['trigger.on-x: line 1, column 9: the tag "!expr" is unknown, so the value is read without it'],
  },
  {
    name: "invalid YAML",
    source: "- when: x\n  send: [a\n",
    kept: false,
    expected: [
      "trigger.on-x: line 2, column 9: the value is not valid YAML: the flow list is not closed",
    ],
  },
  {
    name: "an empty trigger (kept, with a warning)",
    source: "",
    kept: true,
    expected: ["trigger.on-x: the trigger has no conditions, so it never fires"],
  },
  {
    name: "every problem at once",
    source: "- when: app.x ==\n  sendd: [a]\n- when: x\n  send: 3\n",
    kept: false,
    expected: [
      'trigger.on-x: line 2, column 3: "sendd" is not a field of a condition; did you mean "send"?',
      'trigger.on-x: line 4, column 9: "send" must be a list of template names, not a number',
      'trigger.on-x: line 1, column 17: "when" does not compile: unexpected token EOF',
      'trigger.on-x: line 1, column 3: "[0]" sends no template ("send" is missing or empty), so the condition is left out',
    ],
  },
] as const;

describe("decodeTrigger()", () => {
  for (const c of valid) {
    it(`decodes ${c.name}`, () => {
      const r = decode(c.source);
      expect(r.diagnostics).toEqual([]);
      expect(r.value?.trigger.name).toBe("on-x");
      expect(r.value?.trigger.conditions).toMatchObject(c.expected);
    });
  }
  for (const c of problems) {
    it(`reports ${c.name}`, () => {
      expect(texts(c.source)).toEqual(c.expected);
      expect(decode(c.source).value !== undefined).toBe(c.kept);
    });
  }
  it("compiles an empty when as false and leaves oncePer out when empty", () => {
    const condition = decode("- send: [a]\n  oncePer: ''\n").value?.trigger.conditions[0];
    expect(condition?.compiledWhen.source).toBe("false");
    expect(condition?.compiledWhen.run({ app: { x: 1 } }, { now: 0 })).toEqual(E.right(false));
    expect(condition?.compiledOncePer).toBeUndefined();
  });
  it("compiles when and oncePer with the real expression language", () => {
    const condition = decode(
      "- when: app.status.phase in ['Failed', 'Error']\n  oncePer: app.metadata.uid\n  send: [a]\n",
    )
      .value?.trigger.conditions[0];
    const vars = { app: { status: { phase: "Error" }, metadata: { uid: "u-1" } } };
    expect(condition?.compiledWhen.run(vars, { now: 0 })).toEqual(E.right(true));
    expect(condition?.compiledOncePer?.run(vars, { now: 0 })).toEqual(E.right("u-1"));
  });
  it("lists the templates each condition sends, with their positions", () => {
    expect(decode("- when: a\n  send: [t1, t2]\n").value?.templates).toEqual([
      { name: "t1", line: 2, column: 10 },
      { name: "t2", line: 2, column: 14 },
    ]);
  });
});
