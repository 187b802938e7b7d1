// deno-lint-ignore-file no-explicit-any -- the scenarios patch deep fields of an Application
/**
 * Notification rules tested as data, the way a team would test its own: the official Argo CD catalog, unchanged,
 * decided for an Application going through a sync's life. No cluster, no network, no clock.
 */
import { describe, expect, it } from "vitest";
import { type Decision, decodeConfig, evaluate, type NotifiedState } from "../../mod.ts";
import { application, argoCdConfigMap, argoCdSecret } from "../_helpers/argocd.ts";

const { config, diagnostics } = decodeConfig(argoCdConfigMap(), argoCdSecret);
const prefix = "notifications.argoproj.io";
const annotations = {
  [`${prefix}/subscribe.on-sync-succeeded.slack`]: "deployments",
  [`${prefix}/subscribe.on-sync-failed.slack`]: "deployments; oncall",
  [`${prefix}/subscribe.on-sync-running.teams`]: "ops",
  [`${prefix}/subscribe.on-health-degraded.email`]: "team@example.com",
  [`${prefix}/subscribe.on-deployed.slack`]: "deployments",
  [`${prefix}/subscribe.on-sync-status-unknown.slack`]: "deployments",
  [`${prefix}/subscribe.on-deleted.slack`]: "deployments",
};
const base = application(annotations) as Record<string, any>;
const t0 = Date.parse("2024-01-02T03:05:00Z");

function withStatus(patch: (app: Record<string, any>) => void): Record<string, any> {
  const app = structuredClone(base);
  patch(app);
  return app;
}
const running = withStatus((a) => {
  a.status.operationState = { phase: "Running", startedAt: "2024-01-02T03:00:00Z", syncResult: { revision: "rev-2" } };
  a.status.health = { status: "Progressing", lastTransitionTime: "2024-01-02T02:00:00Z" };
});
const succeeded = withStatus((a) => {
  a.status.operationState.syncResult.revision = "rev-2";
});
const failed = withStatus((a) => {
  a.status.operationState = {
    phase: "Failed",
    message: "one or more objects failed to apply",
    startedAt: "2024-01-02T04:00:00Z",
    finishedAt: "2024-01-02T04:01:00Z",
    syncResult: { revision: "rev-3" },
  };
});
const degraded: Record<string, any> = structuredClone(failed);
degraded.status.health = { status: "Degraded", lastTransitionTime: "2024-01-02T04:02:00Z" };
const deleted: Record<string, any> = structuredClone(degraded);
deleted.metadata.deletionTimestamp = "2024-01-02T05:00:00Z";

function sent(d: Decision): string[] {
  return d.notifications.map((n) => `${n.trigger} → ${n.destination.service}:${n.destination.recipient}`);
}

describe("the Argo CD catalog as rules under test", () => {
  it("decodes without diagnostics", () => expect(diagnostics).toEqual([]));

  it("announces a sync when it starts, once", () => {
    const d = evaluate(running, config, { now: t0, resourceName: "app", state: {} });
    expect(d.diagnostics).toEqual([]);
    expect(sent(d)).toEqual(["on-sync-running → teams:ops"]);
    expect(d.notifications[0]?.content.blocks["teams"]?.["title"]).toBe("Start syncing application guestbook.");
    expect(sent(evaluate(running, config, { now: t0 + 1000, resourceName: "app", state: d.state }))).toEqual([]);
  });

  it("reports a successful sync and the deployment, with Slack's icon and attachments", () => {
    const d = evaluate(succeeded, config, { now: t0, resourceName: "app", state: {} });
    expect(d.diagnostics).toEqual([]);
    expect(sent(d)).toEqual(["on-deployed → slack:deployments", "on-sync-succeeded → slack:deployments"]);
    const syncOk = d.notifications.find((n) => n.trigger === "on-sync-succeeded");
    expect(syncOk?.oncePer).toBe("rev-2");
    expect(syncOk?.content.message).toBe(
      ":white_check_mark: Application guestbook has been successfully synced at 2024-01-02T03:01:00Z.\n" +
        "Sync operation details are available at: https://argocd.example.com/applications/guestbook?operation=true .\n",
    );
    const attachments = syncOk?.content.blocks["slack"]?.["attachments"] as {
      title: string;
      fields: { title: string }[];
    }[];
    expect(attachments[0]?.title).toBe("guestbook");
    expect(attachments[0]?.fields.map((f) => f.title)).toEqual(["Sync Status", "Repository", "SyncError"]);
  });

  it("walks a whole life: running, succeeded, failed, degraded, deleted — each notified once per revision", () => {
    let state: NotifiedState = {};
    const steps: [string, Record<string, unknown>, string[]][] = [
      ["running", running, ["on-sync-running → teams:ops"]],
      ["succeeded", succeeded, ["on-deployed → slack:deployments", "on-sync-succeeded → slack:deployments"]],
      ["succeeded again", succeeded, []],
      ["failed", failed, ["on-sync-failed → slack:deployments", "on-sync-failed → slack:oncall"]],
      ["degraded", degraded, ["on-health-degraded → email:team@example.com"]],
      ["deleted", deleted, ["on-deleted → slack:deployments"]],
    ];
    steps.forEach(([, app, expected], i) => {
      const d = evaluate(app, config, { now: t0 + i * 60_000, resourceName: "app", state });
      expect(d.diagnostics).toEqual([]);
      expect(sent(d)).toEqual(expected);
      state = d.state;
    });
    expect(Object.keys(state).every((k) => /^(rev-2|rev-3|[0-9a-f]{40}|guestbook):on-/.test(k))).toBe(true);
  });

  it("puts the e-mail subject and the failure message in the failed-sync notification", () => {
    const d = evaluate(failed, config, { now: t0, resourceName: "app", state: {} });
    const [first] = d.notifications;
    expect(first?.content.blocks["email"]?.["subject"]).toBe("Failed to sync application guestbook.");
    expect(first?.content.message).toContain(
      "has failed at 2024-01-02T04:01:00Z with the following error: one or more objects failed to apply",
    );
  });
});
