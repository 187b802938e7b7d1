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
import type { Case, Reply } from "./_delivery-case.ts";
import { githubCases } from "./_delivery-cases-github.ts";
import { incidentCases } from "./_delivery-cases-incidents.ts";
import { sqsAndEmailCases } from "./_delivery-cases-sqs-email.ts";

const catalog = parse(
  readFileSync(
    new URL("../../tests/fixtures/conformance/argo-cd/argocd-notifications-cm.yaml", import.meta.url),
    "utf8",
  ),
)
  .data as Record<string, string>;
const argo = { app: application({}), context: { argocdUrl: "https://argocd.example.com" } };
const slackOk = (ts: string): Reply => ({ body: JSON.stringify({ ok: true, channel: "C024BE91L", ts }) });

const cases: Case[] = [
  // --- webhook
  {
    name: "webhook: a GitHub commit status (the Argo CD docs' example)",
    type: "webhook",
    service: "github",
    settings:
      "url: {{SERVER}}/api/v3\nheaders:\n- name: Authorization\n  value: token ghp_secret\n- name: Content-Type\n  value: application/json\n",
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
    template:
      "message: Application {{.app.metadata.name}} is {{.app.status.health.status}}\nwebhook:\n  other:\n    method: POST\n    body: x\n",
    vars: argo,
    recipient: "ignored",
  },
  {
    name: "webhook: basic auth over a configured Authorization header, PUT, slashes joined",
    type: "webhook",
    service: "hook",
    settings:
      "url: {{SERVER}}/base//\nheaders:\n- name: Authorization\n  value: Bearer old\n- name: x-custom\n  value: one\n- name: X-Custom\n  value: two\nbasicAuth:\n  username: user\n  password: p@ss:word\n",
    template:
      'webhook:\n  hook:\n    method: PUT\n    path: //items/{{.app.metadata.name}}/\n    body: \'{"name": "{{.app.metadata.name}}"}\'\n',
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
  {
    name: "webhook: a 503 is sent again, the same request",
    type: "webhook",
    service: "flaky",
    settings: "url: {{SERVER}}/hook\nretryWaitMin: 10000000\nretryWaitMax: 20000000\n",
    template: "webhook:\n  flaky:\n    method: POST\n    body: '{\"n\": 1}'\n",
    vars: {},
    recipient: "",
    replies: [{ status: 503, body: "busy" }, { status: 200 }],
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
    template:
      "message: '{{.app.metadata.name}} {{.app.status.sync.status}}'\nslack:\n  groupingKey: '{{.app.metadata.name}}'\n  deliveryPolicy: PostAndUpdate\n  notifyBroadcast: true\n",
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
    template:
      "message: '{{.app.metadata.name}} {{.app.status.health.status}}'\nslack:\n  groupingKey: deploy\n  deliveryPolicy: Update\n",
    vars: argo,
    recipient: "thread-update",
    sends: 2,
    replyAlways: slackOk("1700000000.000400"),
  },
  {
    name: "slack: a 429 waits its Retry-After and posts once more",
    type: "slack",
    service: "slack",
    settings: "token: xoxb-123-secret\napiURL: {{SERVER}}/api/\n",
    template: "message: hello\n",
    vars: {},
    recipient: "rate-limited",
    replies: [{ status: 429, headers: { "Retry-After": "1" } }, slackOk("1700000000.000500")],
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
  // --- mattermost
  {
    name: "mattermost: attachments (the docs' example), a Go map with sorted keys",
    type: "mattermost",
    service: "mattermost",
    settings: "apiURL: {{SERVER}}\ntoken: mm-token-secret\n",
    template: [
      "message: Application {{.app.metadata.name}} <synced> & healthy",
      "mattermost:",
      "  attachments: |",
      '    [{"title": "{{.app.metadata.name}}", "title_link": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",',
      '      "color": "#18be52", "fields": [{"title": "Sync Status", "value": "{{.app.status.sync.status}}", "short": true},',
      '      {"title": "Repository", "value": "{{.app.spec.source.repoURL}}", "short": true}]}]',
      "",
    ].join("\n"),
    vars: argo,
    recipient: "channel-id-1",
    replies: [{ status: 201, body: '{"id":"post-1"}' }],
  },
  {
    name: "mattermost: no block sends an empty attachments list; a 403 is an error",
    type: "mattermost",
    service: "mattermost",
    settings: "apiURL: {{SERVER}}\ntoken: mm-token-secret\n",
    template: "message: hello\n",
    vars: {},
    recipient: "channel-id-2",
    replies: [{ status: 403, body: '{"message":"forbidden"}' }],
  },
  // --- rocketchat
  {
    name: "rocketchat: login, then a post to a channel with alias, emoji, avatar and attachments",
    type: "rocketchat",
    service: "rocketchat",
    settings:
      "serverUrl: {{SERVER}}/chat\nemail: bot@example.com\npassword: rc-password-secret\nalias: Argo CD\nicon: ':rocket:'\navatar: https://example.com/argo.png\n",
    template: [
      "message: Application {{.app.metadata.name}} is {{.app.status.health.status}}",
      "rocketchat:",
      "  attachments: |",
      '    [{"title": "{{.app.metadata.name}}", "color": "#18be52", "fields": [{"title": "Sync", "value": "{{.app.status.sync.status}}", "short": true}]}]',
      "",
    ].join("\n"),
    vars: argo,
    recipient: "#deployments",
    replies: [
      { body: '{"status":"success","data":{"authToken":"rc-auth-token-secret","userId":"user-1"}}' },
      { body: '{"success":true,"message":{"_id":"msg-1"}}' },
    ],
    deviations: ["rocketchat-typed-attachments"],
  },
  {
    name: "rocketchat: a room id without attachments; a failed login stops there",
    type: "rocketchat",
    service: "rocketchat",
    settings: "serverUrl: {{SERVER}}\nemail: bot@example.com\npassword: wrong-password\n",
    template: "message: hello\n",
    vars: {},
    recipient: "ROOM1",
    replies: [{ status: 401, body: '{"status":"error","message":"Unauthorized"}' }],
  },
  // --- teams
  {
    name: "teams: the Argo CD catalog's app-deployed (facts, actions, title, color)",
    type: "teams",
    service: "teams",
    settings: "recipientUrls:\n  ops: {{SERVER}}/webhookb2/secret-path\n",
    template: catalog["template.app-deployed"] ?? "",
    vars: argo,
    recipient: "ops",
    replies: [{ body: "1" }],
  },
  {
    name: "teams: a raw template body; a body other than 1 is an error",
    type: "teams",
    service: "teams",
    settings: "recipientUrls:\n  ops: {{SERVER}}/hook\n",
    template: 'teams:\n  template: \'{"text": "{{.app.metadata.name}}"}\'\n',
    vars: argo,
    recipient: "ops",
    replies: [{ body: "Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 400" }],
  },
  // --- teams-workflows
  {
    name: "teams-workflows: the catalog's app-deployed as an Adaptive Card",
    type: "teams-workflows",
    service: "teams-workflows",
    settings: "recipientUrls:\n  ops: {{SERVER}}/powerautomate/workflows/secret\n",
    template: (catalog["template.app-deployed"] ?? "").replace("\nteams:", "\nteams-workflows:"),
    vars: argo,
    recipient: "ops",
    replies: [{ status: 202 }],
  },
  {
    name: "teams-workflows: a custom adaptiveCard, fact values that are not strings",
    type: "teams-workflows",
    service: "teams-workflows",
    settings: "recipientUrls:\n  ops: {{SERVER}}/powerautomate/x\n",
    template: [
      "message: m",
      "teams-workflows:",
      "  adaptiveCard: |",
      '    {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "version": "1.4",',
      '     "body": [{"type": "TextBlock", "text": "{{.app.metadata.name}} <b>"}]}',
      "",
    ].join("\n"),
    vars: argo,
    recipient: "ops",
  },
  {
    name: "teams-workflows: facts with numbers, null and no name; sections; a 400",
    type: "teams-workflows",
    service: "teams-workflows",
    settings: "recipientUrls:\n  ops: {{SERVER}}/powerautomate/y\n",
    template: [
      "teams-workflows:",
      "  title: Deployed",
      "  themeColor: Good",
      "  text: '{{.app.metadata.name}}'",
      '  facts: \'[{"name": "Count", "value": 42}, {"name": "Big", "value": 1234567}, {"name": "Null", "value": null}, {"value": "x"}, {"name": "Flag", "value": true}]\'',
      '  sections: \'[{"facts": [{"name": "Namespace", "value": "default"}]}, {"text": "ignored"}]\'',
      '  potentialAction: \'[{"@type": "HttpPOST", "name": "no"}, {"@type": "OpenUri", "name": "Open", "targets": [{"uri": "https://example.com"}]}]\'',
      "",
    ].join("\n"),
    vars: argo,
    recipient: "ops",
    replies: [{ status: 400, body: "bad card" }],
  },
  // --- googlechat
  {
    name: "googlechat: a message in a thread",
    type: "googlechat",
    service: "googlechat",
    settings: "webhooks:\n  space: '{{SERVER}}/v1/spaces/AAA/messages?key=chat-key-secret&token=chat-token-secret'\n",
    template:
      "message: Application {{.app.metadata.name}} is {{.app.status.sync.status}}\ngooglechat:\n  threadKey: '{{.app.metadata.name}}'\n",
    vars: argo,
    recipient: "space",
    replies: [{ body: '{"name":"spaces/AAA/messages/BBB"}' }],
  },
  {
    name: "googlechat: cardsV2 in YAML (the docs' example); an error answer",
    type: "googlechat",
    service: "googlechat",
    settings: "webhooks:\n  space: '{{SERVER}}/v1/spaces/AAA/messages?key=k&token=t'\n",
    template: [
      "message: ignored when there are cards",
      "googlechat:",
      "  cardsV2: |",
      "    - header:",
      "        title: Application {{.app.metadata.name}} synced",
      "        subtitle: Argo CD",
      "      sections:",
      "        - collapsible: false",
      "          uncollapsibleWidgetsCount: 1",
      "          widgets:",
      "            - decoratedText:",
      "                topLabel: Repository",
      "                text: '{{.app.spec.source.repoURL}}'",
      "            - buttonList:",
      "                buttons:",
      "                  - text: Open",
      "                    onClick:",
      "                      openLink:",
      "                        url: '{{.context.argocdUrl}}/applications/{{.app.metadata.name}}'",
      "",
    ].join("\n"),
    vars: argo,
    recipient: "space",
    replies: [{ status: 400, body: '{"error":{"code":400,"message":"Invalid card","status":"INVALID_ARGUMENT"}}' }],
    deviations: ["googlechat-typed-cards", "googlechat-card-ids"],
  },
  {
    name: "googlechat: legacy cards",
    type: "googlechat",
    service: "googlechat",
    settings: "webhooks:\n  space: '{{SERVER}}/v1/spaces/AAA/messages'\n",
    template: [
      "googlechat:",
      "  cards: |",
      "    - sections:",
      "      - widgets:",
      "        - textParagraph:",
      "            text: '{{.app.metadata.name}}'",
      "        - keyValue:",
      "            topLabel: Health",
      "            content: '{{.app.status.health.status}}'",
      "",
    ].join("\n"),
    vars: argo,
    recipient: "space",
    replies: [{ body: "{}" }],
    deviations: ["googlechat-typed-cards"],
  },
  // --- telegram
  {
    name: "telegram: a chat id and a thread",
    type: "telegram",
    service: "telegram",
    settings: "token: '123456:telegram-token-secret'\n",
    tsSettings: "apiURL: {{SERVER}}\n",
    template: "message: '*{{.app.metadata.name}}* is {{.app.status.health.status}}'\n",
    vars: argo,
    recipient: "-1001234567890|42",
    replies: [{ body: '{"ok":true,"result":{"id":1,"is_bot":true}}' }, {
      body: '{"ok":true,"result":{"message_id":77}}',
    }],
  },
  {
    name: "telegram: a channel name; ok false is an error",
    type: "telegram",
    service: "telegram",
    settings: "token: '123456:telegram-token-secret'\n",
    tsSettings: "apiURL: {{SERVER}}\n",
    template: "message: hello\n",
    vars: {},
    recipient: "mychannel",
    replies: [{ body: '{"ok":true,"result":{"id":1}}' }, {
      status: 400,
      body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
    }],
  },
  // --- webex
  {
    name: "webex: to a person",
    type: "webex",
    service: "webex",
    settings: "token: webex-token-secret\napiURL: {{SERVER}}/\n",
    template: "message: 'Application **{{.app.metadata.name}}** <synced>'\n",
    vars: argo,
    recipient: "ops@example.com",
  },
  {
    name: "webex: to a room; only 200 is success",
    type: "webex",
    service: "webex",
    settings: "token: webex-token-secret\napiURL: {{SERVER}}\n",
    template: "message: hello\n",
    vars: {},
    recipient: "Y2lzY29zcGFyazovL3VzL1JPT00v",
    replies: [{ status: 204 }],
  },
  // --- pushover
  {
    name: "pushover: a message to a user key",
    type: "pushover",
    service: "pushover",
    settings: "token: azGDORePK8gMaC0QOYAMyEEuzJnyUi\n",
    tsSettings: "apiURL: {{SERVER}}/1\n",
    template: "message: Application {{.app.metadata.name}} is {{.app.status.health.status}}\n",
    vars: argo,
    recipient: "uQiRzpo4DXghDmr9QzzfQu27cmVRsG",
    replies: [{
      body: '{"status":1,"request":"req-1"}',
      headers: { "X-Limit-App-Limit": "10000", "X-Limit-App-Remaining": "9999", "X-Limit-App-Reset": "1700000000" },
    }],
  },
];

cases.push(...incidentCases(argo), ...githubCases(argo), ...sqsAndEmailCases(argo));

writeFileSync(new URL("./delivery/cases.json", import.meta.url), JSON.stringify(cases, null, 2) + "\n");
console.log(`wrote ${cases.length} cases`);
