import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { E } from "../../../lib/fp.ts";
import { parseYaml } from "../../../lib/config/_yaml-position.ts";
import { readSecret, substituteSecrets } from "../../../lib/config/secrets.ts";

const secrets = new Map([["slack-token", "xoxb-SECRET"], ["user", "admin"], ["pass", "p@ss"]]);

const substitute = (source: string) => {
  const yaml = parseYaml(source, "1.2");
  if (E.isLeft(yaml)) throw new TypeError("bad YAML in test");
  return substituteSecrets(yaml.right.value, secrets, yaml.right);
};

const cases = [
  { name: "a whole value", source: "token: $slack-token\n", expected: { token: "xoxb-SECRET" } },
  {
    name: "several references in one string",
    source: "url: https://$user:$pass@host\n",
    expected: { url: "https://admin:p@ss@host" },
  },
  { name: "strings in nested lists and maps", source: "a:\n  - b: [x$user]\n", expected: { a: [{ b: ["xadmin"] }] } },
  { name: "a map key, as Go walks every string node", source: "$user: 1\n", expected: { admin: 1 } },
  { name: "nothing in numbers and booleans", source: "n: 3\nb: true\n", expected: { n: 3, b: true } },
  { name: "a lone $ or $$ as written", source: "a: $\nb: $$user\n", expected: { a: "$", b: "$admin" } },
] as const;

describe("substituteSecrets()", () => {
  for (const c of cases) {
    it(`replaces ${c.name}`, () => {
      const r = substitute(c.source);
      expect(r.diagnostics).toEqual([]);
      expect(r.value).toEqual(c.expected);
    });
  }
  it("leaves an unknown reference as written, with a warning naming only the key", () => {
    const r = substitute("token: $slack-token\nurl: https://$nope/$also-missing\n");
    expect(r.value).toEqual({ token: "xoxb-SECRET", url: "https://$nope/$also-missing" });
    expect(r.diagnostics.map((d) => [d._tag, d.severity, formatDiagnostic(d)])).toEqual([
      ["SecretMissing", "warning", 'line 2, column 6: "$nope" names no key of the Secret, so it is left as written'],
      [
        "SecretMissing",
        "warning",
        'line 2, column 6: "$also-missing" names no key of the Secret, so it is left as written',
      ],
    ]);
    expect(JSON.stringify(r.diagnostics)).not.toContain("xoxb-SECRET");
  });
});

describe("readSecret()", () => {
  it("decodes base64 data and lets stringData win", () => {
    const r = readSecret({ data: { a: "YWRtaW4=", b: "b2xk" }, stringData: { b: "new" } });
    expect([...r.values]).toEqual([["a", "admin"], ["b", "new"]]);
    expect(r.diagnostics).toEqual([]);
  });
  const lenient = [
    { name: "padded text", input: "c2xhY2stdG9rZW4=", expected: "slack-token" },
    { name: "unpadded text", input: "c2xhY2stdG9rZW4", expected: "slack-token" },
    { name: "line breaks and spaces inside", input: "c2xhY2st\ndG9r ZW4=", expected: "slack-token" },
    { name: "UTF-8", input: "aMOpbGxvIOKckyDwn5qA", expected: "héllo ✓ 🚀" },
    { name: "the empty string", input: "", expected: "" },
  ] as const;
  for (const c of lenient) {
    it(`decodes ${c.name}`, () => {
      expect(readSecret({ data: { k: c.input } }).values.get("k")).toBe(c.expected);
    });
  }
  for (const input of ["not base64!", "abcde", "a-b_", "YQ=a"]) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      expect(readSecret({ data: { k: input } }).values.has("k")).toBe(false);
    });
  }
  it("ignores data that is not base64, with a warning that shows no value", () => {
    const r = readSecret({ data: { bad: "not base64!" } });
    expect(r.values.size).toBe(0);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['the Secret\'s data "bad" is not base64, so it is ignored']);
  });
  it("reads an absent Secret as empty", () => {
    expect(readSecret(undefined).values.size).toBe(0);
    expect(readSecret({ data: null, stringData: null }).values.size).toBe(0);
  });
});
