/**
 * Writes scripts/oracle/delivery/cases.json, the input of the delivery differential: for each service, settings
 * (`{{SERVER}}` is the loopback receiver), a template (from the catalogs where one fits), variables, a recipient,
 * how often to send, and how the receiver answers. `scripts/oracle/delivery/generate.sh` runs the Go engine on them.
 *
 *   npx tsx scripts/oracle/delivery-cases.ts && scripts/oracle/delivery/generate.sh
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { application } from "../../tests/_helpers/argocd.ts";

interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface Case {
  readonly name: string;
  readonly type: string;
  readonly service: string;
  readonly settings: string;
  readonly template: string;
  readonly vars: Record<string, unknown>;
  readonly recipient: string;
  readonly sends?: number;
  readonly replies?: readonly Reply[];
  readonly replyAlways?: Reply;
  readonly tsSettings?: string;
  readonly deviations?: readonly string[];
}

const catalog = parse(readFileSync(new URL("../../tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml", import.meta.url), "utf8"))
  .data as Record<string, string>;
const argo = { app: application({}), context: { argocdUrl: "https://argocd.example.com" } };
const slackOk = (ts: string): Reply => ({ body: JSON.stringify({ ok: true, channel: "C024BE91L", ts }) });

const cases: Case[] = [
  // --- webhook
  {
    name: "webhook: a GitHub commit status (the Argo CD docs' example)",
    type: "webhook",
    service: "github",
    settings: "url: {{SERVER}}/api/v3\nheaders:\n- name: Authorization\n  value: token ghp_secret\n- name: Content-Type\n  value: application/json\n",
    template: [
      "webhook:",
      "  github:",
      "    method: POST",
      "    path: /repos/argoproj/argocd-example-apps/statuses/{{.app.status.operationState.syncResult.revision}}",
      "    body: |",
      "      {",
      '        "state": "success",',
      '        "description": "ArgoCD",',
      '        "target_url": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",',
      '        "context": "continuous-delivery/{{.app.metadata.name}}"',
      "      }",
      "",
    ].join("\n"),
    vars: argo,
    recipient: "",
    replies: [{ status: 201, body: "{}" }],
  },
  {
    name: "webhook: no entry for the service sends a GET with the message as its body",
    type: "webhook",
    service: "plain",
    settings: "url: {{SERVER}}/hook\n",
    template: "message: Application {{.app.metadata.name}} is {{.app.status.health.status}}\nwebhook:\n  other:\n    method: POST\n    body: x\n",
    vars: argo,
    recipient: "ignored",
  },
  {
    name: "webhook: basic auth over a configured Authorization header, PUT, slashes joined",
    type: "webhook",
    service: "hook",
    settings: "url: {{SERVER}}/base//\nheaders:\n- name: Authorization\n  value: Bearer old\n- name: x-custom\n  value: one\n- name: X-Custom\n  value: two\nbasicAuth:\n  username: user\n  password: p@ss:word\n",
    template: "webhook:\n  hook:\n    method: PUT\n    path: //items/{{.app.metadata.name}}/\n    body: '{\"name\": \"{{.app.metadata.name}}\"}'\n",
    vars: argo,
    recipient: "",
  },
  {
    name: "webhook: a query in the url ends up before the path (Go's string join)",
    type: "webhook",
    service: "q",
    settings: "url: '{{SERVER}}/hook?token=abc'\n",
    template: "webhook:\n  q:\n    method: POST\n    path: /sub\n    body: hi\n",
    vars: {},
    recipient: "",
  },
  {
    name: "webhook: a 400 is an error, not retried",
    type: "webhook",
    service: "bad",
    settings: "url: {{SERVER}}\n",
    template: "webhook:\n  bad:\n    method: POST\n    body: '{}'\n",
    vars: {},
    recipient: "",
    replies: [{ status: 400, body: "bad request" }],
  },
  // --- slack
  {
    name: "slack: the Argo CD catalog's app-sync-succeeded",
    type: "slack",
    service: "slack",
    settings: "token: xoxb-123-secret\napiURL: {{SERVER}}/api/\nusername: Argo CD\nicon: ':rocket:'\n",
    template: catalog["template.app-sync-succeeded"] ?? "",
    vars: argo,
    recipient: "deployments",
    replies: [slackOk("1700000000.000100")],
    deviations: ["slack-typed-json"],
  },
  {
    name: "slack: blocks, an icon URL, unfurling off, a named instance",
    type: "slack",
    service: "ops-slack",
    settings: "token: xoxb-123-secret\napiURL: {{SERVER}}/\nicon: https://example.com/argo.png\ndisableUnfurl: true\n",
    template: [
      "message: '{{.app.metadata.name}} synced'",
      "slack:",
      "  blocks: |",
      '    [{"type": "section", "text": {"type": "mrkdwn", "text": "*{{.app.metadata.name}}* is <{{.context.argocdUrl}}|synced> & healthy"}}]',
      "",
    ].join("\n"),
    vars: argo,
    recipient: "C0OPS",
    replies: [slackOk("1700000000.000200")],
    deviations: ["slack-typed-json"],
  },
  {
    name: "slack: a thread under PostAndUpdate, broadcast, sent twice",
    type: "slack",
    service: "slack",
    settings: "token: xoxb-123-secret\napiURL: {{SERVER}}/api/\n",
    template: "message: '{{.app.metadata.name}} {{.app.status.sync.status}}'\nslack:\n  groupingKey: '{{.app.metadata.name}}'\n  deliveryPolicy: PostAndUpdate\n  notifyBroadcast: true\n",
    vars: argo,
    recipient: "thread-post-and-update",
    sends: 2,
    replyAlways: slackOk("1700000000.000300"),
  },
  {
    name: "slack: a thread under Update, sent twice",
    type: "slack",
    service: "slack",
    settings: "token: xoxb-123-secret\napiURL: {{SERVER}}/api/\n",
    template: "message: '{{.app.metadata.name}} {{.app.status.health.status}}'\nslack:\n  groupingKey: deploy\n  deliveryPolicy: Update\n",
    vars: argo,
    recipient: "thread-update",
    sends: 2,
    replyAlways: slackOk("1700000000.000400"),
  },
  {
    name: "slack: ok false with an error is a failure",
    type: "slack",
    service: "slack",
    settings: "token: xoxb-123-secret\napiURL: {{SERVER}}/api/\n",
    template: "message: hello\n",
    vars: {},
    recipient: "nowhere",
    replies: [{ body: '{"ok":false,"error":"channel_not_found"}' }],
  },
];

writeFileSync(new URL("./delivery/cases.json", import.meta.url), JSON.stringify(cases, null, 2) + "\n");
console.log(`wrote ${cases.length} cases`);
