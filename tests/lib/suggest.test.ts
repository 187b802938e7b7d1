import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, suggest } from "../../lib/suggest.ts";

const distances = [
  { a: "", b: "send", expected: 4 },
  { a: "send", b: "send", expected: 0 },
  { a: "sned", b: "send", expected: 1 },
  { a: "snd", b: "send", expected: 1 },
  { a: "kitten", b: "sitting", expected: 3 },
] as const;

const suggestions = [
  { word: "sned", candidates: ["when", "oncePer", "description", "send"], expected: "send" },
  { word: "oncper", candidates: ["when", "oncePer", "description", "send"], expected: "oncePer" },
  { word: "Send", candidates: ["when", "send"], expected: "send" },
  { word: "reciepients", candidates: ["recipients", "triggers", "selector"], expected: "recipients" },
  { word: "colour", candidates: ["when", "send"], expected: undefined },
  { word: "attachements", candidates: ["text", "attachments", "blocks"], expected: "attachments" },
  { word: "slak", candidates: ["email", "slack", "teams"], expected: "slack" },
  { word: "Updat", candidates: ["Post", "PostAndUpdate", "Update"], expected: "Update" },
  { word: "triggers", candidates: ["trigger", "destinations"], expected: "trigger" },
  { word: "ab", candidates: ["cd"], expected: undefined },
] as const;

describe("editDistance()", () => {
  for (const c of distances) {
    it(`counts ${c.expected} between "${c.a}" and "${c.b}"`, () => {
      expect(editDistance(c.a, c.b)).toBe(c.expected);
    });
  }
});

describe("suggest()", () => {
  for (const c of suggestions) {
    it(`suggests ${String(c.expected)} for "${c.word}"`, () => {
      expect(suggest(c.word, c.candidates)).toBe(c.expected);
    });
  }
  it("words the hint", () => {
    expect(didYouMean("sned", ["send"])).toBe('did you mean "send"?');
  });
});
