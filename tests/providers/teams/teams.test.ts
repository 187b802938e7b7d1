import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { teamsProvider } from "../../../providers/teams/teams.ts";
import { notificationTo, prepareWith, readWith, refusal, requestOf } from "../../_helpers/delivery.ts";

const settings = { recipientUrls: { ops: "https://example.webhook.office.com/webhookb2/x" } };

describe("teams", () => {
  it("posts a MessageCard with Go's `context` key (Go vector 1)", () => {
    const d = prepareWith(teamsProvider, settings, notificationTo("teams", "ops", { message: "simple message" }));
    expect(requestOf(d)).toEqual({
      method: "POST",
      url: "https://example.webhook.office.com/webhookb2/x",
      headers: { "Content-Type": "application/json" },
      body:
        '{"@type":"MessageCard","context":"https://schema.org/extensions","title":"","summary":"","text":"simple message"}',
    });
  });

  it("sends the template's raw body as it is (Go vector 2)", () => {
    const d = prepareWith(
      teamsProvider,
      settings,
      notificationTo("teams", "ops", { blocks: { teams: { template: "template body" } } }),
    );
    expect(requestOf(d).body).toBe("template body");
  });

  it("builds the card from every field, facts as one more section (Go vector 3)", () => {
    const teams = {
      text: "Text",
      facts: [{ facts: true }],
      sections: [{ sections: true }],
      potentialAction: [{ actions: true }],
      title: "Title",
      summary: "Summary",
      themeColor: "#000080",
    };
    const d = prepareWith(
      teamsProvider,
      settings,
      notificationTo("teams", "ops", { message: "welcome message", blocks: { teams } }),
    );
    expect(requestOf(d).body).toBe(
      '{"@type":"MessageCard","context":"https://schema.org/extensions","title":"Title","summary":"Summary","text":"Text","themeColor":"#000080","potentialAction":[{"actions":true}],"sections":[{"sections":true},{"facts":[{"facts":true}]}]}',
    );
  });

  const answers = [
    { name: "200 with 1 is delivered", status: 200, body: "1", tag: "Done" },
    { name: "400 with 1 is delivered: the status does not count (Go vector 6)", status: 400, body: "1", tag: "Done" },
    { name: "200 with another body is refused (Go vectors 5, 7)", status: 200, body: "not one", tag: "Rejected" },
  ] as const;
  for (const a of answers) {
    it(a.name, () => {
      const d = prepareWith(teamsProvider, settings, notificationTo("teams", "ops"));
      expect(readWith(d, a.status, a.body)._tag).toBe(a.tag);
    });
  }

  it("refuses a recipient without a URL, and facts that are not a list of objects", () => {
    expect(refusal(teamsProvider, settings, notificationTo("teams", "dev"))).toBe(
      "no teams webhook configured for recipient dev",
    );
    expect(refusal(teamsProvider, settings, notificationTo("teams", "ops", { blocks: { teams: { facts: "[1]" } } })))
      .toContain("teams facts unmarshalling error");
  });

  it("reports a recipient URL that is not a URL, at its line", () => {
    const { diagnostics } = decodeConfig({ data: { "service.teams": "recipientUrls:\n  ops: not a url\n" } });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'service.teams: line 2, column 8: the URL of recipient "ops" is not an absolute URL',
    ]);
  });
});
