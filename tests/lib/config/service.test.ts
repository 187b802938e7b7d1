import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/diagnostics.ts";
import { blocksOf, decodeService, type ServiceType, type ServiceTypes } from "../../../lib/config/service.ts";
import { builtinProviders } from "../../../providers/mod.ts";

const secrets = new Map([["slack-token", "xoxb-SECRET"]]);

/** A service type that keeps its settings as written, so these cases test the decoding around it. */
const keep: ServiceType<Readonly<Record<string, unknown>>> = {
  type: "keep",
  decodeSettings: (raw) => ({ value: raw, diagnostics: [] }),
};
/** A service type that reports a problem at a path, to test that the path becomes a line and column. */
const picky: ServiceType<never> = {
  type: "picky",
  decodeSettings: () => ({
    value: undefined,
    diagnostics: [
      { _tag: "InvalidField", severity: "error", message: "b is wrong", path: ["a", "b"] },
      { _tag: "UnknownField", severity: "warning", message: "c is unknown", path: ["c"], atKey: true },
    ],
  }),
};
const types: ServiceTypes = { keep, picky };

const cases = [
  {
    name: "settings with a secret",
    source: "token: $slack-token\nusername: bot\n",
    expected: { token: "xoxb-SECRET", username: "bot" },
  },
  {
    name: "YAML 1.2 scalars (on stays a string, as yaml.v3 reads it)",
    source: "insecureSkipVerify: true\nmode: on\nport: 25\n",
    expected: { insecureSkipVerify: true, mode: "on", port: 25 },
  },
  { name: "an empty value as no settings", source: "", expected: {} },
] as const;

const problems = [
  {
    name: "a list",
    source: "- token\n",
    expected: ["service.keep: line 1, column 1: the service configuration must be a map of settings, not a list"],
  },
  {
    name: "a string",
    source: "$slack-token",
    expected: ["service.keep: line 1, column 1: the service configuration must be a map of settings, not a string"],
  },
  {
    name: "invalid YAML",
    source: "token: [\n",
    expected: [
      "service.keep: line 1, column 8: the value is not valid YAML: the flow list is not closed",
    ],
  },
] as const;

describe("decodeService()", () => {
  for (const c of cases) {
    it(`decodes ${c.name}`, () => {
      const r = decodeService("service.keep", c.source, { type: "keep", name: "keep", secrets, serviceTypes: types });
      expect(r.diagnostics).toEqual([]);
      expect(r.value).toEqual({
        name: "keep",
        type: "keep",
        settings: c.expected,
        serviceType: keep,
        decoded: c.expected,
      });
    });
  }
  for (const c of problems) {
    it(`reports ${c.name} and leaves the service out`, () => {
      const r = decodeService("service.keep", c.source, { type: "keep", name: "keep", secrets, serviceTypes: types });
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.map(formatDiagnostic)).toEqual(c.expected);
      expect(JSON.stringify(r.diagnostics)).not.toContain("xoxb-SECRET");
    });
  }
  it("names a second instance after its key", () => {
    const r = decodeService("service.webhook.github", "url: https://api.github.com\n", {
      type: "webhook",
      name: "github",
      secrets,
      serviceTypes: builtinProviders,
    });
    expect(r.value).toMatchObject({ name: "github", type: "webhook", decoded: { url: "https://api.github.com" } });
  });
  it("reports an unknown service type with a suggestion", () => {
    const r = decodeService("service.slak", "token: x\n", {
      type: "slak",
      name: "slak",
      secrets,
      serviceTypes: builtinProviders,
    });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'service.slak: the service type "slak" is not supported; did you mean "slack"?',
    ]);
  });
  it("puts the service type's problems at their line and column (keys for unknown fields)", () => {
    const r = decodeService("service.picky", "x: 1\na:\n  b: 2\nc: 3\n", {
      type: "picky",
      name: "picky",
      secrets,
      serviceTypes: types,
    });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      "service.picky: line 3, column 6: b is wrong",
      "service.picky: line 4, column 1: c is unknown",
    ]);
  });
  it("reports a provider's problems with their line, never showing a secret", () => {
    const source = "token: $slack-token\nusername: [a]\nusrname: bot\n";
    const r = decodeService("service.slack", source, {
      type: "slack",
      name: "slack",
      secrets,
      serviceTypes: builtinProviders,
    });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'service.slack: line 3, column 1: "usrname" is not a setting of the slack service; it is ignored; did you mean "username"?',
      'service.slack: line 2, column 11: "username" must be a string, not a list',
    ]);
    expect(JSON.stringify(r.diagnostics)).not.toContain("xoxb-SECRET");
  });
});

describe("blocksOf()", () => {
  it("lists the blocks of the service types that have one, in the registry's order", () => {
    const blocks = blocksOf(builtinProviders);
    expect(Object.keys(blocks)).toEqual([
      "awssqs",
      "gcppubsub",
      "slack",
      "mattermost",
      "rocketchat",
      "email",
      "webhook",
      "opsgenie",
      "github",
      "teams",
      "teams-workflows",
      "alertmanager",
      "googlechat",
      "pagerduty",
      "pagerdutyv2",
      "newrelic",
      "gitlab",
      "gitea",
      "bitbucket",
      "azuredevops",
      "discord",
      "matrix",
      "ntfy",
    ]);
    expect(blocksOf(types)).toEqual({});
  });
});
