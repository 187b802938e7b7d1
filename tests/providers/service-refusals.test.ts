/** The Go engine's refusals of part 2's HTTP services (its tests' vectors), and Alertmanager's instances. */
import { describe, expect, it } from "vitest";
import { builtinProviders } from "../../providers/mod.ts";
import { deliver } from "../../lib/shell/mod.ts";
import { configOf, fakeIO, notificationTo, refusal } from "../_helpers/delivery.ts";
import { withLoopback } from "../_helpers/loopback.ts";

const p = (name: string) => builtinProviders[name]!;

const refusals = [
  {
    service: "pagerdutyv2",
    settings: {},
    n: notificationTo("pagerdutyv2", "test-service"),
    expected: "no API key configured for recipient test-service",
  },
  {
    service: "pagerdutyv2",
    settings: { serviceKeys: { "test-service": "key" } },
    n: notificationTo("pagerdutyv2", "test-service"),
    expected: "no config found for pagerdutyv2",
  },
  {
    service: "opsgenie",
    settings: { apiKeys: {} },
    n: notificationTo("opsgenie", "testRecipient", { message: "m" }),
    expected: "no API key configured for recipient testRecipient",
  },
  {
    service: "opsgenie",
    settings: { apiKeys: { r: "k" } },
    n: notificationTo("opsgenie", "r", { message: "m", blocks: { opsgenie: { description: "" } } }),
    expected: "opsgenie notification description is missing",
  },
  {
    service: "opsgenie",
    settings: { apiKeys: { r: "k" } },
    n: notificationTo("opsgenie", "r", { message: "" }),
    expected: "message can not be empty",
  },
  {
    service: "newrelic",
    settings: { apiKey: "k" },
    n: notificationTo("newrelic", "1", { message: "m" }),
    expected: "config is missing",
  },
  {
    service: "newrelic",
    settings: {},
    n: notificationTo("newrelic", "1", { message: "m", blocks: { newrelic: {} } }),
    expected: "apiKey is missing",
  },
  {
    service: "alertmanager",
    settings: {},
    n: notificationTo("alertmanager", ""),
    expected: "notification alertmanager no config",
  },
  {
    service: "alertmanager",
    settings: {},
    n: notificationTo("alertmanager", "", { blocks: { alertmanager: { labels: {} } } }),
    expected: "alertmanager at least one label pair required",
  },
  {
    service: "pagerduty",
    settings: { token: "t" },
    n: notificationTo("pagerduty", "P1"),
    expected: "no config found for pagerduty",
  },
] as const;

describe("part 2 services: refusals before any request", () => {
  for (const r of refusals) {
    it(`${r.service}: ${r.expected}`, () => {
      expect(refusal(p(r.service), r.settings, r.n)).toBe(r.expected);
    });
  }
});

describe("alertmanager instances", () => {
  it("is delivered when one instance takes the alert and another is down", async () => {
    let down = "";
    // deno-lint-ignore require-await -- withLoopback takes an async body
    await withLoopback(() => ({}), async (s) => void (down = s.url.replace("http://", "")));
    await withLoopback(() => ({ status: 200 }), async (server) => {
      const config = configOf({
        "service.alertmanager": `targets: [${down}, ${server.url.replace("http://", "")}]\ndelivery:\n  maxAttempts: 1`,
      });
      const n = notificationTo("alertmanager", "", { blocks: { alertmanager: { labels: { alertname: "a" } } } });
      expect(await deliver(n, config, fakeIO())).toMatchObject({ _tag: "Delivered", attempts: 2 });
      expect(server.requests.length).toBe(1);
    });
  });

  it("fails with every instance's cause when none takes it", async () => {
    await withLoopback(() => ({ status: 400, body: "bad alert" }), async (server) => {
      const h = server.url.replace("http://", "");
      const config = configOf({ "service.alertmanager": `targets: [${h}, ${h}]` });
      const outcome = await deliver(
        notificationTo("alertmanager", "", { blocks: { alertmanager: { labels: { alertname: "a" } } } }),
        config,
        fakeIO(),
      );
      expect(outcome).toMatchObject({ _tag: "Failed", retryable: false, attempts: 2 });
      expect(outcome._tag === "Failed" && outcome.cause.split("; ").length).toBe(2);
    });
  });
});
