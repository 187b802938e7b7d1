import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { decodeService } from "../../../lib/config/service.ts";

const secrets = new Map([["slack-token", "xoxb-SECRET"]]);

const cases = [
  {
    name: "settings with a secret",
    source: "token: $slack-token\nusername: bot\n",
    expected: { name: "slack", type: "slack", settings: { token: "xoxb-SECRET", username: "bot" } },
  },
  {
    name: "YAML 1.2 scalars (on stays a string, as yaml.v3 reads it)",
    source: "insecureSkipVerify: true\nmode: on\nport: 25\n",
    expected: { name: "slack", type: "slack", settings: { insecureSkipVerify: true, mode: "on", port: 25 } },
  },
  { name: "an empty value as no settings", source: "", expected: { name: "slack", type: "slack", settings: {} } },
] as const;

const problems = [
  {
    name: "a list",
    source: "- token\n",
    expected: ["service.slack: line 1, column 1: the service configuration must be a map of settings, not a list"],
  },
  {
    name: "a string",
    source: "$slack-token",
    expected: ["service.slack: line 1, column 1: the service configuration must be a map of settings, not a string"],
  },
  {
    name: "invalid YAML",
    source: "token: [\n",
    expected: ["service.slack: line 2, column 1: the value is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]"],
  },
] as const;

describe("decodeService()", () => {
  for (const c of cases) {
    it(`decodes ${c.name}`, () => {
      const r = decodeService("service.slack", "slack", "slack", c.source, secrets);
      expect(r.diagnostics).toEqual([]);
      expect(r.value).toEqual(c.expected);
    });
  }
  for (const c of problems) {
    it(`reports ${c.name} and leaves the service out`, () => {
      const r = decodeService("service.slack", "slack", "slack", c.source, secrets);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
      expect(JSON.stringify(r.diagnostics)).not.toContain("xoxb-SECRET");
    });
  }
  it("names a second instance after its key", () => {
    const r = decodeService("service.webhook.github", "webhook", "github", "url: https://api.github.com\n", secrets);
    expect(r.value).toMatchObject({ name: "github", type: "webhook" });
  });
});
