/** renderNotifications: templates rendered for destinations without a condition, as evaluate renders them. */
import { describe, expect, it } from "vitest";
import { decodeConfig, evaluate, renderNotifications, stateKey } from "../../../mod.ts";

const { config } = decodeConfig({
  data: {
    "trigger.on-ready": "- when: obj.status.ready\n  send: [ready, extra]",
    "template.ready": "message: '{{.obj.metadata.name}} is ready for {{.recipient}}'",
    "template.extra": "message: ''\nslack:\n  attachments: '[{\"title\": \"{{.obj.metadata.name}}\"}]'",
    "template.per-recipient": "message: '{{index .obj.status.list (len .recipient)}}'",
    "service.slack": "token: xoxb-1",
    subscriptions: "- recipients: [slack:platform]\n  triggers: [on-ready]\n  selector: team=platform",
  },
});
const prefix = "notifications.argoproj.io";
const now = Date.parse("2024-01-02T03:04:05Z");
const web = (annotations: Record<string, string> = {}, labels: Record<string, string> = {}) => ({
  metadata: { name: "web", annotations, labels },
  status: { ready: true, list: ["x", "y"] },
});
const slack = (recipient: string) => ({ service: "slack", recipient });

describe("renderNotifications()", () => {
  it("renders what evaluate sends for a condition with the same templates, and records nothing", () => {
    const resource = web({ [`${prefix}/subscribe.on-ready.slack`]: "a; b" }, { team: "platform" });
    const decided = evaluate(resource, config, { now, state: {} });
    const condition = config.triggers.get("on-ready")!.conditions[0]!;
    const rendered = renderNotifications(resource, config, {
      now,
      trigger: "on-ready",
      send: condition.send,
      conditionKey: condition.key,
    });
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.notifications).toEqual(decided.notifications);
    expect(rendered.notifications.map((n) => n.destination.recipient)).toEqual(["platform", "a", "b"]);
    expect("state" in rendered).toBe(false);
  });

  const cases = [
    {
      name: "a destination per recipient given",
      to: [slack("a"), slack("bcd")],
      send: ["per-recipient"],
      sent: ["y"],
      outcomes: [["a", "Sent"], ["bcd", "TemplateFailed"]],
      diagnostics: ["TemplateRender"],
    },
    {
      name: "a service that is not configured",
      to: [{ service: "teams", recipient: "ops" }, slack("c")],
      send: ["ready"],
      sent: ["web is ready for c"],
      outcomes: [["ops", "ServiceNotConfigured"], ["c", "Sent"]],
      diagnostics: ["UnknownService"],
    },
    {
      name: "a template that is not configured",
      to: [slack("c")],
      send: ["ready", "nope"],
      sent: [],
      outcomes: [["c", "TemplateFailed"]],
      diagnostics: ["UnknownTemplate"],
    },
    {
      name: "no destinations",
      to: [],
      send: ["ready"],
      sent: [],
      outcomes: [[undefined, "NotSubscribed"]],
      diagnostics: [],
    },
  ];
  for (const c of cases) {
    it(`explains ${c.name}`, () => {
      const r = renderNotifications(web(), config, { now, trigger: "preview", send: c.send, to: c.to, explain: true });
      expect(r.notifications.map((n) => n.content.message)).toEqual(c.sent);
      expect(r.diagnostics.map((d) => d._tag)).toEqual(c.diagnostics);
      expect(r.explanation.entries.map((e) => [e.destination?.recipient, e.outcome._tag])).toEqual(c.outcomes);
      expect(r.explanation.entries.every((e) => e.condition === undefined)).toBe(true);
      expect(r.explanation.subscriptions.given).toBe(true);
    });
  }

  it("gives each failure's diagnostic to its own destination", () => {
    const r = renderNotifications(web(), config, {
      now,
      trigger: "preview",
      send: ["per-recipient"],
      to: [slack("bcd"), slack("a"), slack("efgh")],
      explain: true,
    });
    const errors = r.explanation.entries.map((e) => ("error" in e.outcome ? e.outcome.error : undefined));
    expect(errors).toEqual([r.diagnostics[0], undefined, r.diagnostics[1]]);
    expect(r.diagnostics[0]?.message).not.toBe(r.diagnostics[1]?.message);
  });

  it("reads the resource's subscriptions to the trigger when no destinations are given, and says where they came from", () => {
    const subscribed = web({ [`${prefix}/subscribe.on-ready.slack`]: "a" });
    const r = renderNotifications(subscribed, config, { now, trigger: "on-ready", send: ["ready"], explain: true });
    expect(r.notifications.map((n) => n.destination)).toEqual([slack("a")]);
    expect(r.explanation.subscriptions.triggers["on-ready"]?.annotations).toEqual([
      `${prefix}/subscribe.on-ready.slack`,
    ]);
    const none = renderNotifications(web(), config, { now, trigger: "on-ready", send: ["ready"], explain: true });
    expect(none.notifications).toEqual([]);
    expect(none.explanation.entries.map((e) => [e.trigger, e.outcome._tag])).toEqual([["on-ready", "NotSubscribed"]]);
  });

  it("keys notifications like evaluate, in a namespace when given", () => {
    const r = renderNotifications(web(), config, {
      now,
      trigger: "on-x",
      send: ["ready"],
      conditionKey: "[0].abc",
      to: [slack("a")],
      apiNamespace: "team-a",
    });
    expect(r.notifications[0]?.stateKey).toBe(
      stateKey({ trigger: "on-x", conditionKey: "[0].abc", destination: slack("a"), apiNamespace: "team-a" }),
    );
  });

  it("reports a resource that is not an object and renders nothing", () => {
    const r = renderNotifications([], config, { now, trigger: "t", send: ["ready"], to: [slack("a")], explain: true });
    expect(r.notifications).toEqual([]);
    expect(r.diagnostics.map((d) => d._tag)).toEqual(["InvalidResource"]);
    expect(r.explanation.entries).toEqual([]);
  });
});
