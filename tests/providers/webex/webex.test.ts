import { describe, expect, it } from "vitest";
import { webexProvider } from "../../../providers/webex/webex.ts";
import { notificationTo, prepareWith, readWith, requestOf } from "../../_helpers/delivery.ts";

const settings = { token: "NRAK-5F2FIVA5UTA4FFDD11XCXVA7WPJ" };

describe("webex", () => {
  const recipients = [
    { recipient: "test@test.com", body: { toPersonEmail: "test@test.com", markdown: "message" } },
    { recipient: "test.test@test.com", body: { toPersonEmail: "test.test@test.com", markdown: "message" } },
    { recipient: "notAnEmail", body: { roomId: "notAnEmail", markdown: "message" } },
    { recipient: "notAnEmail@", body: { roomId: "notAnEmail@", markdown: "message" } },
    { recipient: "roomId123", body: { roomId: "roomId123", markdown: "message" } },
  ] as const;
  for (const r of recipients) {
    it(`sends to ${r.recipient} (Go vectors)`, () => {
      const d = prepareWith(webexProvider, settings, notificationTo("webex", r.recipient, { message: "message" }));
      expect(requestOf(d)).toMatchObject({
        method: "POST",
        url: "https://webexapis.com/v1/messages",
        headers: { "Content-Type": "application/json", Authorization: "Bearer NRAK-5F2FIVA5UTA4FFDD11XCXVA7WPJ" },
      });
      expect(JSON.parse(requestOf(d).body ?? "")).toEqual(r.body);
    });
  }

  it("takes only 200 as success (Go vector: 401 is an error)", () => {
    const d = prepareWith(webexProvider, { ...settings, apiURL: "https://webex.test/" }, notificationTo("webex", "r"));
    expect(requestOf(d).url).toBe("https://webex.test/v1/messages");
    expect(readWith(d, 200, "{}")).toEqual({ _tag: "Done" });
    expect(readWith(d, 401, "unauthorized")).toMatchObject({ _tag: "Rejected", retryable: false });
    expect(readWith(d, 204, "")).toMatchObject({ _tag: "Rejected" });
  });
});
