import { describe, expect, it } from "vitest";
import { compileDocument } from "../../../lib/templates/compile-document.ts";
import { withLanguages } from "../../../lib/templates/compilers.ts";
import { liquid } from "../../../lib/liquid/mod.ts";
import { renderFields, renderPlan } from "../../../lib/templates/render-plan.ts";
import type { RenderOptions } from "../../../lib/templates/rendered-content.ts";
import { builtinBlocks } from "../../../providers/mod.ts";
import { resolveLimits } from "../../../lib/limits.ts";

const now = Date.parse("2024-01-02T03:04:05Z");
const vars = {
  app: { metadata: { name: "guestbook" }, spec: { source: { repoURL: "git@github.com:org/repo.git" } }, empty: "" },
  serviceType: "slack",
};

function render(document: Record<string, unknown>, options: Partial<RenderOptions> = {}) {
  const { plan, diagnostics } = compileDocument("tpl", { language: "liquid", ...document }, {
    compilers: withLanguages({ liquid }),
    blocks: builtinBlocks,
  });
  if (plan === undefined) throw new Error(JSON.stringify(diagnostics));
  return renderPlan(plan, vars, { now, ...options });
}

describe("renderPlan()", () => {
  const cases = [
    {
      name: "renders the message and leaves out absent blocks",
      document: { message: "Hi {{ app.metadata.name }}" },
      expected: { message: "Hi guestbook", blocks: {} },
    },
    {
      name: "parses Slack attachments and blocks, with Go's defaults for the other fields",
      document: { slack: { attachments: '[{"title": "{{ app.metadata.name }}"}]', blocks: "[]" } },
      expected: {
        message: "",
        blocks: {
          slack: {
            username: "",
            icon: "",
            attachments: [{ title: "guestbook" }],
            blocks: [],
            groupingKey: "",
            notifyBroadcast: false,
            deliveryPolicy: "Post",
          },
        },
      },
    },
    {
      name: "leaves a JSON field out when it renders empty",
      document: {
        slack: {
          attachments: "{% if app.nope %}[]{% endif %}",
          notifyBroadcast: true,
          deliveryPolicy: "PostAndUpdate",
        },
      },
      expected: {
        message: "",
        blocks: {
          slack: { username: "", icon: "", groupingKey: "", notifyBroadcast: true, deliveryPolicy: "PostAndUpdate" },
        },
      },
    },
    {
      name: "leaves out e-mail and Teams fields that render empty",
      document: {
        email: { subject: "{{ app.empty }}", body: "b" },
        teams: { title: "t", text: "", facts: '[{"name": "a", "value": "b"}]' },
      },
      expected: {
        message: "",
        blocks: { email: { body: "b" }, teams: { title: "t", facts: [{ name: "a", value: "b" }] } },
      },
    },
    {
      name: "renders each webhook entry, method as written",
      document: {
        webhook: { github: { method: "POST", path: "/repos/{{ app.metadata.name }}", body: '{"a": 1}' }, other: {} },
      },
      expected: {
        message: "",
        blocks: {
          webhook: {
            github: { method: "POST", body: '{"a": 1}', path: "/repos/guestbook" },
            other: { method: "", body: "", path: "" },
          },
        },
      },
    },
    {
      name: "renders GitHub with its default repo URL, deployment defaults and the comment tag",
      document: {
        github: {
          revisionPath: "abc",
          deployment: { state: "success", requiredContexts: [] },
          pullRequestComment: {
            content: "Deployed {{ app.metadata.name }}",
            commentTag: "continuous-delivery/{{.app.metadata.name}}",
          },
          repositoryDispatch: { event_type: "deployed", client_payload: '{"app": "{{ app.metadata.name }}"}' },
        },
      },
      expected: {
        message: "",
        blocks: {
          github: {
            repoURL: "git@github.com:org/repo.git",
            revision: "abc",
            deployment: {
              state: "success",
              environment: "",
              environmentURL: "",
              logURL: "",
              autoMerge: true,
              transientEnvironment: false,
              reference: "",
              requiredContexts: [],
            },
            pullRequestComment: {
              commentTag: "continuous-delivery/{{.app.metadata.name}}",
              content: "Deployed guestbook\n<!-- argocd-notifications continuous-delivery/{{.app.metadata.name}} -->",
            },
            repositoryDispatch: { event_type: "deployed", client_payload: { app: "guestbook" } },
          },
        },
      },
    },
    {
      name: "renders Alertmanager like Go: alertname, raw text for empty values, https generator URL, startsAt",
      document: {
        alertmanager: {
          labels: { env: "prod", app: "{{ app.empty }}" },
          annotations: { summary: "{{ app.metadata.name }} is down" },
        },
      },
      expected: {
        message: "",
        blocks: {
          alertmanager: {
            generatorURL: "https://github.com/org/repo.git",
            labels: { env: "prod", app: "{{ app.empty }}", alertname: "tpl" },
            annotations: { summary: "guestbook is down" },
            startsAt: "2024-01-02T03:04:05.000Z",
          },
        },
      },
    },
    {
      name: "renders Opsgenie lists and maps item by item",
      document: {
        opsgenie: {
          description: "d",
          priority: "P1",
          details: { app: "{{ app.metadata.name }}" },
          tags: ["a", "{{ serviceType }}"],
          visibleTo: [{ type: "team", name: "ops" }],
        },
      },
      expected: {
        message: "",
        blocks: {
          opsgenie: {
            description: "d",
            alias: "",
            note: "",
            entity: "",
            user: "",
            priority: "P1",
            details: { app: "guestbook" },
            visibleTo: [{ id: "", type: "team", name: "ops", username: "" }],
            tags: ["a", "slack"],
          },
        },
      },
    },
    {
      name: "parses Google Chat cards as YAML",
      document: { googlechat: { cardsV2: "- header:\n    title: {{ app.metadata.name }}\n" } },
      expected: { message: "", blocks: { googlechat: { cardsV2: [{ header: { title: "guestbook" } }] } } },
    },
    {
      name: "keeps awssqs attributes that do not parse, as Go does",
      document: { awssqs: { messageAttributes: { a: "{% if", b: "{{ serviceType }}" }, messageGroupId: "g" } },
      expected: {
        message: "",
        blocks: { awssqs: { messageAttributes: { a: "{% if", b: "slack" }, messageGroupId: "g" } },
      },
    },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      expect(render(c.document)).toEqual({ _tag: "Right", right: c.expected });
    });
  }

  const failures = [
    {
      name: "fails when a JSON field does not parse, naming the field",
      document: { slack: { attachments: '[{"title": "{{ app.metadata.name }}"' } },
      message: /^slack\.attachments: the rendered text is not valid JSON: /,
    },
    {
      name: "fails when a JSON list field renders an object",
      document: { teams: { facts: '{"name": "a"}' } },
      message: /^teams\.facts: the rendered text must be a JSON list, not an object$/,
    },
    {
      name: "fails when a template fails, naming the field and position",
      document: { email: { subject: "{% include 'partial' %}" } },
      message: /^email\.subject: line 1, column 1: /,
    },
  ] as const;
  for (const c of failures) {
    it(c.name, () => {
      const r = render(c.document);
      expect(r).toMatchObject({ _tag: "Left", left: { _tag: "TemplateRender", key: "template.tpl" } });
      if (r._tag === "Left") expect(r.left.message).toMatch(c.message);
    });
  }

  const broken = { message: "m", slack: { attachments: "[{" }, email: { subject: "s" } };
  const perService = [
    { name: "a Slack destination", service: "slack", ok: false },
    { name: "an e-mail destination", service: "email", ok: true },
  ] as const;
  for (const c of perService) {
    it(`judges broken Slack JSON for ${c.name} as the Go send would`, () => {
      const r = render(broken, { service: c.service });
      expect(r._tag).toBe(c.ok ? "Right" : "Left");
      if (r._tag === "Right") expect(r.right.blocks["slack"]?.["attachments"]).toBe("[{");
    });
  }
});

