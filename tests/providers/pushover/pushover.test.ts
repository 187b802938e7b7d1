import { describe, expect, it } from "vitest";
import { pushoverProvider } from "../../../providers/pushover/pushover.ts";
import { notificationTo, prepareWith, readWith, refusal, requestOf } from "../../_helpers/delivery.ts";

const token = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";
const user = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";

describe("pushover", () => {
  it("posts the form the Go client sends", () => {
    const d = prepareWith(pushoverProvider, { token }, notificationTo("pushover", user, { message: "hello world" }));
    expect(requestOf(d)).toEqual({
      method: "POST",
      url: "https://api.pushover.net/1/messages.json",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `message=hello+world&priority=0&token=${token}&user=${user}`,
    });
  });

  const refusals = [
    { name: "an empty recipient", recipient: "", message: "m", expected: "pushover: empty recipient token" },
    {
      name: "a recipient that is not a key",
      recipient: "short",
      message: "m",
      expected: "pushover: invalid recipient token (30 letters and digits)",
    },
    { name: "an empty message", recipient: user, message: "", expected: "pushover: message empty" },
    {
      name: "a message over 1024 characters",
      recipient: user,
      message: "é".repeat(1025),
      expected: "pushover: message too long (more than 1024 characters)",
    },
  ] as const;
  for (const r of refusals) {
    it(`refuses ${r.name}`, () => {
      expect(refusal(pushoverProvider, { token }, notificationTo("pushover", r.recipient, { message: r.message })))
        .toBe(r.expected);
    });
  }

  it("requires a well-formed token", () => {
    expect(pushoverProvider.decodeSettings({}).diagnostics.map((d) => d.message)).toEqual([
      "the pushover service needs a token",
    ]);
    expect(pushoverProvider.decodeSettings({ token: "x" }).diagnostics.map((d) => d.message)).toEqual([
      "the pushover token must be 30 letters and digits",
    ]);
  });

  it("reads status 1 as delivered, even without the limit headers (unlike the Go client)", () => {
    const d = prepareWith(pushoverProvider, { token }, notificationTo("pushover", user, { message: "m" }));
    expect(readWith(d, 200, '{"status":1,"request":"r1"}')).toEqual({ _tag: "Done", messageRef: "r1" });
    expect(readWith(d, 400, '{"status":0,"errors":["user identifier is invalid"]}')).toEqual({
      _tag: "Rejected",
      retryable: false,
      cause: "pushover: user identifier is invalid",
    });
    expect(readWith(d, 500, "")).toMatchObject({ _tag: "Rejected", retryable: true });
  });
});
