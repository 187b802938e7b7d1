/**
 * Every HTTP service of part 2 under the one delivery policy, against a real loopback receiver: a 429 and a 5xx are
 * sent again (the same request, so the same idempotency key), another 4xx is not, a receiver that never answers
 * times out, and the secrets of the settings appear in no outcome.
 */
import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../mod.ts";
import { deliver, type DeliveryOutcome } from "../../lib/shell/mod.ts";
import { fakeIO, notificationTo } from "../_helpers/delivery.ts";
import type { Deliverable } from "../../lib/shell/mod.ts";
import { type Recorded, type Reply, withLoopback } from "../_helpers/loopback.ts";

interface Service {
  readonly name: string;
  readonly settings: (url: string) => string;
  readonly notification: Deliverable;
  /** What a success looks like. */
  readonly ok: Reply;
  /** The idempotency key as the receiver sees it. */
  readonly key?: (r: Recorded) => unknown;
  readonly secrets: readonly string[];
}

const host = (url: string): string => url.replace(/^http:\/\//, "");

const services: readonly Service[] = [
  {
    name: "pagerdutyv2",
    settings: (url) => `apiURL: ${url}\nserviceKeys:\n  ops: pd-SECRET-routing`,
    notification: notificationTo("pagerdutyv2", "ops", {
      message: "m",
      blocks: { pagerdutyv2: { summary: "s", severity: "critical", source: "argocd" } },
    }, "state-1"),
    ok: { status: 202, body: '{"status":"success","dedup_key":"x"}' },
    key: (r) => JSON.parse(r.body).dedup_key,
    secrets: ["pd-SECRET-routing"],
  },
  {
    name: "opsgenie",
    settings: (url) => `apiUrl: ${host(url)}\napiKeys:\n  ops: genie-SECRET-key`,
    notification: notificationTo("opsgenie", "ops", { message: "m" }, "state-1"),
    ok: { status: 202, body: '{"result":"Request will be processed","requestId":"r"}' },
    key: (r) => JSON.parse(r.body).alias,
    secrets: ["genie-SECRET-key"],
  },
  {
    name: "pagerduty",
    settings: (url) => `apiURL: ${url}\ntoken: pd-SECRET-token\nfrom: ops@example.com`,
    notification: notificationTo("pagerduty", "PSERVICE", {
      message: "m",
      blocks: { pagerduty: { title: "t", body: "b", urgency: "high", priorityId: "" } },
    }, "state-1"),
    ok: { status: 201, body: '{"incident":{"id":"Q1"}}' },
    key: (r) => JSON.parse(r.body).incident.incident_key,
    secrets: ["pd-SECRET-token"],
  },
  {
    name: "grafana",
    settings: (url) => `apiUrl: ${url}/api\napiKey: glsa_SECRET`,
    notification: notificationTo("grafana", "a|b", { message: "m" }),
    ok: { status: 200, body: "{}" },
    secrets: ["glsa_SECRET"],
  },
  {
    name: "newrelic",
    settings: (url) => `apiURL: ${url}\napiKey: NRAK-SECRET`,
    notification: notificationTo("newrelic", "123", { message: "m", blocks: { newrelic: { revision: "abc" } } }),
    ok: { status: 201, body: "{}" },
    secrets: ["NRAK-SECRET"],
  },
  {
    name: "alertmanager",
    settings: (url) => `targets: [${host(url)}]\nbearerToken: am-SECRET-token`,
    notification: notificationTo("alertmanager", "", {
      message: "m",
      blocks: { alertmanager: { labels: { alertname: "a" }, startsAt: "2024-01-02T03:04:05.000Z" } },
    }),
    ok: { status: 200, body: "" },
    secrets: ["am-SECRET-token"],
  },
];

function configFor(s: Service, url: string, extra = "") {
  const { config, diagnostics } = decodeConfig({ data: { [`service.${s.name}`]: s.settings(url) + extra } });
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return config;
}

const noSecret = (s: Service, o: DeliveryOutcome): void => {
  for (const secret of s.secrets) expect(JSON.stringify(o)).not.toContain(secret);
};

describe("part 2 services under the delivery policy", () => {
  for (const s of services) {
    it(`${s.name}: a 429 then a 503 are sent again, the same request (same idempotency key), delivered once`, async () => {
      await withLoopback(
        (
          _,
          i,
        ) => (i === 0
          ? { status: 429, headers: { "retry-after": "2" }, body: "slow down" }
          : i === 1
          ? { status: 503, body: "busy" }
          : s.ok),
        async (server) => {
          const io = fakeIO();
          const outcome = await deliver(s.notification, configFor(s, server.url), io);
          expect(outcome).toMatchObject({ _tag: "Delivered", attempts: 3 });
          expect(server.requests.length).toBe(3);
          expect(
            new Set(server.requests.map((r) => r.body)).size,
          ).toBe(1);
          expect(io.sleeps).toEqual([2000, 1000]);
          if (s.key !== undefined) {
            const key = s.key(server.requests[0]!);
            expect(key).toMatch(/^[0-9a-f]{40}$/);
            // the same notification delivered again (after a crash, say) carries the same key
            await deliver(s.notification, configFor(s, server.url), fakeIO());
            expect(s.key(server.requests[3]!)).toBe(key);
            await deliver({ ...s.notification, idempotencyKey: "state-2" }, configFor(s, server.url), fakeIO());
            expect(s.key(server.requests[4]!)).not.toBe(key);
          }
        },
      );
    });

    it(`${s.name}: a 400 is not sent again, and no secret shows`, async () => {
      await withLoopback((r) => ({ status: 400, body: JSON.stringify(r) }), async (server) => {
        const outcome = await deliver(s.notification, configFor(s, server.url), fakeIO());
        expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 1, status: 400 });
        expect(outcome._tag === "Failed" && outcome.cause.startsWith(`${s.name}: `)).toBe(true);
        noSecret(s, outcome);
      });
    });

    it(`${s.name}: a receiver that never answers times out, retryably`, async () => {
      await withLoopback(() => ({ hang: true }), async (server) => {
        const outcome = await deliver(
          s.notification,
          configFor(s, server.url, "\ndelivery:\n  timeout: 100ms\n  maxAttempts: 2"),
          fakeIO(),
        );
        expect(outcome).toMatchObject({ _tag: "Failed", retryable: true, attempts: 2 });
        expect(outcome._tag === "Failed" && outcome.cause).toContain("no response within 100 ms");
        noSecret(s, outcome);
      });
    });
  }
});
