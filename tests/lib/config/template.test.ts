import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { E } from "../../../lib/fp.ts";
import { decodeTemplate } from "../../../lib/config/template.ts";
import catalogs from "./_fixtures/catalogs.json" with { type: "json" };
import { builtinBlocks } from "../../../providers/mod.ts";
import { liquid } from "../../../lib/liquid/mod.ts";

const argoCd: Readonly<Record<string, string>> = catalogs["argo-cd"].configMap.data;
const rollouts: Readonly<Record<string, string>> = catalogs["argo-rollouts"].configMap.data;

/** A catalog template with one piece replaced, so the error sits where a person editing the catalog would put it. */
const edit = (source: string | undefined, from: string, to: string): string => {
  if (source === undefined || !source.includes(from)) {
    throw new TypeError(`the catalog template lacks ${JSON.stringify(from)}`);
  }
  return source.replace(from, to);
};

describe("decodeTemplate()", () => {
  it("compiles the YAML value and renders it", () => {
    const r = decodeTemplate(
      "app-created",
      "message: Application {{.app.metadata.name}} created\nslack:\n  notifyBroadcast: true\n",
      { blocks: builtinBlocks },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.name).toBe("app-created");
    expect(r.value?.render({ app: { metadata: { name: "guestbook" } } }, { now: 0 })).toEqual(E.right({
      message: "Application guestbook created",
      blocks: { slack: { username: "", icon: "", notifyBroadcast: true, deliveryPolicy: "Post", groupingKey: "" } },
    }));
  });

  it("refuses an empty value or a misspelt message, which Go would send as an empty notification (#8)", () => {
    const empty = decodeTemplate("t", "", { blocks: builtinBlocks });
    expect(empty.value).toBeUndefined();
    expect(empty.diagnostics.map((d) => [d.severity, d.key, d.message])).toEqual([
      ["error", "template.t", "the template has no field, so it would send nothing; it is left out"],
    ]);
    const misspelt = decodeTemplate("t", "mesage: hi", { blocks: builtinBlocks });
    expect(misspelt.value).toBeUndefined();
    expect(misspelt.diagnostics.map((d) => [d.severity, d._tag, d.hint])).toEqual([
      ["warning", "UnknownField", 'did you mean "message"?'],
      ["error", "InvalidField", 'write "message" or a service block (awssqs, gcppubsub, slack, …)'],
    ]);
    expect(decodeTemplate("t", "message: ''", { blocks: builtinBlocks }).value?.render({}, { now: 0 })).toEqual(
      E.right({ message: "", blocks: {} }),
    );
  });

  it("compiles the catalogs' templates with no diagnostic", () => {
    const keys = [...Object.entries(argoCd), ...Object.entries(rollouts)].filter(([k]) => k.startsWith("template."));
    expect(keys.length).toBe(17);
    for (const [key, source] of keys) {
      expect([key, decodeTemplate(key.slice("template.".length), source, { blocks: builtinBlocks }).diagnostics])
        .toEqual([key, []]);
    }
  });

  const problems = [
    {
      name: "a Go syntax error in a literal block, at its line and column in the value",
      source:
        "message: |\n  Application {{.app.metadata.name}} is\n  {{if .app.status}}synced{{end}} at {{.app.status.operationState.finishedAt | nope}}.\n",
      expected: ['template.t: line 3, column 80: message: function "nope" not defined'],
    },
    {
      name: "an error in the Argo CD catalog's Slack attachments (a `|` block), at its line",
      source: edit(
        argoCd["template.app-sync-failed"],
        '"value": "{{$c.message}}"',
        '"value": "{{$c.message | quote | nope}}"',
      ),
      expected: ['template.t: line 27, column 42: slack.attachments: function "nope" not defined'],
    },
    {
      name: "an unclosed action in the Argo Rollouts catalog's attachments (a block indented further than usual)",
      source: edit(rollouts["template.rollout-aborted"], '"value": "{{$c.image}}"', '"value": "{{$c.image}"'),
      expected: ["template.t: line 20, column 27: slack.attachments: bad character U+007D '}'"],
    },
    {
      name: "an unclosed action in the Argo CD catalog's one-line e-mail subject (a plain scalar)",
      source: edit(
        argoCd["template.app-deployed"],
        "subject: New version of an application {{.app.metadata.name}}",
        "subject: New version of an application {{.app.metadata.name",
      ),
      expected: ['template.t: line 2, column 63: email.subject: function "is" not defined'],
    },
    {
      name: "an error in a double-quoted scalar, escapes counted",
      source: 'email:\n  subject: "Application \\"{{.app.metadata.name}}\\"\\t{{end}}"\n',
      expected: ["template.t: line 2, column 58: email.subject: unexpected {{end}}"],
    },
    {
      name: "an error in a single-quoted scalar, doubled quotes counted",
      source:
        "webhook:\n  github:\n    method: POST\n    body: '{\"state\": ''{{.app.status.sync.status}}'', {{else}}'\n",
      expected: ["template.t: line 4, column 61: webhook.github.body: unexpected {{else}}"],
    },
    {
      name: "an error in a stripped literal block (`|-`)",
      source: "teams:\n  title: |-\n    Application\n      {{.app.metadata.name | nope}}\n",
      expected: ['template.t: line 4, column 30: teams.title: function "nope" not defined'],
    },
    {
      name: "an error in a folded block, at the start of the value",
      source: "message: >\n  Application\n  {{.app.metadata.name | nope}}\n",
      expected: ['template.t: line 1, column 10: message: function "nope" not defined'],
    },
    {
      name: "an error in a plain scalar over several lines, at the start of the value",
      source: "message: Application\n  {{.app.metadata.name | nope}}\n",
      expected: ['template.t: line 1, column 10: message: function "nope" not defined'],
    },
    {
      name: "an error in a field written in another case (Go reads it)",
      source: "Email:\n  Subject: x {{.a\n",
      expected: ["template.t: line 2, column 18: email.subject: unclosed action"],
    },
    {
      name: "an error in a list item and in a map entry",
      source: "opsgenie:\n  tags:\n    - ok\n    - '{{.a'\n  details:\n    app: '{{ .b }'\n",
      expected: [
        'template.t: line 6, column 17: opsgenie.details.app: unexpected "}" in operand',
        "template.t: line 4, column 12: opsgenie.tags[1]: unclosed action",
      ],
    },
    {
      name: "a Liquid syntax error, at its line in the block",
      source: "language: liquid\nslack:\n  attachments: |\n    [\n    {% if app.status %}\n    ]\n",
      expected: ["template.t: line 5, column 5: slack.attachments: tag {% if app.status %} not closed"],
    },
    {
      name: "every broken field, in the order of the document's fields",
      source: "slack:\n  attachments: '{{.a'\nmessage: |\n  ok\n  {{end}}\n",
      expected: [
        "template.t: line 5, column 8: message: unexpected {{end}}",
        "template.t: line 2, column 21: slack.attachments: unclosed action",
      ],
    },
    {
      name: "invalid YAML",
      source: "message: a\n  b: c\n",
      expected: [
        "template.t: line 1, column 10: the value is not valid YAML: a map key must be on one line",
      ],
    },
  ] as const;
  for (const c of problems) {
    it(`reports ${c.name} and leaves the template out`, () => {
      const r = decodeTemplate("t", c.source, { blocks: builtinBlocks, languages: { liquid } });
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
      expect(r.value).toBeUndefined();
    });
  }

  const warnings = [
    {
      name: "an unknown field, with a suggestion",
      source: "message: m\nslak:\n  attachments: '[]'\n",
      expected: ['template.t: "slak" is not a field of the template; it is ignored; did you mean "slack"?'],
    },
    {
      name: "an unknown YAML tag",
      source: "message: !go Hello {{.app.metadata.name}}\n",
      expected: ['template.t: line 1, column 10: the tag "!go" is unknown, so the value is read without it'],
    },
  ] as const;
  for (const c of warnings) {
    it(`warns about ${c.name} and keeps the template`, () => {
      const r = decodeTemplate("t", c.source, { blocks: builtinBlocks });
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
      expect(r.value).toBeDefined();
    });
  }

  it("reports a field's error as a plain diagnostic, without the compiler's field location", () => {
    const [d] = decodeTemplate("t", "message: '{{.a'\n", { blocks: builtinBlocks }).diagnostics;
    expect(d).toEqual({
      _tag: "TemplateParse",
      severity: "error",
      key: "template.t",
      line: 1,
      column: 15,
      message: "message: unclosed action",
    });
  });
});
