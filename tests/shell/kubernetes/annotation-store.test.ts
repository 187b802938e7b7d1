/** The annotation store's patch: only the one annotation, byte-compatible with the Go engine, removed when empty. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { annotationPatch } from "../../../lib/shell/kubernetes/annotation-store.ts";
import { decodeNotifiedState } from "../../../mod.ts";

describe("annotationPatch", () => {
  it("names only metadata.annotations[notified.<prefix>]", () => {
    expect(annotationPatch({ "k": 1 }, { prefix: "example.com" })).toEqual({
      metadata: { annotations: { "notified.example.com": '{"k":1}' } },
    });
  });

  it("round-trips any state through the annotation value", () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.integer({ min: 0, max: 2 ** 40 }), { minKeys: 1 }), (state) => {
      const value = (annotationPatch(state) as { metadata: { annotations: Record<string, string> } }).metadata
        .annotations["notified.notifications.argoproj.io"]!;
      expect(decodeNotifiedState(value).state).toEqual(
        Object.fromEntries(Object.entries(state).map(([k, v]) => [k.toWellFormed(), v])),
      );
    }));
  });
});
