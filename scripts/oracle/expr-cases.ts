/**
 * The differential cases for the expr compiler: named inputs (realistic Applications, Rollouts, Certificates, Foos in
 * several states, plus a table of typed values) and expressions. `expr-golden.ts` runs the oracle cases through the
 * Go reference (expr 1.8.9) and writes tests/conformance/expr/expr-golden.json together with the hand-checked cases.
 *
 * Three origins:
 * - "oracle": the source runs unchanged on 1.8.9 and 1.8.9 agrees with v1.17 on it (the stable core);
 * - "oracle-rewrite": the source uses v1.17 syntax (`?.`, `1 * time.Minute`); the oracle evaluates an equivalent
 *   1.8.9 form (`oracleSource`) and its answer is recorded for the original source;
 * - "hand": v1.17 behaviour written by hand from expr's documentation (docs/language-definition.md) and the spec.
 */

// --- inputs

const iso = (min: number): string => new Date(Date.UTC(2024, 0, 1, 0, min)).toISOString().replace(".000", "");

interface AppState {
  readonly phase?: string;
  readonly health?: string;
  readonly sync?: string;
  readonly started?: number;
  readonly finished?: number;
  readonly healthChanged?: number;
  readonly deleting?: boolean;
  readonly noStatus?: boolean;
  readonly noOperation?: boolean;
  readonly noSyncResult?: boolean;
  readonly multiSource?: boolean;
}

function application(name: string, s: AppState): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    name,
    namespace: "argocd",
    uid: "9b1e0a2c-1d7f-4b47-9a0e-3f6a4c1c2d11",
    creationTimestamp: "2023-12-31T23:00:00Z",
    generation: 42,
    labels: { "app.kubernetes.io/part-of": "shop", env: "prod" },
    annotations: {
      "notifications.argoproj.io/subscribe.on-sync-succeeded.slack": "deployments",
      "example.com/version": "v1.4.2",
    },
  };
  if (s.deleting === true) {
    metadata["deletionTimestamp"] = iso(25);
    metadata["finalizers"] = ["resources-finalizer.argocd.argoproj.io"];
  }
  const source = {
    repoURL: "https://github.com/argoproj/argocd-example-apps.git",
    path: "guestbook",
    targetRevision: "HEAD",
  };
  const spec: Record<string, unknown> = {
    project: "default",
    destination: { server: "https://kubernetes.default.svc", namespace: "shop" },
    syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ["CreateNamespace=true"] },
  };
  if (s.multiSource === true) {
    spec["sources"] = [source, { repoURL: "https://charts.example.com", chart: "redis", targetRevision: "17.3.1" }];
  } else spec["source"] = source;
  const app: Record<string, unknown> = { apiVersion: "argoproj.io/v1alpha1", kind: "Application", metadata, spec };
  if (s.noStatus === true) return app;
  const health: Record<string, unknown> = { status: s.health ?? "Healthy" };
  if (s.healthChanged !== undefined) health["lastTransitionTime"] = iso(s.healthChanged);
  const status: Record<string, unknown> = {
    health,
    sync: { status: s.sync ?? "Synced", revision: "8f2c1d9e4b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d", comparedTo: { source } },
    summary: { images: ["quay.io/argoprojlabs/argocd-e2e-container:0.2", "redis:7.2"] },
    reconciledAt: iso(29),
    resources: [
      {
        group: "apps",
        version: "v1",
        kind: "Deployment",
        namespace: "shop",
        name: "guestbook-ui",
        status: "Synced",
        health: { status: s.health ?? "Healthy" },
      },
      { version: "v1", kind: "Service", namespace: "shop", name: "guestbook-ui", status: "Synced" },
    ],
    history: [{ id: 7, revision: "0a1b2c3d", deployedAt: iso(-600), source }],
  };
  if (s.health === "Degraded") {
    status["conditions"] = [{
      type: "SyncError",
      message: "one or more objects failed to apply",
      lastTransitionTime: iso(12),
    }];
  }
  if (s.noOperation !== true) {
    const op: Record<string, unknown> = {
      phase: s.phase ?? "Succeeded",
      message: s.phase === "Failed" ? "one or more tasks failed" : "successfully synced (all tasks run)",
      startedAt: iso(s.started ?? 0),
      operation: {
        sync: { revision: "8f2c1d9e4b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d" },
        initiatedBy: { automated: true },
        retry: { limit: 5 },
      },
    };
    if (s.phase !== "Running") op["finishedAt"] = iso(s.finished ?? 10);
    if (s.noSyncResult !== true) {
      op["syncResult"] = {
        revision: "8f2c1d9e4b7a6c5d3e2f1a0b9c8d7e6f5a4b3c2d",
        source,
        resources: [
          {
            group: "apps",
            version: "v1",
            kind: "Deployment",
            namespace: "shop",
            name: "guestbook-ui",
            status: "Synced",
            message: "deployment.apps/guestbook-ui configured",
            hookPhase: "Running",
            syncPhase: "Sync",
          },
        ],
      };
    }
    status["operationState"] = op;
  }
  return { ...app, status };
}

