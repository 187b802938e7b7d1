/** The config holder: atomic swaps, last good kept on errors, self-service namespaces. */
import { describe, expect, it } from "vitest";
import { type ConfigReport, createConfigHolder } from "../../../lib/shell/controller/config-holder.ts";

const good = {
  data: {
    "trigger.on-x": "- when: obj.x\n  send: [x]",
    "template.x": "message: x",
    "service.webhook.hook": "url: $url",
  },
};

describe("createConfigHolder", () => {
  it("decodes the ConfigMap with its Secret, and re-decodes when the Secret changes", () => {
    const holder = createConfigHolder({ namespace: "ops" });
    expect(holder.ready()).toBe(false);
    holder.update("ops", { secret: { stringData: { url: "http://one" } } });
    expect(holder.configsFor("ops")).toEqual([]);
    holder.update("ops", { configMap: good });
    expect(holder.ready()).toBe(true);
    expect(holder.configsFor("ops")[0]!.config.services.get("hook")?.settings).toEqual({ url: "http://one" });
    holder.update("ops", { secret: { stringData: { url: "http://two" } } });
    expect(holder.configsFor("ops")[0]!.config.services.get("hook")?.settings).toEqual({ url: "http://two" });
    expect(holder.redact("to http://two")).toBe("to ***");
  });

  it("reads Liquid templates: the shell adds the language to decodeConfig", () => {
    const holder = createConfigHolder({ namespace: "ops" });
    const liquidTemplate = { data: { ...good.data, "template.x": "language: liquid\nmessage: '{{ obj.x }}'" } };
    const report = holder.update("ops", { configMap: liquidTemplate, secret: { stringData: { url: "http://one" } } });
    expect(report.diagnostics).toEqual([]);
    expect([...holder.configsFor("ops")[0]!.config.templates.keys()]).toEqual(["x"]);
  });

  it("keeps the last good configuration when a new version has errors, and reports every diagnostic", () => {
    const reports: ConfigReport[] = [];
    const swaps: string[] = [];
    const holder = createConfigHolder({ namespace: "ops", onReport: (r) => reports.push(r) });
    holder.onChange((ns) => swaps.push(ns));
    holder.update("ops", { configMap: good });
    const before = holder.configsFor("ops")[0]!.config;
    holder.update("ops", {
      configMap: {
        data: { ...good.data, "trigger.on-x": "- when: obj.x ==\n  send: [x]", "template.y": "message: {{" },
      },
    });
    expect(holder.configsFor("ops")[0]!.config).toBe(before);
    expect(reports.map((r) => r.outcome)).toEqual(["applied", "kept"]);
    expect(reports[1]!.diagnostics.map((d) => d.key)).toEqual(expect.arrayContaining(["trigger.on-x", "template.y"]));
    expect(swaps).toEqual(["ops"]);
  });

  it("keeps the controller's configuration when its ConfigMap is deleted", () => {
    const holder = createConfigHolder({ namespace: "ops" });
    holder.update("ops", { configMap: good });
    expect(holder.update("ops", { configMap: null }).outcome).toBe("missing");
    expect(holder.configsFor("ops")).toHaveLength(1);
  });

  it("self-service: a namespace's own configuration runs after the controller's, with its namespace in state keys", () => {
    const holder = createConfigHolder({ namespace: "ops", selfService: true });
    holder.update("ops", { configMap: good });
    holder.update("team", {
      configMap: { data: { "trigger.on-y": "- when: obj.y\n  send: [x]", "template.x": "message: y" } },
    });
    const uses = holder.configsFor("team");
    expect(uses.map((u) => u.apiNamespace)).toEqual([undefined, "team"]);
    expect([...uses[1]!.config.triggers.keys()]).toEqual(["on-y"]);
    expect(holder.configsFor("other")).toHaveLength(1);
    expect(holder.update("team", { configMap: null }).outcome).toBe("removed");
    expect(holder.configsFor("team")).toHaveLength(1);
  });

  it("ignores other namespaces without self-service", () => {
    const holder = createConfigHolder({ namespace: "ops" });
    holder.update("ops", { configMap: good });
    holder.update("team", { configMap: good });
    expect(holder.configsFor("team")).toHaveLength(1);
  });
});
