/** The ConfigMap keys of message references: valid ConfigMap keys, distinct for distinct references. */
import { describe, it } from "vitest";
import fc from "fast-check";
import { messageDataKey } from "../../../lib/shell/kubernetes/configmap-message-store.ts";

describe("messageDataKey", () => {
  it("is always a valid ConfigMap key", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        (key) => /^[-._a-zA-Z0-9]{1,253}$/.test(messageDataKey(key) || "x"),
      ),
    );
  });

  it("maps distinct references to distinct keys", () => {
    // Past 189 bytes the key is a SHA-1 (its base64url would pass 253 characters): both forms are drawn and compared.
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.string({ maxLength: 300 }),
        (a, b) => a === b || messageDataKey(a) !== messageDataKey(b),
      ),
    );
  });
});
