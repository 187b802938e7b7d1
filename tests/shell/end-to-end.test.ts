/**
 * From a ConfigMap to the receivers: decodeConfig, evaluate, deliver — a broken part fails alone, and a failed
 * delivery is never recorded as delivered.
 */
import { describe, expect, it } from "vitest";
import { clearNotified, decodeConfig, evaluate, formatDiagnostic } from "../../mod.ts";
import { deliver } from "../../lib/shell/mod.ts";
import { fakeIO } from "../_helpers/delivery.ts";
import { withLoopback } from "../_helpers/loopback.ts";

const annotations = {
  "notifications.argoproj.io/subscribe.on-ready.slack": "ops",
  "notifications.argoproj.io/subscribe.on-ready.hook": "",
  "notifications.argoproj.io/subscribe.on-broken.slack": "ops",
};
const resource = { metadata: { name: "web", annotations }, status: { ready: true } };

function configFor(url: string) {
  return decodeConfig({
    data: {
      "trigger.on-ready": "- when: obj.status.ready\n  send: [ready]",
      "trigger.on-broken": "- when: obj.status.ready\n  send: [broken]",
      "template.ready":
        "message: '{{.obj.metadata.name}} is ready'\nwebhook:\n  hook:\n    method: POST\n    body: '{\"name\": \"{{.obj.metadata.name}}\"}'\n",
      "template.broken": 'message: x\nslack:\n  attachments: |\n    [{"title": "{{.obj.metadata.name}}",}]\n',
      "service.slack": `token: xoxb-1\napiURL: ${url}/api/`,
      "service.webhook.hook": `url: ${url}/hook`,
    },
  });
}

describe("decodeConfig → evaluate → deliver", () => {
  it("delivers what works, reports the Slack attachments that render to invalid JSON, and records only that", async () => {
    await withLoopback(
      (r) => (r.path.startsWith("/api/") ? { body: '{"ok":true,"channel":"C1","ts":"1.2"}' } : {}),
      async (server) => {
        const { config, diagnostics } = configFor(server.url);
        expect(diagnostics).toEqual([]);
        const decision = evaluate(resource, config, { now: Date.parse("2024-01-02T03:04:05Z") });
        expect(decision.diagnostics.map(formatDiagnostic)).toEqual([
          expect.stringMatching(
            /^template\.broken: slack\.attachments: the rendered text is not valid JSON: line 1, column 18: /,
          ),
        ]);
        expect(decision.notifications.map((n) => `${n.trigger} ${n.destination.service}`)).toEqual([
          "on-ready hook",
          "on-ready slack",
        ]);
        const outcomes = await Promise.all(decision.notifications.map((n) => deliver(n, config, fakeIO())));
        expect(outcomes.map((o) => o._tag)).toEqual(["Delivered", "Delivered"]);
        expect(server.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
          "POST /api/chat.postMessage",
          "POST /hook",
        ]);
        expect(Object.keys(decision.state).some((k) => k.includes("on-broken"))).toBe(false);
      },
    );
  });

  it("un-records a notification whose delivery failed, so the next pass sends it again", async () => {
    await withLoopback((r) => (r.path === "/hook" ? { status: 400 } : { body: '{"ok":true}' }), async (server) => {
      const { config } = configFor(server.url);
      const now = Date.parse("2024-01-02T03:04:05Z");
      const first = evaluate(resource, config, { now });
      let state = first.state;
      for (const n of first.notifications) {
        const outcome = await deliver(n, config, fakeIO());
        if (outcome._tag === "Failed") state = clearNotified(state, n.stateKey).state;
      }
      const again = evaluate(resource, config, { now: now + 60_000, state });
      expect(again.notifications.map((n) => n.destination.service)).toEqual(["hook"]);
    });
  });
});
