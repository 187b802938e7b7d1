import { describe, expect, it } from "vitest";
import { telegramProvider } from "../../../providers/telegram/telegram.ts";
import { notificationTo, prepareWith, readWith, refusal, requestOf } from "../../_helpers/delivery.ts";
import type { Delivery } from "../../../providers/mod.ts";

const settings = { token: "123:abc" };

function sendMessage(recipient: string): Record<string, string> {
  const d = prepareWith(telegramProvider, settings, notificationTo("telegram", recipient, { message: "Test message" }));
  expect(requestOf(d)).toEqual({
    method: "POST",
    url: "https://api.telegram.org/bot123:abc/getMe",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
  const r = readWith(d, 200, '{"ok":true,"result":{"id":1}}');
  if (r._tag !== "Next") throw new Error(r._tag);
  const next: Delivery = r.next;
  expect(requestOf(next).url).toBe("https://api.telegram.org/bot123:abc/sendMessage");
  return Object.fromEntries(new URLSearchParams(requestOf(next).body ?? ""));
}

describe("telegram", () => {
  const cases = [
    { recipient: "-123456", chat: "-123456", thread: undefined },
    { recipient: "-123456|1", chat: "-123456", thread: "1" },
    { recipient: "123456", chat: "@123456", thread: undefined },
    { recipient: "mychannel", chat: "@mychannel", thread: undefined },
  ] as const;
  for (const c of cases) {
    it(`sends to ${c.recipient} as chat ${c.chat}${c.thread === undefined ? "" : ` in thread ${c.thread}`} (Go vectors)`, () => {
      const form = sendMessage(c.recipient);
      expect(form).toMatchObject({ chat_id: c.chat, parse_mode: "Markdown", text: "Test message" });
      expect(form["message_thread_id"]).toBe(c.thread);
    });
  }

  it("refuses a chat or thread id that is not a number", () => {
    expect(refusal(telegramProvider, settings, notificationTo("telegram", "-abc"))).toBe(
      'the telegram chat id "-abc" is not a whole number',
    );
    expect(refusal(telegramProvider, settings, notificationTo("telegram", "-1|x"))).toBe(
      'the telegram thread id "x" is not a whole number',
    );
  });

  it("reads ok: false as a refusal, whatever the status, and honours retry_after", () => {
    const d = prepareWith(telegramProvider, settings, notificationTo("telegram", "-1"));
    expect(readWith(d, 200, '{"ok":false,"error_code":401,"description":"Unauthorized"}')).toEqual({
      _tag: "Rejected",
      retryable: false,
      cause: "telegram getMe: Unauthorized",
    });
    expect(
      readWith(
        d,
        429,
        '{"ok":false,"error_code":429,"description":"Too Many Requests","parameters":{"retry_after":3}}',
      ),
    ).toMatchObject({
      retryable: true,
      retryAfterMs: 3000,
    });
  });

  it("requires a token", () => {
    expect(telegramProvider.decodeSettings({}).diagnostics.map((d) => d.message)).toEqual([
      "the telegram service needs a token",
    ]);
  });
});
