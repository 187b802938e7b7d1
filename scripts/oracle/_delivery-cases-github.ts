/**
 * Cases of the delivery differential for the `github` service: go-github with ghinstallation's App tokens, pointed at
 * the receiver by `enterpriseBaseURL`. Folder-private: scripts/oracle/delivery-cases.ts writes them with the others.
 * @module
 */
import type { Case, Reply } from "./_delivery-case.ts";

/** A GitHub App's installation (`{{PRIVATE_KEY}}` is a throwaway key each side makes). */
const app = "appID: 12345\ninstallationID: 67890\nprivateKey: {{PRIVATE_KEY}}\n";
/** The answer to an installation token request. */
const installationToken: Reply = {
  status: 201,
  body: '{"token":"ghs_installation-token-secret","expires_at":"2099-01-01T00:00:00Z"}',
};

/**
 * The cases.
 * @param argo the variables of an Argo CD notification (an application and the context)
 * @returns the cases, in the order they run
 */
export function githubCases(argo: Record<string, unknown>): Case[] {
  const github = (c: Pick<Case, "name" | "template"> & Partial<Case>): Case => ({
    type: "github",
    service: "github",
    settings: `${app}enterpriseBaseURL: {{SERVER}}/api/v3\n`,
    vars: argo,
    recipient: "",
    ...c,
  });
  return [
    // --- github
    github({
      name: "github: the catalog's commit status, as an App (installation token first), Enterprise URL without /api/v3",
      settings: app + "enterpriseBaseURL: {{SERVER}}/ghe\n",
      template: [
        "message: Application {{.app.metadata.name}} is now running new version of deployments manifests.",
        "github:",
        "  status:",
        "    state: success",
        '    label: "continuous-delivery/{{.app.metadata.name}}"',
        '    targetURL: "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true"',
        "",
      ].join("\n"),
      replies: [installationToken, { status: 201, body: '{"id":1,"state":"success"}' }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name:
        "github: a 422 on a commit status is 'too many statuses'; repoURLPath and revisionPath, a long message cut at 140",
      settings: `${app}enterpriseBaseURL: {{SERVER}}/api/v3/\n`,
      template: [
        "message: '{{range $i, $e := until 32}}{{$e}}-ü {{end}}'",
        "github:",
        "  repoURLPath: 'git@github.com:argoproj/{{.app.metadata.name}}.git'",
        "  revisionPath: '{{.app.status.sync.revision}}'",
        "  status:",
        "    state: failure",
        "    label: ci/argo",
        "    targetURL: ''",
        "",
      ].join("\n"),
      replies: [installationToken, {
        status: 422,
        body: '{"message":"This SHA and context has reached the maximum number of statuses."}',
      }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a deployment created (none listed for the ref and environment), then its status",
      template: [
        "message: Application {{.app.metadata.name}} deployed",
        "github:",
        "  deployment:",
        "    state: success",
        "    environment: production",
        "    environmentURL: 'https://{{.app.metadata.name}}.example.com'",
        "    logURL: '{{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true'",
        "    requiredContexts: []",
        "    autoMerge: false",
        "    transientEnvironment: true",
        "",
      ].join("\n"),
      replies: [installationToken, { body: "[]" }, { status: 201, body: '{"id":42}' }, {
        status: 201,
        body: '{"id":1}',
      }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a deployment listed already gets the status; a reference, no requiredContexts",
      template: [
        "message: m",
        "github:",
        "  deployment:",
        "    state: in_progress",
        "    environment: staging",
        "    reference: v1.2.3",
        "",
      ].join("\n"),
      replies: [installationToken, { body: '[{"id":7},{"id":6}]' }, { status: 201, body: '{"id":2}' }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: pull-request comments with a comment tag: one edited in place, one created",
      template: [
        "message: m",
        "github:",
        "  pullRequestComment:",
        "    content: |",
        "      Application {{.app.metadata.name}} is {{.app.status.sync.status}}",
        "    commentTag: sync-status",
        "",
      ].join("\n"),
      replies: [
        installationToken,
        { body: '[{"number":5},{"number":6}]' },
        { body: '[{"id":98,"body":"unrelated"},{"id":99,"body":"old\\n<!-- argocd-notifications sync-status -->"}]' },
        { body: '{"id":99}' },
        { body: "[]" },
        { status: 201, body: '{"id":100}' },
      ],
      deviations: ["github-app-jwt", "github-comment-tag"],
    }),
    github({
      name: "github: pull-request comments without a tag, one per pull request of the commit",
      template: "message: m\ngithub:\n  pullRequestComment:\n    content: 'Synced to {{.app.status.sync.revision}}'\n",
      replies: [installationToken, { body: '[{"number":5},{"number":6}]' }, { status: 201, body: '{"id":1}' }, {
        status: 201,
        body: '{"id":2}',
      }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a check run with output and times, after a commit status (the Go order)",
      template: [
        "message: m",
        "github:",
        "  checkRun:",
        "    name: 'argocd/{{.app.metadata.name}}'",
        "    details_url: '{{.context.argocdUrl}}/applications/{{.app.metadata.name}}'",
        "    conclusion: success",
        "    started_at: '{{.app.status.operationState.startedAt}}'",
        "    completed_at: '2024-01-02T03:01:00.500+02:00'",
        "    output:",
        "      title: Synced",
        "      summary: '{{.app.status.operationState.message}}'",
        "      text: ''",
        "  status:",
        "    state: pending",
        "    label: argo",
        "    targetURL: ''",
        "",
      ].join("\n"),
      replies: [installationToken, { status: 201, body: "{}" }, { status: 201, body: '{"id":5}' }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a repository dispatch with a JSON client payload",
      template: [
        "message: m",
        "github:",
        "  repositoryDispatch:",
        "    event_type: argocd-sync",
        '    client_payload: \'{"app": "{{.app.metadata.name}}", "revision": "{{.app.status.sync.revision}}", "n": [1, 2.5, true]}\'',
        "",
      ].join("\n"),
      replies: [installationToken, { status: 204 }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: the installation token refused (401) ends the delivery",
      template: "message: m\ngithub:\n  status:\n    state: success\n    label: argo\n    targetURL: ''\n",
      replies: [{ status: 401, body: '{"message":"A JSON web token could not be decoded"}' }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a check run in progress: no conclusion, no times, no output",
      template: "message: m\ngithub:\n  checkRun:\n    name: argocd\n    status: in_progress\n",
      replies: [installationToken, { status: 201, body: '{"id":6}' }],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a completed check run without a conclusion is refused before any request",
      template: "message: m\ngithub:\n  checkRun:\n    name: argocd\n    status: completed\n",
      replies: [installationToken],
      deviations: ["github-app-jwt"],
    }),
    github({
      name: "github: a template without a github block is refused ('config is empty'), nothing sent",
      template: "message: m\n",
      replies: [installationToken],
    }),
    github({
      name: "github: listing deployments refused (404) ends the delivery before a deployment is created",
      template: "message: m\ngithub:\n  deployment:\n    state: success\n    environment: production\n",
      replies: [installationToken, { status: 404, body: '{"message":"Not Found"}' }],
      deviations: ["github-app-jwt"],
    }),
  ];
}
