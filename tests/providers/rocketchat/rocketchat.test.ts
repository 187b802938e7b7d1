import { describe, expect, it } from "vitest";
import { rocketchatProvider } from "../../../providers/rocketchat/rocketchat.ts";
import { notificationTo, prepareWith, readWith, requestOf } from "../../_helpers/delivery.ts";
import type { Delivery } from "../../../providers/mod.ts";

const settings = { serverUrl: "https://chat.example.com", email: "bot@example.com", password: "pw" };

function loggedIn(d: Delivery): Delivery {
  const r = readWith(d, 200, '{"status":"success","data":{"authToken":"tok","userId":"uid"}}');
  if (r._tag !== "Next") throw new Error(r._tag);
  return r.next;
}

describe("rocketchat", () => {
  it("logs in with a form, then posts with the login's token (the port always written)", () => {
    const d = prepareWith(rocketchatProvider, settings, notificationTo("rocketchat", "#general", { message: "hi" }));
    expect(requestOf(d)).toEqual({
      method: "POST",
      url: "https://chat.example.com:443/api/v1/login",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "password=pw&user=bot%40example.com",
    });
    const post = loggedIn(d);
    expect(requestOf(post)).toEqual({
      method: "POST",
      url: "https://chat.example.com:443/api/v1/chat.postMessage",
      headers: { "Content-Type": "application/json", "X-Auth-Token": "tok", "X-User-Id": "uid" },
      body: '{"channel":"#general","text":"hi"}',
    });
    expect(readWith(post, 200, '{"success":true,"message":{"_id":"m1"}}')).toEqual({ _tag: "Done", messageRef: "m1" });
  });

  const recipients = [
    { recipient: "#general", field: "channel" },
    { recipient: "@alice", field: "channel" },
    { recipient: "ROOMID", field: "roomId" },
  ] as const;
  for (const r of recipients) {
    it(`sends ${r.recipient} as ${r.field}`, () => {
      const post = loggedIn(
        prepareWith(rocketchatProvider, settings, notificationTo("rocketchat", r.recipient, { message: "m" })),
      );
      expect(JSON.parse(requestOf(post).body ?? "")).toEqual({ [r.field]: r.recipient, text: "m" });
    });
  }

  it("adds alias, emoji, avatar and attachments", () => {
    const raw = {
      ...settings,
      serverUrl: "http://chat:3000/rc/",
      alias: "Argo",
      icon: ":rocket:",
      avatar: "https://x/a.png",
    };
    const post = loggedIn(
      prepareWith(
        rocketchatProvider,
        raw,
        notificationTo("rocketchat", "R", { blocks: { rocketchat: { attachments: [{ text: "a" }] } } }),
      ),
    );
    expect(requestOf(post).url).toBe("http://chat:3000/rc/api/v1/chat.postMessage");
    expect(requestOf(post).body).toBe(
      '{"roomId":"R","alias":"Argo","emoji":":rocket:","avatar":"https://x/a.png","attachments":[{"text":"a"}]}',
    );
  });

  it("ignores an icon that is not an emoji and an avatar that is not a URL, with warnings (Go vectors)", () => {
    const emoji = [":slack:", ":chart_with_upwards_trend:"];
    for (const icon of emoji) expect(rocketchatProvider.decodeSettings({ ...settings, icon }).value?.emoji).toBe(icon);
    const bad = rocketchatProvider.decodeSettings({
      ...settings,
      icon: "http://lorempixel.com/48/48",
      avatar: "ftp://favicon.ico",
    });
    expect(bad.value).toMatchObject({ emoji: "", avatar: "" });
    expect(bad.diagnostics.map((d) => d.severity)).toEqual(["warning", "warning"]);
  });

  const answers = [
    {
      name: "success: false with an error",
      status: 200,
      body: '{"success":false,"error":"room not found"}',
      cause: "rocketchat chat.postMessage: room not found",
      retryable: false,
    },
    {
      name: "a status and a message",
      status: 400,
      body: '{"status":"error","message":"bad"}',
      cause: "rocketchat chat.postMessage: status: error, message: bad",
      retryable: false,
    },
    {
      name: "no success and nothing else",
      status: 200,
      body: "{}",
      cause: "rocketchat chat.postMessage: got false response",
      retryable: false,
    },
    {
      name: "a 502 that is not JSON",
      status: 502,
      body: "<html>",
      cause: "rocketchat chat.postMessage answered status 502 with something that is not a JSON object: <html>",
      retryable: true,
    },
  ] as const;
  for (const a of answers) {
    it(`refuses ${a.name}`, () => {
      const post = loggedIn(prepareWith(rocketchatProvider, settings, notificationTo("rocketchat", "R")));
      expect(readWith(post, a.status, a.body)).toEqual({ _tag: "Rejected", retryable: a.retryable, cause: a.cause });
    });
  }

  it("requires serverUrl, email and password", () => {
    expect(rocketchatProvider.decodeSettings({}).diagnostics.map((d) => d.message)).toEqual([
      "the rocketchat service needs a serverUrl (an absolute URL)",
      "the rocketchat service needs an email (the login user)",
      "the rocketchat service needs a password",
    ]);
  });
});
