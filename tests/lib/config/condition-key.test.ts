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

// SHA-1 known vectors (FIPS 180 examples, and lengths around the 55/56/64-byte padding boundaries), as keys: the
// same Python expression as above.
const vectors = [
  { name: "abc", when: "abc", expected: "qZk-NkcGgWq6PiVxeFDCbJzQ2J0" },
  {
    name: "the two-block FIPS example",
    when: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
    expected: "hJg-RBw70m66rkqh-VEp5eVGcPE",
  },
  {
    name: "the quick brown fox",
    when: "The quick brown fox jumps over the lazy dog",
    expected: "L9ThxnotKPzthJ7hu3bnORuT6xI",
  },
  { name: "1 × a", when: "a".repeat(1), expected: "hvfkN_qlp_zhXR3cuerq6jd2Z7g" },
  { name: "55 × a", when: "a".repeat(55), expected: "wci73CJ5bijA4VFj0giZtlYh1lo" },
  { name: "56 × a", when: "a".repeat(56), expected: "wtszD2CDhUyZ1LW_tujynyAb5pk" },
  { name: "57 × a", when: "a".repeat(57), expected: "8I8kkI1oJVURG-f_bwBOeCg9mJo" },
  { name: "63 × a", when: "a".repeat(63), expected: "A_CfWxWKeoza2SC93Cm4HBilUfU" },
  { name: "64 × a", when: "a".repeat(64), expected: "AJi6gktcFkJ716ESKlpEKiXsZE0" },
  { name: "65 × a", when: "a".repeat(65), expected: "EWVTJscI1wMZviYQ6KV9mluVnTs" },
  { name: "119 × a", when: "a".repeat(119), expected: "7pcQZaqgF-BjKoymx3uzv4sd_FY" },
  { name: "120 × a", when: "a".repeat(120), expected: "80wUiDhTRqVXCboFbd0IKA3UxtY" },
  { name: "127 × a", when: "a".repeat(127), expected: "idlfoy7USnxhC37jhRfd9X4LuXU" },
  { name: "128 × a", when: "a".repeat(128), expected: "rVs_28tSZ3jCg50vFR6nU5leJqA" },
  { name: "129 × a", when: "a".repeat(129), expected: "2W3r8b3LyJbmwTTqdugUH0DXhTY" },
  { name: "a million × a", when: "a".repeat(1_000_000), expected: "NKqXPNTE2qT2Husr260nMWU0AW8" },
] as const;

describe("conditionKey()", () => {
  for (const c of cases) {
    it(`keys [${c.index}] ${JSON.stringify(c.when)} as the Go engine does`, () => {
      expect(conditionKey(c.index, c.when)).toBe(c.expected);
    });
  }
  for (const c of vectors) {
    it(`keys ${c.name} by its SHA-1`, () => {
      expect(conditionKey(0, c.when)).toBe(`[0].${c.expected}`);
    });
  }
});
