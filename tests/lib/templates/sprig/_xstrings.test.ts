/** xstrings 1.3's snake/kebab case, pinned on the cases differential fuzzing found (outputs from the Go oracle). */
import { describe, expect, it } from "vitest";
import { toLowerCaseWords } from "../../../../lib/templates/sprig/_xstrings.ts";

const cases: readonly { s: string; snake: string; kebab: string }[] = [
  // xstrings' own examples.
  { s: "FirstName", snake: "first_name", kebab: "first-name" },
  { s: "HTTPServer", snake: "http_server", kebab: "http-server" },
  { s: "NoHTTPS", snake: "no_https", kebab: "no-https" },
  { s: "GO_PATH", snake: "go_path", kebab: "go-path" },
  { s: "GO PATH", snake: "go_path", kebab: "go-path" },
  { s: "http2xx", snake: "http_2xx", kebab: "http-2xx" },
  { s: "HTTP20xOK", snake: "http_20x_ok", kebab: "http-20x-ok" },
  { s: "Duration2m3s", snake: "duration_2m3s", kebab: "duration-2m3s" },
  { s: "Bld4Floor3rd", snake: "bld4_floor_3rd", kebab: "bld4-floor-3rd" },
  // Found by scripts/oracle/template-fuzz.ts: punctuation takes no connector, connectors are kept one for one.
  { s: "<b>&amp;</b>", snake: "<_b_>&amp;</b_>", kebab: "<-b->&amp;</b->" },
  { s: "-3.25", snake: "_3.25", kebab: "-3.25" },
  { s: "it's", snake: "it's", kebab: "it's" },
  { s: "  pad  ", snake: "__pad__", kebab: "--pad--" },
  { s: "& Z\n\\-_", snake: "&_z_\\-_", kebab: "&-z-\\-_" },
  // Non-ASCII: CJK is not "alphabet", a title-case letter is not upper case.
  { s: "héllo", snake: "héllo", kebab: "héllo" },
  { s: "a_日9日é", snake: "a_日9_日_é", kebab: "a-日9-日-é" },
  { s: "ǅ31 2E 35", snake: "ǅ31_2_e_35", kebab: "ǅ31-2-e-35" },
  { s: "a%😀9日Z &", snake: "a%😀9_日_z_&", kebab: "a%😀9-日-z-&" },
];

describe("toLowerCaseWords", () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.s)}`, () => {
      expect(toLowerCaseWords(c.s, "_")).toBe(c.snake);
      expect(toLowerCaseWords(c.s, "-")).toBe(c.kebab);
    });
  }
});
