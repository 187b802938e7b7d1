import { describe, expect, it } from "vitest";
import { googlechatProvider } from "../../../providers/googlechat/googlechat.ts";
import { notificationTo, prepareWith, readWith, refusal, requestOf } from "../../_helpers/delivery.ts";

const url = "https://chat.googleapis.com/v1/spaces/AAA/messages?key=KEY&token=TOKEN";
const settings = { webhooks: { space: url } };

describe("googlechat", () => {
  it("sends the message as text, to the space's URL (Go vectors 1, 5, 6)", () => {
    const d = prepareWith(
      googlechatProvider,
      settings,
      notificationTo("googlechat", "space", { message: "message value" }),
    );
    expect(requestOf(d)).toEqual({
      method: "POST",
      url,
      headers: { "Content-Type": "application/json" },
      body: '{"text":"message value"}',
    });
    expect(readWith(d, 200, "{}")).toEqual({ _tag: "Done" });
  });

  it("adds the thread to the query, keys sorted (Go vectors 2, 7)", () => {
    const d = prepareWith(
      googlechatProvider,
      settings,
      notificationTo("googlechat", "space", { message: "m", blocks: { googlechat: { threadKey: "testThreadKey" } } }),
    );
    expect(requestOf(d).url).toBe(
      "https://chat.googleapis.com/v1/spaces/AAA/messages?key=KEY&messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD&threadKey=testThreadKey&token=TOKEN",
    );
  });

  it("sends cards with an empty text, empty values left out (Go vectors 3, 4)", () => {
    const cards = [{
      sections: [{
        widgets: [{ textParagraph: { text: "text" } }, { keyValue: { topLabel: "topLabel" } }, {
          image: { imageUrl: "imageUrl" },
        }, { buttons: [{ textButton: { text: "button" } }] }],
      }],
    }];
    const cardsV2 = [{
      header: { title: "Action test as been completed" },
      sections: [{ header: "Metadata", collapsible: false, uncollapsibleWidgetsCount: 1 }],
    }];
    const d = prepareWith(
      googlechatProvider,
      settings,
      notificationTo("googlechat", "space", { message: "not sent", blocks: { googlechat: { cards, cardsV2 } } }),
    );
    expect(JSON.parse(requestOf(d).body ?? "")).toEqual({
      text: "",
      cards,
      cardsV2: [{
        cardId: "card-1",
        card: {
          header: { title: "Action test as been completed" },
          sections: [{ header: "Metadata", uncollapsibleWidgetsCount: 1 }],
        },
      }],
    });
  });

  it("refuses an unknown recipient and cards that are not a list", () => {
    expect(refusal(googlechatProvider, settings, notificationTo("googlechat", "other"))).toBe(
      "no Google chat webhook configured for recipient other",
    );
    expect(
      refusal(
        googlechatProvider,
        settings,
        notificationTo("googlechat", "space", { blocks: { googlechat: { cards: { a: 1 } } } }),
      ),
    ).toBe(
      "cannot create message: googlechat.cards must be a list of cards",
    );
  });

  it("reads an error answer, a non-2xx and a body that is not JSON as refusals", () => {
    const d = prepareWith(googlechatProvider, settings, notificationTo("googlechat", "space"));
    expect(readWith(d, 400, '{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}')).toMatchObject({
      _tag: "Rejected",
      retryable: false,
      cause: expect.stringContaining("code=400 status=INVALID_ARGUMENT message=bad"),
    });
    expect(readWith(d, 503, "{}")).toMatchObject({ _tag: "Rejected", retryable: true });
    expect(readWith(d, 200, "<html>")).toMatchObject({ _tag: "Rejected", retryable: false });
    expect(readWith(d, 200, '{"name":"spaces/AAA/messages/M"}')).toEqual({
      _tag: "Done",
      messageRef: "spaces/AAA/messages/M",
    });
  });

  it("with idempotent, names the message after the notification, and takes a 409 as already delivered", () => {
    const raw = { ...settings, idempotent: true };
    const n = notificationTo("googlechat", "space", { message: "m" });
    const a = prepareWith(googlechatProvider, raw, n, { idempotencyKey: "k1" });
    const b = prepareWith(googlechatProvider, raw, n, { idempotencyKey: "k1" });
    const c = prepareWith(googlechatProvider, raw, n, { idempotencyKey: "k2" });
    const id = new URL(requestOf(a).url).searchParams.get("messageId");
    expect(id).toMatch(/^client-[0-9a-f]{40}$/);
    expect(requestOf(b).url).toBe(requestOf(a).url);
    expect(new URL(requestOf(c).url).searchParams.get("messageId")).not.toBe(id);
    expect(readWith(a, 409, '{"error":{"code":409,"status":"ALREADY_EXISTS"}}')).toEqual({ _tag: "Done" });
  });
});