function certificate(name: string, conditions: unknown): Record<string, unknown> {
  const status: Record<string, unknown> = { notAfter: "2024-04-01T00:00:00Z", revision: 3 };
  if (conditions !== undefined) status["conditions"] = conditions;
  return {
    apiVersion: "cert-manager.io/v1",
    kind: "Certificate",
    metadata: {
      name,
      namespace: "default",
      annotations: { "notifications.argoproj.io/subscribe.on-cert-ready.slack": "certs" },
    },
    spec: {
      secretName: `${name}-tls`,
      dnsNames: ["example.com", "www.example.com"],
      issuerRef: { name: "letsencrypt", kind: "ClusterIssuer" },
    },
    status,
  };
}

function rollout(phase: string, paused: boolean, replicas: number): Record<string, unknown> {
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Rollout",
    metadata: { name: "rollouts-demo", namespace: "default", generation: 5 },
    spec: {
      replicas,
      strategy: {
        canary: { steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }, { pause: { duration: "10s" } }] },
      },
      template: {
        spec: {
          containers: [{
            name: "rollouts-demo",
            image: "argoproj/rollouts-demo:blue",
            ports: [{ containerPort: 8080 }],
          }],
        },
      },
    },
    status: {
      phase,
      paused,
      currentStepIndex: 1,
      replicas,
      readyReplicas: replicas - 1,
      availableReplicas: replicas - 1,
      conditions: [
        { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
        { type: "Available", status: paused ? "False" : "True", reason: "AvailableReason" },
      ],
    },
  };
}

/** Named variable sets; each case names the one it runs with. */
export const inputs: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "app-deployed": { app: application("guestbook", { health: "Healthy", started: 0, finished: 10, healthChanged: 15 }) },
  "app-deployed-healthy-before-start": {
    app: application("guestbook", { health: "Healthy", started: 5, finished: 10, healthChanged: 2 }),
  },
  "app-deployed-healthy-during-sync": {
    app: application("guestbook", { health: "Healthy", started: 0, finished: 10, healthChanged: 5 }),
  },
  "app-deployed-no-health-time": { app: application("guestbook", { health: "Healthy", started: 0, finished: 10 }) },
  "app-sync-running": {
    app: application("guestbook", { phase: "Running", health: "Progressing", sync: "OutOfSync", healthChanged: 1 }),
  },
  "app-sync-failed": {
    app: application("guestbook", { phase: "Failed", health: "Degraded", sync: "OutOfSync", healthChanged: 12 }),
  },
  "app-sync-error": {
    app: application("guestbook", { phase: "Error", health: "Missing", sync: "OutOfSync", healthChanged: 3 }),
  },
  "app-degraded-synced": { app: application("guestbook", { health: "Degraded", healthChanged: 20 }) },
  "app-sync-unknown": { app: application("guestbook", { sync: "Unknown", health: "Unknown", noOperation: true }) },
  "app-no-operation": { app: application("guestbook", { noOperation: true, healthChanged: 1 }) },
  "app-no-sync-result": {
    app: application("guestbook", { phase: "Error", noSyncResult: true, health: "Healthy", healthChanged: 1 }),
  },
  "app-new": { app: application("guestbook", { noStatus: true }) },
  "app-deleting": { app: application("guestbook", { deleting: true, healthChanged: 20 }) },
  "app-multi-source": { app: application("guestbook", { multiSource: true, healthChanged: 15 }) },
  "app-missing": {},
  "cert-ready": {
    cert: certificate("example-com", [{
      type: "Ready",
      status: "True",
      reason: "Ready",
      message: "Certificate is up to date and has not expired",
    }]),
  },
  "cert-issuing": {
    cert: certificate("example-com", [
      { type: "Ready", status: "False", reason: "InProgress", message: "Issuing certificate as Secret does not exist" },
      { type: "Issuing", status: "True", reason: "DoesNotExist" },
    ]),
  },
  "cert-ready-second": {
    cert: certificate("example-com", [
      { type: "Issuing", status: "False", reason: "Issued" },
      { type: "Ready", status: "True", reason: "Ready" },
    ]),
  },
  "cert-no-conditions": { cert: certificate("example-com", undefined) },
  "cert-empty-conditions": { cert: certificate("example-com", []) },
  "cert-reason-not-ready": { cert: certificate("example-com", [{ type: "Ready", status: "True", reason: "Other" }]) },
  "foo-ready": {
    foo: {
      apiVersion: "dummy.example.org/v1",
      kind: "Foo",
      metadata: { name: "foo-sample" },
      spec: { foo: "bar" },
      status: { ready: true },
    },
  },
  "foo-not-ready": {
    foo: {
      apiVersion: "dummy.example.org/v1",
      kind: "Foo",
      metadata: { name: "foo-sample" },
      spec: { foo: "bar" },
      status: { ready: false },
    },
  },
  "foo-no-status": {
    foo: { apiVersion: "dummy.example.org/v1", kind: "Foo", metadata: { name: "foo-sample" }, spec: { foo: "bar" } },
  },
  "foo-ready-string": {
    foo: {
      apiVersion: "dummy.example.org/v1",
      kind: "Foo",
      metadata: { name: "foo-sample" },
      status: { ready: "true" },
    },
  },
  "rollout-healthy": { rollout: rollout("Healthy", false, 5) },
  "rollout-paused": { rollout: rollout("Paused", true, 3) },
  "values": {
    s: "hello",
    e: "",
    i: 3,
    z: 0,
    neg: -7,
    f: 1.5,
    big: 1234567,
    b: true,
    no: false,
    n: null,
    arr: [1, 2, 3],
    strs: ["a", "b", "c"],
    mixed: [1, "two", 3.5, true, null, { k: "v" }],
    m: { a: 1, b: "x", c: null, d: [1, 2], e: { f: "g" } },
    em: {},
    ea: [],
    items: [
      { name: "a", n: 1, tags: ["x"], ok: true },
      { name: "b", n: 2, tags: [], ok: false },
      { name: "c", n: 3, ok: true },
    ],
    ts: "2024-01-01T00:10:00Z",
    ts2: "2024-01-01T00:00:00+01:00",
    unicode: "héllo wörld",
  },
};

