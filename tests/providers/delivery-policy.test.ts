import { describe, expect, it } from "vitest";
import { decodeConfig, formatDiagnostic } from "../../mod.ts";
import { diagnostic } from "../../lib/diagnostics.ts";
import { E } from "../../lib/fp.ts";
import { defaultPolicy, policyOf, resolvePolicy } from "../../providers/delivery-policy.ts";
import type { Provider } from "../../providers/provider.ts";

describe("resolvePolicy()", () => {
  it("keeps the defaults without a delivery setting", () => {
    expect(resolvePolicy(undefined, defaultPolicy)).toEqual({ policy: defaultPolicy, problems: [] });
  });

  it("applies every setting", () => {
    const { policy, problems } = resolvePolicy({
      timeout: 2000,
      maxAttempts: 2,
      retryWaitMin: 100,
      retryWaitMax: 400,
      maxRetryAfter: 5000,
      deadline: 9000,
      concurrency: 3,
      rate: { perSecond: 0.5, burst: 2 },
      maxResponseBytes: 1000,
    }, defaultPolicy);
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      timeoutMs: 2000,
      maxAttempts: 2,
      retryWaitMinMs: 100,
      retryWaitMaxMs: 400,
      maxRetryAfterMs: 5000,
      deadlineMs: 9000,
      concurrency: 3,
      rate: { perSecond: 0.5, burst: 2 },
      maxResponseBytes: 1000,
    });
  });

  it("keeps the default of a value out of range, with a warning", () => {
    const { policy, problems } = resolvePolicy({ maxAttempts: 0, concurrency: -1 }, defaultPolicy);
    expect(policy.maxAttempts).toBe(4);
    expect(policy.concurrency).toBe(8);
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ["warning", '"delivery.maxAttempts" must be at least 1, not 0; 4 is used'],
      ["warning", '"delivery.concurrency" must be at least 1, not -1; 8 is used'],
    ]);
  });
});

describe("the delivery setting in a ConfigMap", () => {
  it("reports a value of the wrong type and an unknown key at their lines", () => {
    const { diagnostics } = decodeConfig({
      data: { "service.webhook.hook": "url: https://x\ndelivery:\n  timeout: 10\n  retries: 3\n" },
    });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'service.webhook.hook: line 4, column 3: "retries" is not a setting of "delivery"; it is ignored',
      'service.webhook.hook: line 3, column 12: "delivery.timeout" must be a duration such as 10s or 500ms, not a number (10)',
    ]);
  });
});

describe("policyOf()", () => {
  const own = { ...defaultPolicy, maxAttempts: 7 };
  const given = { ...defaultPolicy, maxAttempts: 2 };
  const provider = (policy?: (s: unknown) => typeof defaultPolicy) => ({
    type: "test",
    decodeSettings: () => ({ value: {}, diagnostics: [] }),
    secrets: () => [],
    prepare: () => E.left(diagnostic("InvalidField", "unused")),
    ...(policy === undefined ? {} : { policy }),
  });
  const cases = [
    { name: "the provider's own policy first", p: provider(() => given), settings: { delivery: own }, want: given },
    { name: "else the settings' delivery", p: provider(), settings: { delivery: own }, want: own },
    { name: "else the default policy", p: provider(), settings: {}, want: defaultPolicy },
    { name: "the default for settings that are not a map", p: provider(), settings: undefined, want: defaultPolicy },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(policyOf(c.p as unknown as Provider<unknown>, c.settings)).toEqual(c.want);
    });
  }
});
