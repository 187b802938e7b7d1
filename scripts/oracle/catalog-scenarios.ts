/**
 * Realistic resources and destinations the catalog templates are rendered for, by `catalog.ts`. Each scenario is one
 * notification's variables, as the embedding controller builds them.
 * @module
 */

export interface Scenario {
  readonly id: string;
  readonly vars: Record<string, unknown>;
}

const argocdUrl = "https://argocd.example.com";

const destinations = [
  { service: "slack", recipient: "argocd-alerts" },
  { service: "teams", recipient: "platform" },
  { service: "email", recipient: "ops@example.com" },
] as const;

const guestbookSynced = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: {
    name: "guestbook",
    namespace: "argocd",
    uid: "7d1b6c3e-2f4a-4b8e-9c1d-5e6f7a8b9c0d",
    resourceVersion: "123456",
    creationTimestamp: "2024-01-01T10:00:00Z",
    annotations: { "notifications.argoproj.io/subscribe.on-sync-succeeded.slack": "argocd-alerts" },
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
    sync: { status: "Synced", revision: "53e28ff20cc530b9ada2173fbbd64d48338583ba" },
    health: { status: "Healthy", lastTransitionTime: "2024-01-02T03:00:10Z" },
    operationState: {
      phase: "Succeeded",
      message: "successfully synced (all tasks run)",
      startedAt: "2024-01-02T03:00:00Z",
      finishedAt: "2024-01-02T03:00:05Z",
      syncResult: { revision: "53e28ff20cc530b9ada2173fbbd64d48338583ba" },
    },
    resources: [{ kind: "Service", name: "guestbook-ui", namespace: "guestbook", status: "Synced" }],
  },
};

const platformFailed = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: { name: "platform-stack", namespace: "argocd", creationTimestamp: "2023-11-20T08:30:00Z" },
  spec: {
    project: "platform",
    sources: [
      { repoURL: "https://github.com/example/platform-charts.git", path: "charts/stack", targetRevision: "v1.4.2" },
      { repoURL: "https://github.com/example/platform-values.git", targetRevision: "main", ref: "values" },
    ],
    destination: { name: "prod-eu", namespace: "platform" },
  },
  status: {
    sync: { status: "OutOfSync", revisions: ["9f3c2a1", "4b5d6e7"] },
    health: { status: "Degraded", lastTransitionTime: "2024-01-02T02:58:00Z" },
    operationState: {
      phase: "Failed",
      message: "one or more objects failed to apply, reason: Deployment.apps platform-api is invalid",
      startedAt: "2024-01-02T02:57:00Z",
      finishedAt: "2024-01-02T02:57:40Z",
      syncResult: { revision: "9f3c2a1" },
    },
    conditions: [
      {
        type: "SyncError",
        message: "Failed sync attempt to 9f3c2a1: one or more objects failed to apply",
        lastTransitionTime: "2024-01-02T02:57:40Z",
      },
      {
        type: "OrphanedResourceWarning",
        message: "Application has 2 orphaned resources",
        lastTransitionTime: "2024-01-02T01:00:00Z",
      },
    ],
  },
};

/** A brand-new application: no operation yet, and a condition whose message quotes, which breaks the JSON fields. */
const billingUnknown = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Application",
  metadata: { name: "billing", namespace: "argocd", creationTimestamp: "2024-01-02T03:04:00Z" },
  spec: {
    project: "default",
    source: {
      repoURL: "git@github.com:example/billing.git",
      path: "deploy",
      targetRevision: "main",
      helm: { valueFiles: ["values-prod.yaml"] },
    },
    destination: { server: "https://kubernetes.default.svc", namespace: "billing" },
  },
  status: {
    sync: { status: "Unknown" },
    health: { status: "Missing" },
    conditions: [
      { type: "ComparisonError", message: 'rpc error: code = Unknown desc = "helm template ." failed exit status 1' },
    ],
  },
};

function argoScenarios(name: string, app: unknown): Scenario[] {
  return destinations.map((d) => ({
    id: `${name}/${d.service}`,
    vars: {
      app,
      context: { argocdUrl, notificationType: d.service },
      serviceType: d.service,
      recipient: d.recipient,
    },
  }));
}

/** Argo CD: `app`, `context` (with `argocdUrl` and `notificationType`), `serviceType`, `recipient`. */
export const argoCdScenarios: readonly Scenario[] = [
  ...argoScenarios("guestbook-synced", guestbookSynced),
  ...argoScenarios("platform-failed-multi-source", platformFailed),
  ...argoScenarios("billing-unknown-quoted-condition", billingUnknown),
];

const canaryRollout = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Rollout",
  metadata: { name: "rollouts-demo", namespace: "demo", generation: 7 },
  spec: {
    replicas: 5,
    revisionHistoryLimit: 2,
    selector: { matchLabels: { app: "rollouts-demo" } },
    strategy: {
      canary: {
        steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }, { pause: { duration: "30s" } }],
      },
    },
    template: {
      metadata: { labels: { app: "rollouts-demo" } },
      spec: {
        containers: [
          { name: "rollouts-demo", image: "argoproj/rollouts-demo:yellow", ports: [{ containerPort: 8080 }] },
          { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.20.2" },
        ],
      },
    },
  },
  status: { currentStepIndex: 2, replicas: 5, updatedReplicas: 2, readyReplicas: 5, phase: "Paused" },
};

const blueGreenRollout = {
  apiVersion: "argoproj.io/v1alpha1",
  kind: "Rollout",
  metadata: { name: "checkout", namespace: "shop" },
  spec: {
    replicas: 3,
    strategy: {
      blueGreen: { activeService: "checkout-active", previewService: "checkout-preview", autoPromotionEnabled: false },
    },
    template: { spec: { containers: [{ name: "checkout", image: "registry.example.com/shop/checkout:2.3.1" }] } },
  },
  status: { replicas: 6, updatedReplicas: 3, phase: "Progressing" },
};

/** Argo Rollouts: `rollout` (numbers as float64, as that controller hands them over), `serviceType`, `recipient`. */
export const argoRolloutsScenarios: readonly Scenario[] = [
  ...destinations.map((d) => ({
    id: `canary/${d.service}`,
    vars: { rollout: canaryRollout, serviceType: d.service, recipient: d.recipient },
  })),
  ...destinations.map((d) => ({
    id: `blue-green/${d.service}`,
    vars: { rollout: blueGreenRollout, serviceType: d.service, recipient: d.recipient },
  })),
];

/** The cert-manager example: `cert`. */
export const certmanagerScenarios: readonly Scenario[] = [{
  id: "cert-ready/slack",
  vars: {
    cert: {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: "example-com-tls", namespace: "default" },
      spec: {
        secretName: "example-com-tls",
        dnsNames: ["example.com", "www.example.com"],
        issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" },
      },
      status: {
        conditions: [{
          type: "Ready",
          status: "True",
          reason: "Ready",
          message: "Certificate is up to date and has not expired",
        }],
      },
    },
    serviceType: "slack",
    recipient: "certs",
  },
}];

/** The custom-resource sample: `foo`. */
export const fooSampleScenarios: readonly Scenario[] = [{
  id: "foo-ready/slack",
  vars: {
    foo: {
      apiVersion: "dummy.example.org/v1",
      kind: "Foo",
      metadata: {
        name: "foo-sample",
        annotations: { "notifications.argoproj.io/subscribe.on-foo-ready.slack": "test" },
      },
      spec: { foo: "bar" },
      status: { ready: true },
    },
    serviceType: "slack",
    recipient: "test",
  },
}];
