/**
 * The package as users import it: under Node this resolves "notifications-engine" through package.json `exports`
 * to the built `dist/` (so `npm run build` must have run, as `npm test` does); under Deno, through deno.json to mod.ts.
 */
import { describe, expect, it } from "vitest";
import * as pkg from "notifications-engine";
import * as providers from "notifications-engine/providers";
import * as shell from "notifications-engine/shell";

describe("notifications-engine (as a package)", () => {
  it("exports the public API", () => {
    for (
      const name of [
        "decodeConfig",
        "evaluate",
        "formatDiagnostic",
        "writeNotifiedState",
        "compileExpr",
        "compileTemplate",
      ]
    ) {
      expect(typeof (pkg as Record<string, unknown>)[name]).toBe("function");
    }
  });

  it("exports the providers and the shell under their own subpaths, and the shell only there", () => {
    expect(Object.keys(providers.builtinProviders)).toContain("slack");
    expect(typeof shell.deliver).toBe("function");
    expect(typeof shell.createDeliveryIO).toBe("function");
    expect((pkg as Record<string, unknown>)["deliver"]).toBeUndefined();
  });

  it("decides the seed example end to end", () => {
    const { config, diagnostics } = pkg.decodeConfig({
      data: {
        "trigger.on-cert-ready":
          "- when: any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})\n  send: [cert-ready]",
        "template.cert-ready": "message: |\n  Certificate {{.cert.metadata.name}} is ready!",
        "service.slack": "token: $slack-token",
      },
    }, { stringData: { "slack-token": "xoxb-1" } });
    expect(diagnostics).toEqual([]);
    const cert = {
      metadata: { name: "web", annotations: { "notifications.argoproj.io/subscribe.on-cert-ready.slack": "ops" } },
      status: { conditions: [{ type: "Ready", reason: "Ready", status: "True" }] },
    };
    const decision = pkg.evaluate(cert, config, { now: Date.parse("2024-01-02T03:04:05Z"), resourceName: "cert" });
    expect(decision.notifications.map((n) => n.content.message)).toEqual(["Certificate web is ready!\n"]);
    expect(pkg.writeNotifiedState({}, decision.state)).toEqual({
      "notified.notifications.argoproj.io": JSON.stringify(decision.state),
    });
  });
});
