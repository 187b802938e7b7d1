import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../../mod.ts";
import { mattermostProvider } from "../../../providers/mattermost/mattermost.ts";
import { notificationTo, prepareWith, readWith, refusal, requestOf } from "../../_helpers/delivery.ts";

const settings = { apiURL: "https://mm.example.com", token: "token" };
const attachments = [{
  title: "title",
  title_link: "https://argocd.example.com/applications/argocd-notifications",
  color: "#18be52",
  fields: [{ title: "Sync Status", value: "Synced", short: true }, {
    title: "Repository",
    value: "https://example.com",
    short: true,
  }],
}];

describe("mattermost", () => {
  it("posts the message and attachments to the channel (Go vector)", () => {
    const d = prepareWith(
      mattermostProvider,
      settings,
      notificationTo("mattermost", "channel", { message: "message", blocks: { mattermost: { attachments } } }),
    );
    const request = requestOf(d);
    expect(request).toMatchObject({
      method: "POST",
      url: "https://mm.example.com/api/v4/posts",
      headers: { "Content-Type": "application/json", Authorization: "Bearer token" },
    });
    expect(JSON.parse(request.body ?? "")).toEqual({
      channel_id: "channel",
      message: "message",
      props: { attachments },
    });
    expect(readWith(d, 200, "")).toEqual({ _tag: "Done" });
    expect(readWith(d, 201, '{"id":"p1"}')).toEqual({ _tag: "Done", messageRef: "p1" });
  });

  it("always sends an attachments list", () => {
    const d = prepareWith(mattermostProvider, settings, notificationTo("mattermost", "c", { message: "m" }));
    expect(requestOf(d).body).toBe('{"channel_id":"c","message":"m","props":{"attachments":[]}}');
  });

  it("refuses attachments that are not a JSON list", () => {
    const n = (a: unknown) => notificationTo("mattermost", "c", { blocks: { mattermost: { attachments: a } } });
    expect(refusal(mattermostProvider, settings, n("[{"))).toContain("mattermost.attachments is not valid JSON");
    expect(refusal(mattermostProvider, settings, n({ a: 1 }))).toBe("mattermost.attachments must be a JSON list");
  });

  it("reads a refusal", () => {
    const d = prepareWith(mattermostProvider, settings, notificationTo("mattermost", "c"));
    expect(readWith(d, 403, "forbidden")).toEqual({
      _tag: "Rejected",
      retryable: false,
      cause: "mattermost POST /api/v4/posts failed with status 403: forbidden",
    });
  });

  it("requires apiURL and token", () => {
    const { diagnostics } = decodeConfig({ data: { "service.mattermost": "apiUrl: ''" } });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "service.mattermost: line 1, column 9: the mattermost service needs an apiURL",
      "service.mattermost: line 1, column 1: the mattermost service needs a token",
    ]);
  });
});