// --- oracle cases

/** A case the Go reference evaluates (optionally through an equivalent 1.8.9 form). */
export interface OracleCase {
  readonly source: string;
  readonly inputs: readonly string[];
  readonly oracleSource?: string;
}

const allApps = Object.keys(inputs).filter((k) => k.startsWith("app-"));
const certs = Object.keys(inputs).filter((k) => k.startsWith("cert-"));
const foos = Object.keys(inputs).filter((k) => k.startsWith("foo-"));
const rollouts = Object.keys(inputs).filter((k) => k.startsWith("rollout-"));

const optionalRevision =
  "app.status.operationState == nil ? nil : (app.status.operationState.syncResult == nil ? nil : app.status.operationState.syncResult.revision)";
const onDeployed = (minute: string): string =>
  `app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy' and (!time.Parse(app.status.health.lastTransitionTime).Add(${minute}).Before(time.Parse(app.status.operationState.finishedAt)) or time.Parse(app.status.health.lastTransitionTime).Before(time.Parse(app.status.operationState.startedAt)))`;

/** Every `when`/`oncePer` of the conformance catalogs, and documented variants, over realistic resources. */
const catalog: OracleCase[] = [
  { source: "true", inputs: allApps },
  { source: "app.metadata.name", inputs: allApps },
  { source: "app.metadata.deletionTimestamp != nil", inputs: allApps },
  { source: "app.status.operationState?.syncResult?.revision", inputs: allApps, oracleSource: optionalRevision },
  { source: "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']", inputs: allApps },
  { source: onDeployed("1 * time.Minute"), inputs: allApps, oracleSource: onDeployed("time.Minute") },
  { source: "app.status.health.status == 'Degraded'", inputs: allApps },
  {
    source: "app.status.operationState != nil and app.status.operationState.phase in ['Error',\n  'Failed']",
    inputs: allApps,
  },
  { source: "app.status.operationState != nil and app.status.operationState.phase in ['Running']", inputs: allApps },
  { source: "app.status.sync.status == 'Unknown'", inputs: allApps },
  { source: "app.status.operationState.syncResult.revision", inputs: allApps },
  { source: "app.status.sync.revision", inputs: allApps },
  { source: "time.Now().Sub(time.Parse(app.status.operationState.startedAt)).Minutes() >= 5", inputs: allApps },
  {
    source: "app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy'",
    inputs: allApps,
  },
  { source: 'app.metadata.annotations["example.com/version"]', inputs: allApps },
  { source: "app.spec.source.repoURL", inputs: allApps },
  { source: "any(app.status.resources, {.health.status == 'Degraded'})", inputs: allApps },
  { source: "any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})", inputs: certs },
  { source: "all(cert.status.conditions, {.status == 'True'})", inputs: certs },
  { source: "len(cert.status.conditions)", inputs: certs },
  { source: "cert.metadata.name", inputs: certs },
  { source: "foo.status.ready", inputs: foos },
  { source: "foo.status.ready == true", inputs: foos },
  { source: "foo.metadata.name", inputs: foos },
  { source: "rollout.spec.template.spec.containers[0].image", inputs: rollouts },
  { source: "rollout.status.phase == 'Paused' && rollout.status.paused", inputs: rollouts },
  { source: "any(rollout.status.conditions, {.type == 'Available' && .status == 'True'})", inputs: rollouts },
  { source: "len(rollout.spec.strategy.canary.steps) > rollout.status.currentStepIndex", inputs: rollouts },
  { source: "rollout.status.readyReplicas < rollout.spec.replicas", inputs: rollouts },
  { source: "false", inputs: rollouts },
];

