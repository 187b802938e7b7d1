import { describe, expect, it } from "vitest";
import { conditionKey } from "../../../lib/config/condition-key.ts";

// Expected values: "[i]." + base64.urlsafe_b64encode(hashlib.sha1(when)).rstrip("=") in Python, which is what the
// Go engine's base64.RawURLEncoding of sha1.Sum gives.
const cases = [
  { index: 0, when: "", expected: "[0].2jmj7l5rSw0yVb_vlWAYkK_YBwk" },
  { index: 0, when: "foo.status.ready", expected: "[0].Q9PIkxno1a5_1B188eKM2kht0gM" },
  {
    index: 0,
    when: "any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})",
    expected: "[0].SZBArcgXqyN6Jzybcdhv2DrVymo",
  },
  {
    index: 2,
    when: "app.status.operationState != nil and app.status.operationState.phase in ['Running']",
    expected: "[2].ic91dZU3WrtgRdlZCpg-L8ARI0Q",
  },
  { index: 1, when: "héllo wörld ✓ 🚀", expected: "[1].yDUIOGa38PGrGK2AVWjldThiwrA" },
] as const;

describe("conditionKey()", () => {
  for (const c of cases) {
    it(`keys [${c.index}] ${JSON.stringify(c.when)} as the Go engine does`, () => {
      expect(conditionKey(c.index, c.when)).toBe(c.expected);
    });
  }
});
