import { describe, expect, it } from "vitest";
import { compileExpr, decodeConfig, evaluate, formatDiagnostic } from "../mod.ts";
import { liquid } from "../lib/liquid/mod.ts";

const now = Date.UTC(2024, 0, 2, 3, 4, 5);
const run = (src: string, vars: Record<string, unknown> = {}): unknown => {
  const c = compileExpr(src);
  if (c._tag === "Left") return { compileError: c.left.message };
  const r = c.right.run(vars, { now });
  return r._tag === "Left" ? { evalError: r.left.message } : r.right;
};

describe("compileExpr() of the package entry", () => {
  it("runs with Argo CD's time helpers, time.Now() at the run's now", () => {
    expect(String(run("time.Now()"))).toBe("2024-01-02 03:04:05 +0000 UTC");
    expect(run("time.Now().Sub(time.Parse(t)).Minutes()", { t: "2024-01-02T03:00:05Z" })).toEqual(
      expect.objectContaining({ value: 4 }),
    );
  });

  it("lets the helpers win over same-named variables, as Argo CD does", () => {
    expect(run("strings.ToUpper('a')", { strings: 1 })).toBe("A");
  });

  it("reports a syntax error as the core does", () => {
    expect(run("a +")).toEqual({ compileError: "unexpected token EOF" });
  });
});

describe("decodeConfig() of the package entry", () => {
  it("gives conditions and templates Argo CD's helpers unless the host gives others", () => {
    const data = {
      "trigger.t": "- when: strings.ToUpper(obj.name) == 'A'\n  send: [m]",
      "template.m": "message: '{{call .strings.ToLower .obj.name}}'",
      "service.slack": "token: t",
    };
    const resource = { name: "a", metadata: { annotations: { "notifications.argoproj.io/subscribe.t.slack": "x" } } };
    const argo = decodeConfig({ data });
    expect(evaluate(resource, argo.config, { now }).notifications.map((n) => n.content.message)).toEqual(["a"]);
    const none = decodeConfig({ data }, undefined, { helpers: () => ({}) });
    expect(evaluate(resource, none.config, { now }).diagnostics.map(formatDiagnostic)).toEqual([
      "trigger.t: line 1, column 9: cannot fetch ToUpper from <nil>",
    ]);
  });

  it("reads Liquid templates only when the host adds the language, and names the import otherwise", () => {
    const data = {
      "trigger.t": "- when: obj.name == 'a'\n  send: [m]",
      "template.m": "language: liquid\nmessage: '{{ obj.name | upcase }}'",
      "service.slack": "token: t",
    };
    const resource = { name: "a", metadata: { annotations: { "notifications.argoproj.io/subscribe.t.slack": "x" } } };
    const without = decodeConfig({ data });
    expect(without.diagnostics.map(formatDiagnostic)).toEqual([
      "template.m: language: liquid: the Liquid compiler is not loaded, so the template is left out; add it: import " +
      '{ liquid } from "notifications-engine/liquid" and pass decodeConfig(configMap, secret, { languages: { liquid } })',
      'trigger.t: line 2, column 10: template "m" is left out because it has errors',
    ]);
    const added = decodeConfig({ data }, undefined, { languages: { liquid } });
    expect(added.diagnostics).toEqual([]);
    expect(evaluate(resource, added.config, { now }).notifications.map((n) => n.content.message)).toEqual(["A"]);
  });
});
