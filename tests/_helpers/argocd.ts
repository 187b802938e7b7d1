/** A realistic Argo CD Application after a successful sync, and the official catalog with services configured. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** The official Argo CD catalog's `data`, plus Slack, e-mail and Teams services so every template block is used. */
export function argoCdConfigMap(): { data: Record<string, string> } {
  const cm = parse(
    readFileSync(new URL("../fixtures/conformance/argo-cd/argocd-notifications-cm.yaml", import.meta.url), "utf8"),
  );
  return {
    data: {
      ...cm.data,
      "service.slack": "token: $slack-token",
      "service.email":
        "host: smtp.example.com\nport: 587\nfrom: argocd@example.com\nusername: $email-username\npassword: $email-password",
      "service.teams": "recipientUrls:\n  ops: $teams-ops-url",
      context: "argocdUrl: https://argocd.example.com",
    },
  };
}

/** The Secret the services above reference. */
export const argoCdSecret = {
  stringData: {
    "slack-token": "xoxb-bench",
    "email-username": "argocd",
    "email-password": "hunter2",
    "teams-ops-url": "https://example.webhook.office.com/ops",
  },
};

/** Annotations subscribing every catalog trigger to Slack, e-mail and Teams. */
export function subscribeEverything(triggers: readonly string[]): Record<string, string> {
  return Object.fromEntries(triggers.flatMap((t) => [
    [`notifications.argoproj.io/subscribe.${t}.slack`, "deployments;platform"],
    [`notifications.argoproj.io/subscribe.${t}.email`, "team@example.com"],
    [`notifications.argoproj.io/subscribe.${t}.teams`, "ops"],
  ]));
}

/** An Application as the Argo CD API returns it, synced and healthy. */
export function application(annotations: Record<string, string>): Record<string, unknown> {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: {
      name: "guestbook",
      namespace: "argocd",
      uid: "6f1a8e1c-3d0e-4d5c-9e0e-2f7f1b0f8a11",
      resourceVersion: "123456",
      creationTimestamp: "2024-01-01T10:00:00Z",
      labels: { team: "platform", env: "prod" },
      annotations,
    },
    spec: {
      project: "default",
      source: {
        repoURL: "https://github.com/argoproj/argocd-example-apps.git",
        path: "guestbook",
        targetRevision: "HEAD",
      },
      destination: { server: "https://kubernetes.default.svc", namespace: "guestbook" },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status: {
      sync: { status: "Synced", revision: "8a7d7f1f2e3c4b5a69788796a5b4c3d2e1f0a9b8" },
      health: { status: "Healthy", lastTransitionTime: "2024-01-02T03:01:30Z" },
      operationState: {
        phase: "Succeeded",
        message: "successfully synced (all tasks run)",
        startedAt: "2024-01-02T03:00:00Z",
        finishedAt: "2024-01-02T03:01:00Z",
        syncResult: { revision: "8a7d7f1f2e3c4b5a69788796a5b4c3d2e1f0a9b8" },
      },
      conditions: [{
        type: "SyncError",
        message: "one resource failed to apply",
        lastTransitionTime: "2024-01-02T03:00:30Z",
      }],
      resources: [
        {
          kind: "Service",
          name: "guestbook-ui",
          namespace: "guestbook",
          status: "Synced",
          health: { status: "Healthy" },
        },
        {
          kind: "Deployment",
          name: "guestbook-ui",
          namespace: "guestbook",
          status: "Synced",
          health: { status: "Healthy" },
        },
      ],
      summary: { images: ["gcr.io/heptio-images/ks-guestbook-demo:0.2"] },
    },
  };
}