const v = (...sources: string[]): OracleCase[] => sources.map((source) => ({ source, inputs: ["values"] }));

/** Operators, builtins and error paths on the typed `values` input (1.8.9-stable behaviour). */
const operators: OracleCase[] = [
  ...v("s", "i", "f", "b", "n", "arr", "m", "mixed", "big", "neg", "missing", "m.c", "m.e.f", "m.nope"),
  ...v("i == 3", "i == 3.0", "f == 1.5", "s == 'hello'", 's == "hello"', "n == nil", "missing == nil", "s == nil"),
  ...v("i != 4", "s != 'x'", "b != false", "i == s", "b == 1", "em == {}"),
  ...v("i < 4", "i <= 3", "i > 2.5", "i >= 4", "f < i", "s < 'world'", "s > 'abc'", "'a' < 'b'"),
  ...v("i < s", "n > 1", "b < true", "arr < 1", "s <= n"),
  ...v(
    "b and no",
    "b && b",
    "b or no",
    "no || no",
    "not b",
    "!no",
    "!b || b",
    "b and n",
    "n and b",
    "n or b",
    "not n",
    "!s",
  ),
  ...v("no and n", "b or n", "no and missing.x", "b or missing.x"),
  ...v(
    "i + 1",
    "i - 5",
    "i * 4",
    "f * 2",
    "f + i",
    "i - f",
    "s + ' world'",
    "s + e",
    "i + s",
    "s + n",
    "n + 1",
    "b + b",
  ),
  ...v("i % 2", "neg % 3", "i % 0", "2 ** 10", "i ** 2", "2 ** 0.5", "-i", "-f", "--i", "+i", "-s"),
  ...v("1 + 2 * 3", "(1 + 2) * 3", "10 - 2 - 3", "2 ** 3 ** 2", "1 + 2 == 3", "i * 2 + f"),
  ...v(
    "i in arr",
    "4 in arr",
    "'a' in strs",
    "'z' in strs",
    "'a' in m",
    "'zz' in m",
    "'c' in m",
    "n in arr",
    "i not in arr",
    "'x' not in strs",
  ),
  ...v("s in ['hello', 'world']", "s in ['x']", "e in ['']", "i in [1, 2, 3]", "f in [1.5]", "'a' in s", "i in s"),
  ...v(
    "s contains 'ell'",
    "s contains 'xyz'",
    "s startsWith 'he'",
    "s endsWith 'lo'",
    "s endsWith 'x'",
    "i contains '3'",
  ),
  ...v(
    "s matches '^h.*o$'",
    "s matches 'l+'",
    "s matches '^x'",
    "unicode matches 'w.rld'",
    "s matches '(?i)HELLO'",
    "s matches '['",
  ),
  ...v("1..5", "i..6", "len(1..100)", "i in 1..5", "10 in 1..5"),
  ...v("b ? 'yes' : 'no'", "no ? 1 : 2", "n ? 1 : 2", "i > 2 ? s : e", "b ? (no ? 1 : 2) : 3"),
  ...v(
    "arr[0]",
    "arr[2]",
    "arr[3]",
    "strs[1]",
    "m['a']",
    "m.a",
    "m['zz']",
    "items[1].name",
    "items[0].tags[0]",
    "s[0]",
    "n.x",
    "n[0]",
    "m.e.f.g",
    "i.x",
    "arr['a']",
  ),
  ...v("arr[1:]", "arr[:2]", "arr[1:2]", "arr[:]", "arr[2:1]", "arr[0:10]", "s[1:3]", "strs[1:]", "n[1:2]"),
  ...v("len(s)", "len(arr)", "len(m)", "len(e)", "len(em)", "len(ea)", "len(n)", "len(i)", "len(items)"),
  ...v("all(items, {.n > 0})", "all(items, {.ok})", "all(ea, {.x})", "none(items, {.n > 5})", "none(items, {.ok})"),
  ...v(
    "any(items, {.name == 'b'})",
    "any(items, {.name == 'z'})",
    "any(ea, {# == 1})",
    "one(items, {.n == 2})",
    "one(items, {.ok})",
  ),
  ...v(
    "filter(items, {.ok})",
    "filter(arr, {# > 1})",
    "map(arr, {# * 2})",
    "map(items, {.name})",
    "count(items, {.ok})",
    "count(arr, {# > 5})",
  ),
  ...v(
    "any(items, {.tags[0] == 'x'})",
    "all(arr, {# > 0 && # < 4})",
    "filter(items, {len(.tags) > 0})",
    "map(filter(items, {.ok}), {.n})",
  ),
  ...v("any(missing, {# == 1})", "all(n, {#})", "map(m, {#})", "filter(items, {.n})", "any(items, {.missing.x == 1})"),
  ...v(
    "len(filter(items, {.ok})) == 2",
    "any(items, {#.name == 'a'})",
    "map(items, {#.n * 10})",
    "filter(mixed, {# == nil})",
  ),
  ...v("1 +", "(1", "a b", "'unterminated", "arr[", "{a: }", "1 ** ", "#", ".x", "foo(", "&&", "1 = 2", "@x"),
  ...v("'a' + 1", "1 < 'a'", "'1' == 1", "true == 1", "nil < 1", "true and nil", "not nil", "'a' in 'b'", "1 % 0"),
  ...v(
    "'\\n\\t\\\\'",
    "'\\x41\\u00e9'",
    '"double \\"quoted\\""',
    "'it\\'s'",
    "0x1F",
    "1e3",
    "1.5e-3",
    ".5",
    "1_000_000",
  ),
  ...v("unicode[1:3]", "{'a': 1, 'b': [1, 2]}", "{a: i, b: s}", "[1, 's', nil, true]", "{}", "[]"),
  ...v(
    "time.Parse(ts)",
    "time.Parse(ts2)",
    "time.Parse(ts).Unix()",
    "time.Parse(ts).Format('2006-01-02 15:04')",
    "time.Parse(ts2).UTC()",
  ),
  ...v(
    "time.Parse(ts).Before(time.Parse(ts2))",
    "time.Parse(ts).After(time.Now())",
    "time.Parse(ts2).Equal(time.Parse('2023-12-31T23:00:00Z'))",
  ),
  ...v(
    "time.Now()",
    "time.Now().Sub(time.Parse(ts))",
    "time.Now().Sub(time.Parse(ts)).Hours()",
    "time.Now().Sub(time.Parse(ts)).Seconds()",
  ),
  ...v(
    "time.Parse(ts).Add(time.Hour)",
    "time.Parse(ts).Add(time.Minute).Format(time.RFC3339)",
    "time.Parse('bad')",
    "time.Parse(i)",
  ),
  ...v(
    "time.Parse(ts).Year()",
    "time.Parse(ts).Month()",
    "time.Parse(ts).Day()",
    "time.Parse(ts).Hour()",
    "time.Parse(ts).Weekday()",
    "time.Parse(ts).YearDay()",
  ),
  ...v(
    "time.Now().Format(time.RFC1123)",
    "time.Now().Format(time.Kitchen)",
    "time.Now().Format('Mon Jan _2 15:04:05 MST 2006')",
    "time.RFC3339",
    "time.Hour",
  ),
  ...v(
    "time.Parse(ts).Truncate(time.Hour)",
    "time.Now().Unix() - time.Parse(ts).Unix()",
    "time.Parse(ts).Nope()",
    "time.Now().Sub(time.Parse(ts)).String()",
  ),
  ...v(
    "strings.ToUpper(s)",
    "strings.ToLower('ABC')",
    "strings.ReplaceAll(s, 'l', 'L')",
    "strings.ReplaceAll(s, '', '-')",
    "strings.ToUpper(i)",
  ),
  ...v(
    "s == 'hello' and i > 2 or b",
    "not (i > 2) or s startsWith 'h'",
    "(i > 2) == b",
    "filter(items, {.n > i - 2})[0].name",
    "nope()",
    "s()",
  ),
];