describe("renderFields()", () => {
  it("returns every field's text before parsing", () => {
    const { plan } = compileDocument("tpl", { language: "liquid", message: "m", slack: { attachments: "[{{ 1 }}]" } }, {
      compilers: withLanguages({ liquid }),
      blocks: builtinBlocks,
    });
    if (plan === undefined) throw new Error("does not compile");
    expect(renderFields(plan, vars, { now })).toEqual({
      _tag: "Right",
      right: [{ field: "message", text: "m" }, { field: "slack.attachments", text: "[1]" }],
    });
  });
});

describe("renderPlan(): Go templates that change their data", () => {
  const document = {
    email: { subject: '{{$_ := set .app.metadata "name" "changed"}}{{.app.metadata.name}}' },
    message: "{{.app.metadata.name}}",
    teams: { title: "{{.app.metadata.name}}" },
  };
  it("never changes the caller's (frozen) objects; later fields see the change, as in the Go engine", () => {
    const { plan, diagnostics } = compileDocument("tpl", document, {
      compilers: withLanguages({ liquid }),
      blocks: builtinBlocks,
    });
    if (plan === undefined) throw new Error(JSON.stringify(diagnostics));
    const input = Object.freeze({ app: Object.freeze({ metadata: Object.freeze({ name: "gb" }) }) });
    const expected = {
      _tag: "Right",
      // The message renders first (Go's order), email and teams after the change.
      right: { message: "gb", blocks: { email: { subject: "changed" }, teams: { title: "changed" } } },
    };
    expect(renderPlan(plan, input, { now })).toEqual(expected);
    expect(renderPlan(plan, input, { now })).toEqual(expected);
    expect(input.app.metadata.name).toBe("gb");
    expect(renderFields(plan, input, { now })).toMatchObject({ _tag: "Right" });
    expect(input.app.metadata.name).toBe("gb");
  });
});

