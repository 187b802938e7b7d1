/**
 * `npx tsx bench/templates.ts`: renders per second of the Argo CD catalog's `app-sync-succeeded` template (message,
 * email, slack and teams blocks, JSON fields parsed) in the Go dialect and in its Liquid twin, next to a hand-written
 * JavaScript template literal that produces the same content, all measured in one run.
 */
import { type CompiledTemplate, compileTemplate, type RenderedContent } from "../lib/templates/mod.ts";
import argoCd from "../tests/conformance/templates/catalog-argo-cd.json" with { type: "json" };
import twins from "../tests/conformance/templates/catalog-liquid-twins.json" with { type: "json" };
import { measure, rate } from "./_measure.ts";
import { builtinBlocks } from "../providers/mod.ts";

const now = Date.parse(argoCd.now);
const scenario = argoCd.scenarios.find((s) => s.id === "platform-failed-multi-source/slack");
if (scenario === undefined) throw new Error("scenario not found");
const vars = scenario.vars as Record<string, unknown>;

function compile(document: unknown): CompiledTemplate {
  const t = compileTemplate("app-sync-succeeded", document, { blocks: builtinBlocks });
  if (t._tag === "Left") throw new Error(JSON.stringify(t.left));
  return t.right;
}

interface App {
  metadata: { name: string };
  spec: { source?: { repoURL: string }; sources?: { repoURL: string }[] };
  status: {
    sync: { status: string };
    operationState: { finishedAt: string };
    conditions?: { type: string; message: string }[];
  };
}

/** The catalog template, by hand: the same text for every field, then the same JSON parsing. */
function handWritten(v: Record<string, unknown>): RenderedContent {
  const app = v["app"] as App;
  const url = (v["context"] as { argocdUrl: string }).argocdUrl;
  const name = app.metadata.name;
  const source = app.spec.source;
  const sources = app.spec.sources ?? [];
  const conditions = app.status.conditions ?? [];
  const repoTitle = source !== undefined ? ` "Repository"` : app.spec.sources !== undefined ? ` "Repositories"` : "";
  const repos = (arrow: string): string =>
    source !== undefined
      ? ` "${arrow} ${source.repoURL}"`
      : app.spec.sources !== undefined
      ? ` "${sources.map((s, i) => `${i > 0 ? "\\n" : ""}${arrow} ${s.repoURL}`).join("")}"`
      : "";
  const slackConditions = conditions.map((c) => `
  ,
  {
    "title": "${c.type}",
    "value": "${c.message}",
    "short": true
  }
  `).join("");
  const attachments = `[{
  "title": "${name}",
  "title_link":"${url}/applications/${name}",
  "color": "#18be52",
  "fields": [
  {
    "title": "Sync Status",
    "value": "${app.status.sync.status}",
    "short": true
  },
  {
    "title":${repoTitle},
    "value":${repos(":arrow_heading_up:")},
    "short": true
  }
  ${slackConditions}
  ]
}]
`;
  const teamsConditions = conditions.map((c) => `
  ,
  {
    "name": "${c.type}",
    "value": "${c.message}"
  }
`).join("");
  const facts = `[{
  "name": "Sync Status",
  "value": "${app.status.sync.status}"
},
{
  "name": "Synced at",
  "value": "${app.status.operationState.finishedAt}"
},
{
  "name":${repoTitle},
  "value":${repos("⬆️")}
}
${teamsConditions}
]
`;
  const potentialAction = `[{
  "@type":"OpenUri",
  "name":"Operation Details",
  "targets":[{
    "os":"default",
    "uri":"${url}/applications/${name}?operation=true"
  }]
},
{
  "@type":"OpenUri",
  "name":"Open Repository",
  "targets":[{
    "os":"default",
    "uri":${repos("⬆️")}
  }]
}]
`;
  const slackMark = v["serviceType"] === "slack" ? ":white_check_mark:" : "";
  return {
    message: `${slackMark} Application ${name} has been successfully synced at ${app.status.operationState.finishedAt}.
Sync operation details are available at: ${url}/applications/${name}?operation=true .
`,
    blocks: {
      slack: {
        username: "",
        icon: "",
        groupingKey: "",
        notifyBroadcast: false,
        deliveryPolicy: "Post",
        attachments: JSON.parse(attachments),
      },
      email: { subject: `Application ${name} has been successfully synced.` },
      teams: {
        title: `Application ${name} has been successfully synced`,
        themeColor: "#000080",
        facts: JSON.parse(facts),
        potentialAction: JSON.parse(potentialAction),
      },
    },
  };
}

const go = compile((argoCd.templates as Record<string, unknown>)["app-sync-succeeded"]);
const liquid = compile((twins.templates as Record<string, unknown>)["app-sync-succeeded"]);

const reference = JSON.stringify(go.render(vars, { now }));
for (
  const [label, got] of [["liquid", liquid.render(vars, { now })], ["js", {
    _tag: "Right",
    right: handWritten(vars),
  }]] as const
) {
  if (JSON.stringify(got) !== reference) {
    throw new Error(`${label} renders differently from Go:\n${JSON.stringify(got)}\n${reference}`);
  }
}

/** Best of several interleaved rounds, so that load from other processes hits every contestant alike. */
const contestants = [
  { name: "Go text/template (catalog)", fn: () => go.render(vars, { now }) },
  { name: "Liquid twin", fn: () => liquid.render(vars, { now }) },
  { name: "JS template literal", fn: () => handWritten(vars) },
];
const rounds = 5;
const rows = contestants.map((c) => ({ name: c.name, ops: 0 }));
for (let round = 0; round < rounds; round++) {
  contestants.forEach((c, i) => {
    const row = rows[i];
    if (row !== undefined) row.ops = Math.max(row.ops, measure(c.fn, 200));
  });
}
const js = rows[2]?.ops ?? 1;
console.log(
  `app-sync-succeeded (message + email + slack + teams, JSON fields parsed), ${scenario.id}, best of ${rounds}:`,
);
for (const r of rows) {
  console.log(`  ${r.name.padEnd(28)} ${rate(r.ops).padStart(10)}   ${(js / r.ops).toFixed(1)}x the JS literal's time`);
}
const goOps = rows[0]?.ops ?? 1;
const liquidOps = rows[1]?.ops ?? 1;
console.log(`  Liquid / Go: ${(liquidOps / goOps).toFixed(2)} (above 1: Liquid is faster)`);
