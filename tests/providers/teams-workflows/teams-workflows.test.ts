import { describe, expect, it } from "vitest";
import { teamsWorkflowsProvider } from "../../../providers/teams-workflows/teams-workflows.ts";
import { notificationTo, prepareWith, readWith, refusal, requestOf } from "../../_helpers/delivery.ts";

const url = "https://api.powerautomate.com/webhook/abc123";
const settings = { recipientUrls: { ops: url } };
const card = (body: string): unknown =>
  (JSON.parse(body) as { attachments: { content: unknown }[] }).attachments[0]?.content;

describe("teams-workflows", () => {
  it("wraps a card of the message in a message envelope (Go vector 1)", () => {
    const d = prepareWith(
      teamsWorkflowsProvider,
      settings,
      notificationTo("teams-workflows", "ops", { message: "simple message" }),
    );
    expect(requestOf(d).body).toBe(
      '{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"simple message","wrap":true}]}}]}',
    );
    const empty = prepareWith(teamsWorkflowsProvider, settings, notificationTo("teams-workflows", "ops"));
    expect(card(requestOf(empty).body ?? "")).toEqual({ type: "AdaptiveCard", version: "1.4", body: [] });
  });

  it("sends a custom adaptiveCard as it is (Go vector 2)", () => {
    const adaptiveCard = {
      type: "AdaptiveCard",
      version: "1.4",
      body: [{ type: "TextBlock", text: "Custom Adaptive Card" }],
    };
    const d = prepareWith(
      teamsWorkflowsProvider,
      settings,
      notificationTo("teams-workflows", "ops", { blocks: { "teams-workflows": { adaptiveCard } } }),
    );
    expect(card(requestOf(d).body ?? "")).toEqual(adaptiveCard);
  });

  it("builds title, text, facts, section facts and OpenUri actions (Go vectors 3, 4, 6)", () => {
    const block = {
      title: "Title",
      summary: "Summary",
      text: "Text",
      facts: [{ name: "Status", value: "Success" }, { name: "Count", value: 42 }, { name: "None", value: null }, {
        value: "no name",
      }],
      sections: [{ facts: [{ name: "Namespace", value: "default" }, { name: "Cluster", value: "production" }] }],
      potentialAction: [
        { "@type": "OpenUri", name: "View Details", targets: [{ os: "default", uri: "https://example.com" }] },
        { "@type": "HttpPOST", name: "Post" },
      ],
      themeColor: "Good",
    };
    const d = prepareWith(
      teamsWorkflowsProvider,
      settings,
      notificationTo("teams-workflows", "ops", { message: "welcome message", blocks: { "teams-workflows": block } }),
    );
    expect(card(requestOf(d).body ?? "")).toEqual({
      type: "AdaptiveCard",
      version: "1.4",
      body: [
        { type: "TextBlock", text: "Title", size: "Large", weight: "Bolder", color: "Good", wrap: true },
        { type: "TextBlock", text: "Text", wrap: true },
        {
          type: "FactSet",
          facts: [{ title: "Status", value: "Success" }, { title: "Count", value: "42" }, {
            title: "None",
            value: "<nil>",
          }],
        },
        {
          type: "FactSet",
          facts: [{ title: "Namespace", value: "default" }, { title: "Cluster", value: "production" }],
        },
      ],
      actions: [{ type: "Action.OpenUrl", title: "View Details", url: "https://example.com" }],
    });
  });

  const urls = [
    { url: "https://api.powerautomate.com/webhook/abc123", error: undefined },
    { url: "https://api.powerplatform.com/webhook/abc123", error: undefined },
    { url: "https://flow.microsoft.com/webhook/abc123", error: undefined },
    { url: "https://example.com/powerautomate/webhook", error: undefined },
    { url: "http://localhost:8080/powerautomate/webhook", error: undefined },
    { url: "http://api.powerautomate.com/webhook", error: "webhook URL must use HTTPS scheme" },
    { url: "ftp://api.powerautomate.com/webhook", error: "webhook URL must use HTTPS scheme" },
    {
      url: "https://example.com/webhook",
      error: "webhook URL does not appear to be a valid Microsoft Teams Workflows URL (Power Automate)",
    },
  ] as const;
  for (const u of urls) {
    it(`${u.error === undefined ? "accepts" : "refuses"} ${u.url} (Go vector 7)`, () => {
      const raw = { recipientUrls: { ops: u.url } };
      const n = notificationTo("teams-workflows", "ops", { message: "m" });
      if (u.error === undefined) expect(requestOf(prepareWith(teamsWorkflowsProvider, raw, n)).url).toBe(u.url);
      else expect(refusal(teamsWorkflowsProvider, raw, n)).toBe(`invalid webhook URL for recipient ops: ${u.error}`);
    });
  }

  it("reads 2xx as delivered and says what the service answered otherwise (Go vector 8)", () => {
    const d = prepareWith(teamsWorkflowsProvider, settings, notificationTo("teams-workflows", "ops"));
    expect(readWith(d, 202, "")).toEqual({ _tag: "Done" });
    expect(readWith(d, 400, "error details")).toMatchObject({
      retryable: false,
      cause: expect.stringContaining("status 400: error details"),
    });
    expect(readWith(d, 500, "")).toMatchObject({
      retryable: true,
      cause: expect.stringContaining("status 500: no error details provided"),
    });
  });

  it("refuses an unknown recipient and fields that are not JSON (Go vectors 9, 10)", () => {
    expect(refusal(teamsWorkflowsProvider, settings, notificationTo("teams-workflows", "nonexistent"))).toBe(
      "no teams-workflows webhook configured for recipient nonexistent",
    );
    for (
      const [field, what] of [["facts", "facts"], ["sections", "sections"], ["potentialAction", "potential action"], [
        "adaptiveCard",
        "adaptiveCard",
      ]]
    ) {
      const n = notificationTo("teams-workflows", "ops", {
        blocks: { "teams-workflows": { [field as string]: "{not json" } },
      });
      expect(refusal(teamsWorkflowsProvider, settings, n)).toContain(`teams-workflows ${what} unmarshalling error`);
    }
  });
});