describe("renderPlan(): limits (#7)", () => {
  const limits = resolveLimits({ maxListLength: 10, maxValueDepth: 20, maxOutputLength: 50 });
  const deep = JSON.parse("[".repeat(30) + "]".repeat(30)) as unknown;
  const cases = [
    {
      name: "a Go field that passes a limit",
      document: { message: "ok", email: { subject: "{{until 11}}" } },
      message:
        /^email\.subject: line 1, column 3: executing "tpl" at <until 11>: limit exceeded: maxListLength \(10\): until would build a list of 11 elements$/,
    },
    {
      name: "a Liquid field that passes a limit",
      document: { language: "liquid", message: "{% for i in (1..100) %}{{ i }}{% endfor %}" },
      message:
        /^message: line 1, column 1: limit exceeded: maxOutputLength \(50\): the output would be longer than 50 characters$/,
    },
    {
      name: "data too deep to copy for a Go field that changes it",
      document: { message: '{{$_ := set .app "x" 1}}' },
      message:
        /^copying the data for the template: limit exceeded: maxValueDepth \(20\): the data nests more than 20 levels deep$/,
    },
  ] as const;
  for (const c of cases) {
    it(`keeps the LimitExceeded tag of ${c.name}`, () => {
      const { plan, diagnostics } = compileDocument("tpl", c.document, {
        compilers: withLanguages({ liquid }),
        blocks: builtinBlocks,
      });
      if (plan === undefined) throw new Error(JSON.stringify(diagnostics));
      for (
        const r of [
          renderPlan(plan, { app: { deep } }, { now, limits }),
          renderFields(plan, { app: { deep } }, { now, limits }),
        ]
      ) {
        expect(r).toMatchObject({ _tag: "Left", left: { _tag: "LimitExceeded", key: "template.tpl" } });
        if (r._tag === "Left") expect(r.left.message).toMatch(c.message);
      }
    });
  }
  // Google Chat cards are YAML a template writes, maybe from the resource's values: read within the YAML limits.
  const yaml = [
    {
      name: "nested deeper than maxYamlDepth",
      cards: '{{ repeat 101 "[" }}{{ repeat 101 "]" }}',
      message:
        "googlechat.cards: limit exceeded: maxYamlDepth (100): lists and maps nest deeper than that at line 1, column 101",
    },
    {
      name: "aliases past maxYamlAliases",
      cards: '- &a [x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n- [{{ repeat 10 "*b, " }}*b]\n',
      message: "googlechat.cards: limit exceeded: maxYamlAliases (100): the value uses 131 aliases, counting each copy",
    },
  ] as const;
  for (const c of yaml) {
    it(`refuses Google Chat cards ${c.name} with LimitExceeded`, () => {
      const { plan, diagnostics } = compileDocument("tpl", { googlechat: { cards: c.cards } }, {
        compilers: withLanguages({ liquid }),
        blocks: builtinBlocks,
      });
      if (plan === undefined) throw new Error(JSON.stringify(diagnostics));
      const r = renderPlan(plan, vars, { now });
      expect(r).toEqual({
        _tag: "Left",
        left: { _tag: "LimitExceeded", severity: "error", key: "template.tpl", message: c.message },
      });
    });
  }
});
