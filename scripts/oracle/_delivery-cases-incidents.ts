/**
 * Cases of the delivery differential for the incident and observability services: PagerDuty (Events v2 and REST
 * incidents, go-pagerduty sent to the receiver by the oracle), Opsgenie, Grafana, New Relic and Alertmanager.
 * Folder-private: scripts/oracle/delivery-cases.ts writes them with the others.
 * @module
 */
import type { Case } from "./_delivery-case.ts";

/**
 * The cases.
 * @param argo the variables of an Argo CD notification (an application and the context)
 * @returns the cases, in the order they run
 */
export function incidentCases(argo: Record<string, unknown>): Case[] {
  return [
    // --- pagerdutyv2
    {
      name: "pagerdutyv2: the docs' event with a dedup key, routing key by recipient",
      type: "pagerdutyv2",
      service: "pagerdutyv2",
      settings: "serviceKeys:\n  my-service: R0UTINGKEY123\n",
      template: [
        "message: ignored",
        "pagerdutyv2:",
        "  summary: '{{.app.metadata.name}} sync {{.app.status.operationState.phase}}'",
        "  severity: critical",
        "  source: '{{.app.metadata.name}}'",
        "  component: guestbook-ui",
        "  group: platform",
        "  class: deploy",
        "  url: '{{.context.argocdUrl}}/applications/{{.app.metadata.name}}'",
        "  dedupKey: '{{.app.metadata.uid}}'",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "my-service",
      replies: [{ "status": 202, "body": '{"status":"success","message":"Event processed","dedup_key":"6f1a"}' }],
      tsSettings: "apiURL: {{SERVER}}\n",
    },
    {
      name: "pagerdutyv2: no dedup key (ours derives one); a 400 is an error",
      type: "pagerdutyv2",
      service: "pagerdutyv2",
      settings: "serviceKeys:\n  ops: KEY\n",
      template: "message: m\npagerdutyv2:\n  summary: broken <app> & more\n  severity: error\n  source: argocd\n",
      vars: argo,
      recipient: "ops",
      replies: [{
        "status": 400,
        "body":
          '{"status":"invalid event","message":"Event object is invalid","errors":["Length of \'routing_key\' is incorrect"]}',
      }],
      tsSettings: "apiURL: {{SERVER}}\n",
      deviations: ["derived-dedup-key"],
    },
    // --- opsgenie
    {
      name: "opsgenie: every field of the docs' block, a host without 'api' is reached over http",
      type: "opsgenie",
      service: "opsgenie",
      settings: "apiUrl: {{HOST}}\napiKeys:\n  team-a: GENIEKEY-1\n",
      template: [
        "message: Application {{.app.metadata.name}} has a problem",
        "opsgenie:",
        "  description: '{{.app.status.operationState.message}}'",
        "  priority: P1",
        "  alias: '{{.app.metadata.name}}-sync'",
        "  note: 'sync at {{.app.status.operationState.finishedAt}}'",
        "  entity: '{{.app.metadata.name}}'",
        "  user: argocd",
        "  actions: [restart, '{{.app.metadata.namespace}}']",
        "  tags: [argocd, '{{.app.spec.project}}']",
        "  details:",
        "    revision: '{{.app.status.sync.revision}}'",
        "    app: '{{.app.metadata.name}}'",
        "  visibleTo:",
        "  - type: team",
        "    name: ops <team>",
        "  - type: user",
        "    username: alice@example.com",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "team-a",
      replies: [{ "status": 202, "body": '{"result":"Request will be processed","took":0.1,"requestId":"r-1"}' }],
    },
    {
      name: "opsgenie: message only (ours derives the alias); a 422 is an error",
      type: "opsgenie",
      service: "opsgenie",
      settings: "apiUrl: {{HOST}}\napiKeys:\n  team-b: GENIEKEY-2\n",
      template: "message: m\n",
      vars: argo,
      recipient: "team-b",
      replies: [{
        "status": 422,
        "body": '{"message":"Request body is not processable","took":0.0,"requestId":"r-2"}',
      }],
      deviations: ["derived-alias"],
    },
    // --- grafana
    {
      name: "grafana: an annotation with the recipient's tags",
      type: "grafana",
      service: "grafana",
      settings: "apiUrl: {{SERVER}}/api/\napiKey: glsa_SECRET\n",
      template: "message: '{{.app.metadata.name}} synced to {{.app.status.sync.revision}}'\n",
      vars: argo,
      recipient: "argocd|guestbook",
      deviations: ["grafana-time"],
    },
    {
      name: "grafana: a 403 is an error",
      type: "grafana",
      service: "grafana",
      settings: "apiUrl: {{SERVER}}/api?orgId=2\napiKey: k\n",
      template: "message: m\n",
      vars: argo,
      recipient: "",
      replies: [{ "status": 403, "body": '{"message":"invalid API key"}' }],
      deviations: ["grafana-time"],
    },
    // --- newrelic
    {
      name: "newrelic: the docs' deployment marker",
      type: "newrelic",
      service: "newrelic",
      settings: "apiURL: {{SERVER}}/\napiKey: NRAK-SECRET\n",
      template: [
        "message: '{{.app.metadata.name}} deployed'",
        "newrelic:",
        "  description: 'Deployment finished for {{.app.metadata.name}}'",
        "  changelog: 'Added: /v2/deployments.rb'",
        "  user: '{{.app.metadata.labels.team}}'",
        "  revision: '{{.app.status.sync.revision}}'",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "123456789",
    },
    // --- alertmanager
    {
      name: "alertmanager: labels, annotations, generator URL from the repo, basic auth, two instances",
      type: "alertmanager",
      service: "alertmanager",
      settings: [
        "targets:",
        "- {{HOST}}",
        "- {{HOST}}",
        "apiPath: /api/v2/alerts",
        "basicAuth:",
        "  username: am",
        "  password: am-SECRET",
        "",
      ].join("\n"),
      template: [
        "message: m",
        "alertmanager:",
        "  labels:",
        "    fault_priority: P5",
        "    appname: '{{.app.metadata.name}}'",
        "  annotations:",
        "    summary: 'Application {{.app.metadata.name}} is {{.app.status.health.status}}'",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "",
      deviations: ["alertmanager-starts-at"],
    },
    {
      name: "alertmanager: a bearer token; one instance failing is enough",
      type: "alertmanager",
      service: "alertmanager",
      settings: "targets:\n- {{HOST}}\n- {{HOST}}\nbearerToken: am-TOKEN\n",
      template: [
        "message: m",
        "alertmanager:",
        "  labels:",
        "    alertname: Deployed",
        "  generatorURL: 'git@github.com:argoproj/argo-cd.git'",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "",
      replies: [{ "status": 400, "body": "bad" }],
      deviations: ["alertmanager-starts-at"],
    },
    // --- pagerduty
    {
      name: "pagerduty: the docs' incident (title, body, urgency, priority) from a user; ours adds an incident key",
      type: "pagerduty",
      service: "pagerduty",
      settings: "token: pd-api-token-secret\nfrom: ops@example.com\n",
      template: [
        "message: m",
        "pagerduty:",
        "  title: '[Argo CD] Application {{.app.metadata.name}} has a problem.'",
        "  urgency: high",
        '  body: "Application {{.app.metadata.name}} sync is {{.app.status.sync.status}}.\\nApplication health is {{.app.status.health.status}}."',
        "  priorityId: P0RITY1",
        "",
      ].join("\n"),
      vars: argo,
      recipient: "PSERVICE1",
      replies: [{ status: 201, body: '{"incident":{"id":"PINC1","incident_number":1,"title":"t"}}' }],
      tsSettings: "apiURL: {{SERVER}}\n",
      deviations: ["derived-incident-key"],
    },
    {
      name: "pagerduty: title only, no from (ours leaves out the empty priority); a 400 is an error",
      type: "pagerduty",
      service: "pagerduty",
      settings: "token: pd-api-token-secret\n",
      template: "message: m\npagerduty:\n  title: '{{.app.metadata.name}} <broken> & \"quoted\"'\n",
      vars: argo,
      recipient: "PSERVICE2",
      replies: [{
        status: 400,
        body: '{"error":{"message":"Invalid Input Provided","code":2001,"errors":["Priority not found"]}}',
      }],
      tsSettings: "apiURL: {{SERVER}}\n",
      deviations: ["derived-incident-key", "pagerduty-no-empty-priority"],
    },
  ];
}