/** All oracle cases. */
export const oracleCases: readonly OracleCase[] = [...catalog, ...operators];

// --- hand-checked cases

/** A v1.17 behaviour checked by hand against expr's documentation; `formatted` is Go's `%v` of the value. */
export interface HandCase {
  readonly source: string;
  readonly input: string;
  readonly ok: boolean;
  readonly formatted?: string;
  readonly note: string;
}

const h = (source: string, formatted: string | undefined, note: string, input = "values"): HandCase => ({
  source,
  input,
  ok: formatted !== undefined,
  ...(formatted !== undefined ? { formatted } : {}),
  note,
});

/** Cases whose v1.17 result differs from 1.8.9 or that 1.8.9 cannot run. */
export const handCases: readonly HandCase[] = [
  h("m.e?.f", "g", "?. on a present value"),
  h("n?.x", "<nil>", "?. on nil short-circuits"),
  h("missing?.x.y.z", "<nil>", "?. short-circuits the whole chain"),
  h("m?.nope.x", undefined, "?. protects only its left side: m.nope is nil, .x fails"),
  h("items[5]?.name", undefined, "index out of range is still an error"),
  h("n?.[0]", "<nil>", "?.[ on nil"),
  h("arr?.[1]", "2", "?.[ on an array"),
  h("s?.x", undefined, "?. on a string still fails like ."),
  h("n ?? 'dflt'", "dflt", "?? on nil"),
  h("e ?? 'dflt'", "", "?? keeps empty strings"),
  h("z ?? 5", "0", "?? keeps zero"),
  h("no ?? true", "false", "?? keeps false"),
  h("missing ?? n ?? 'last'", "last", "?? chains"),
  h("m.nope?.x ?? 'fallback'", "fallback", "?. then ??"),
  h("n ?? 1 + 2", undefined, "mixing ?? with + is a compile error"),
  h("1 + n ?? 2", "3", "a + b ?? c parses as a + (b ?? c)"),
  h("7 / 2", "3.5", "int / int is float since 1.10"),
  h("4 / 2", "2", "int / int is float (prints 2)"),
  h("type(4 / 2)", "float", "int / int yields float"),
  h("i / 0", "+Inf", "float division by zero is +Inf"),
  h("-2 ** 2", "-4", "unary minus binds looser than ** since 1.10"),
  h("2 ^ 3", "8", "^ is power since 1.10"),
  h("1 * time.Minute", "1m0s", "int * Duration since 1.15"),
  h("time.Minute * 2", "2m0s", "Duration * int"),
  h("time.Minute * 1.5", "9e+10", "Duration * float is float nanoseconds"),
  h("time.Hour + time.Minute", "1h1m0s", "Duration + Duration"),
  h("time.Hour - time.Minute", "59m0s", "Duration - Duration"),
  h("time.Parse(ts) + time.Hour", "2024-01-01 01:10:00 +0000 UTC", "Time + Duration"),
  h("time.Parse(ts) - time.Minute", "2024-01-01 00:09:00 +0000 UTC", "Time - Duration"),
  h("time.Now() - time.Parse(ts)", "20m0s", "Time - Time"),
  h("time.Now() > time.Parse(ts)", "true", "Time comparison"),
  h("time.Now() - time.Parse(ts) > time.Minute * 10", "true", "Duration comparison"),
  h("time.Minute > 5", undefined, "Duration vs int does not compare"),
  h("time.Parse(n)", undefined, 'nil argument becomes "" and fails to parse'),
  h("strings.ToUpper(n)", "", 'nil argument becomes ""'),
  h("time.Now().Weekday() == 1", "false", "Weekday is not an int"),
  h("string(time.Now().Weekday())", "Monday", "Weekday prints its name"),
  h("i % 2", "1", "% on ints from resources works in 1.17"),
  h("f % 2", undefined, "% on float fails"),
  h("arr[-1]", "3", "negative index from the end"),
  h("arr[-4]", undefined, "negative index out of range"),
  h("arr[1:-1]", "[2]", "negative slice bound"),
  h("any(items, .ok)", "true", "brace-less predicate"),
  h("filter(arr, # > 1) | map(# * 10) | sum()", "50", "pipes"),
  h("map(arr, {# * #index})", "[0 2 6]", "#index"),
  h("reduce(arr, #acc + #)", "6", "reduce without initial value"),
  h("reduce(arr, #acc + #, 10)", "16", "reduce with initial value"),
  h("reduce(ea, #acc + #)", undefined, "reduce of empty array"),
  h("count([true, false, true])", "2", "count without predicate"),
  h("sum(arr)", "6", "sum"),
  h("sum(items, .n)", "6", "sum with predicate"),
  h("find(items, .n > 1).name", "b", "find"),
  h("find(items, .n > 9)", "<nil>", "find without match"),
  h("findIndex(items, .name == 'c')", "2", "findIndex"),
  h("findLast(items, .ok).name", "c", "findLast"),
  h("findLastIndex(items, .ok)", "2", "findLastIndex"),
  h(
    "groupBy(items, .ok)",
    "map[false:[map[n:2 name:b ok:false tags:[]]] true:[map[n:1 name:a ok:true tags:[x]] map[n:3 name:c ok:true]]]",
    "groupBy",
  ),
  h("map(sortBy(items, .n, 'desc'), .name)", "[c b a]", "sortBy"),
  h("let x = i * 2; x + 1", "7", "let"),
  h("let x = 1; let x = 2; x", undefined, "let redeclaration"),
  h("i > 1; s", "hello", "sequence returns the last value"),
  h("if i > 5 { 'big' } else if i > 2 { 'mid' } else { 'small' }", "mid", "if / else if"),
  h("// comment\ni + 1 /* inline */", "4", "comments"),
  h("`raw\\n`", "raw\\n", "raw strings"),
  h("0b101 + 0o17", "20", "binary and octal literals"),
  h("1 < i < 5", "true", "chained comparison"),
  h("1 < i < 2", "false", "chained comparison false"),
  h("$env.s", "hello", "$env"),
  h("'s' in $env", "true", "in $env"),
  h("len('héllo')", "5", "len counts runes"),
  h("upper(s)", "HELLO", "upper"),
  h("lower('ABC')", "abc", "lower"),
  h("trim('  x  ')", "x", "trim"),
  h("trim('xxhixx', 'x')", "hi", "trim with cutset"),
  h("trimPrefix('prefix-x', 'prefix-')", "x", "trimPrefix"),
  h("trimSuffix('x.yaml', '.yaml')", "x", "trimSuffix"),
  h("split('a,b,c', ',')", "[a b c]", "split"),
  h("split('a,b,c', ',', 2)", "[a b,c]", "split with n"),
  h("splitAfter('a,b', ',')", "[a, b]", "splitAfter"),
  h("replace('aaa', 'a', 'b')", "bbb", "replace"),
  h("repeat('ab', 3)", "ababab", "repeat"),
  h("repeat('a', -1)", undefined, "repeat negative"),
  h("repeat('a', 2000000)", undefined, "repeat over the memory budget"),
  h("join(strs, '-')", "a-b-c", "join"),
  h("join(arr)", undefined, "join of non-strings"),
  h("indexOf('héllo', 'l')", "3", "indexOf is a byte index"),
  h("lastIndexOf(s, 'l')", "3", "lastIndexOf"),
  h("hasPrefix(s, 'he')", "true", "hasPrefix"),
  h("hasSuffix(s, 'x')", "false", "hasSuffix"),
  h("abs(neg)", "7", "abs"),
  h("abs(-1.5)", "1.5", "abs float"),
  h("ceil(1.2)", "2", "ceil"),
  h("floor(f)", "1", "floor"),
  h("round(2.5)", "3", "round half away from zero"),
  h("int(f)", "1", "int truncates"),
  h("int('42')", "42", "int parses"),
  h("int('x')", undefined, "int of a non-number"),
  h("float(i)", "3", "float"),
  h("float('2.5')", "2.5", "float parses"),
  h("string(i)", "3", "string"),
  h("string(m.d)", "[1 2]", "string of an array"),
  h("string(big * 1.0)", "1.234567e+06", "string of a large float"),
  h("max(arr)", "3", "max over an array"),
  h("max(1, 5, 2)", "5", "max"),
  h("min(arr, 0)", "0", "min"),
  h("mean(arr)", "2", "mean"),
  h("median([1, 3, 2, 4])", "2.5", "median"),
  h("toJSON(m.d)", "[\n  1,\n  2\n]", "toJSON"),
  h("toJSON({b: 1, a: '<'})", '{\n  "a": "\\u003c",\n  "b": 1\n}', "toJSON sorts keys and escapes"),
  h("fromJSON('{\"a\": 1}').a", "1", "fromJSON"),
  h("fromJSON('{')", undefined, "fromJSON bad input"),
  h("toBase64('hi')", "aGk=", "toBase64"),
  h("fromBase64('aGk=')", "hi", "fromBase64"),
  h("fromBase64('!!')", undefined, "fromBase64 bad input"),
  h("duration('1h30m')", "1h30m0s", "duration"),
  h("duration('x')", undefined, "duration bad input"),
  h("date('2024-01-02')", "2024-01-02 00:00:00 +0000 UTC", "date"),
  h("date('02/01/2024', '02/01/2006')", "2024-01-02 00:00:00 +0000 UTC", "date with layout"),
  h("date('nope')", undefined, "date bad input"),
  h("first(arr)", "1", "first"),
  h("first(ea)", "<nil>", "first of empty"),
  h("last(strs)", "c", "last"),
  h("get(m, 'a')", "1", "get"),
  h("get(arr, 10)", "<nil>", "get out of range"),
  h("get(n, 'a')", "<nil>", "get on nil"),
  h("take(arr, 2)", "[1 2]", "take"),
  h("sort(keys(m))", "[a b c d e]", "keys"),
  h("len(values(m))", "5", "values"),
  h("reverse(arr)", "[3 2 1]", "reverse"),
  h("uniq([1, 2, 1, 3])", "[1 2 3]", "uniq"),
  h("concat(arr, strs)", "[1 2 3 a b c]", "concat"),
  h("flatten([1, [2, [3]]])", "[1 2 3]", "flatten"),
  h("sort([3, 1, 2])", "[1 2 3]", "sort"),
  h("sort(strs, 'desc')", "[c b a]", "sort desc"),
  h("bitand(12, 10)", "8", "bitand"),
  h("bitor(12, 10)", "14", "bitor"),
  h("bitshl(1, 4)", "16", "bitshl"),
  h("type(i)", "int", "type"),
  h("type(f)", "float", "type float"),
  h("type(n)", "nil", "type nil"),
  h("type(strs)", "array", "type array"),
  h("s contains n", "false", "nil operand of contains is false since 1.16.8"),
  h("n startsWith 'a'", "false", "nil operand of startsWith"),
  h("n matches 'a'", "false", "nil operand of matches"),
  h("s not contains 'x'", "true", "not contains"),
  h("s not startsWith 'h'", "false", "not startsWith"),
  h("s not matches '^h'", "false", "not matches"),
  h("n in ['a']", "false", 'nil in string-literal array is a set lookup of "" since 1.12.5 (1.8.9: error)'),
  h("len(1..2000000)", undefined, "range over the memory budget"),
  h("map(1..1000, map(1..1000, map(1..1000, 1)))", undefined, "runaway nesting is stopped by the budget"),
  h("reduce(1..64, #acc + #acc, 'xx')", undefined, "string growth is bounded"),
  h("m.constructor", "<nil>", "no path to prototypes: constructor is a missing key"),
  h("m.__proto__", "<nil>", "no path to prototypes: __proto__ is a missing key"),
  h("m['toString']", "<nil>", "no path to prototypes: inherited names are missing keys"),
  h("s.length", undefined, "no JS properties on strings"),
  h("arr.length", undefined, "no JS properties on arrays"),
  h("time.Now().constructor", undefined, "only exported Go methods on times"),
  h("time.Parse(ts).format('x')", undefined, "lower-case JS methods are not Go methods"),
  h("$env.constructor", "<nil>", "$env has no prototype path"),
  h("app.status.operationState?.syncResult?.revision", "<nil>", "catalog oncePer before any sync", "app-no-operation"),
  h(
    "app.status.operationState?.syncResult?.revision",
    undefined,
    "catalog oncePer on an app without status: ?. does not protect app.status",
    "app-new",
  ),
  h("arr == [1, 2, 3]", "true", "arrays compare element-wise across int kinds since 1.10 (1.8.9: false)"),
  h("m.d == [1, 2]", "true", "nested arrays compare element-wise since 1.10 (1.8.9: false)"),
  h("5..1", "[]", "an empty range since 1.9 (1.8.9 panics)"),
  h("len(unicode)", "11", "len counts runes since 1.17 (1.8.9: 13 bytes)"),
  h(
    "app.status?.operationState.phase in ['Succeeded']",
    undefined,
    "documented form errors when status exists without operationState (expr >=1.10)",
    "app-no-operation",
  ),
  h(
    "app.status?.operationState.phase in ['Succeeded']",
    "true",
    "documented form works when operationState exists",
    "app-deployed",
  ),
  h("app.status.operationState?.phase in ['Succeeded']", "false", "safe form before any sync", "app-no-operation"),
];
