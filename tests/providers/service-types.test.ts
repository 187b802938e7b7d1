import { describe, expect, it } from "vitest";
import { builtinBlocks, builtinProviders, builtinServiceTypes, providerOf } from "../../providers/mod.ts";
import { decodeConfig } from "../../mod.ts";

describe("builtinServiceTypes", () => {
  it("has every builtin provider's type, in the same order, with the same decoder and block", () => {
    expect(Object.keys(builtinServiceTypes)).toEqual(Object.keys(builtinProviders));
    for (const [type, provider] of Object.entries(builtinProviders)) {
      const s = builtinServiceTypes[type]!;
      expect([type, s.type, s.decodeSettings, s.block]).toEqual([
        type,
        provider.type,
        provider.decodeSettings,
        provider.block,
      ]);
      expect(s.decodeSettings).toBe(provider.decodeSettings);
    }
    expect(Object.keys(builtinBlocks)).toEqual(
      Object.keys(builtinProviders).filter((t) => builtinProviders[t]!.block !== undefined),
    );
  });
});

describe("providerOf()", () => {
  it("finds the builtin provider of a service the package entry decoded", () => {
    const { config } = decodeConfig({
      data: { "service.slack": "token: t", "service.webhook.hook": "url: https://example.com" },
    });
    expect(providerOf(config.services.get("slack")!.serviceType)).toBe(builtinProviders["slack"]);
    expect(providerOf(config.services.get("hook")!.serviceType)).toBe(builtinProviders["webhook"]);
  });

  it("takes a provider given to decodeConfig as it is, and finds none for a service type without prepare", () => {
    const own = { ...builtinProviders["slack"]!, type: "chat" };
    expect(providerOf(own)).toBe(own);
    expect(providerOf({ type: "x", decodeSettings: (raw) => ({ value: raw, diagnostics: [] }) })).toBeUndefined();
  });
});
