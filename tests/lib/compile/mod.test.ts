import { describe, expect, it } from "vitest";
import { generateConditionsModule } from "../../../lib/compile/mod.ts";

const cases = [
  {
    name: "every trigger's when and oncePer, in the order written",
    data: {
      "trigger.b": "- when: app.status.phase == 'Failed'\n  oncePer: app.status.sync.revision\n  send: [t]",
      "trigger.a": "- when: app.status.health.status == 'Degraded'\n  send: [t]",
    },
    covered: ["app.status.phase == 'Failed'", "app.status.sync.revision", "app.status.health.status == 'Degraded'"],
  },
  {
    name: "no other key, and no trigger that does not decode",
    data: {
      "template.t": "message: hi",
      "trigger.bad": "when: x",
      "trigger.ok": "- when: app.ok\n  send: [t]",
    },
    covered: ["app.ok"],
  },
  { name: "nothing from an empty when (false)", data: { "trigger.e": "- send: [t]" }, covered: [] },
  { name: "nothing from an empty ConfigMap", data: undefined, covered: [] },
] as const;

describe("generateConditionsModule()", () => {
  for (const c of cases) {
    it(`generates the module of ${c.name}`, () => {
      const m = generateConditionsModule(c.data === undefined ? {} : { data: c.data });
      expect(m.covered).toEqual(c.covered);
      expect(c.covered.filter((s) => !m.text.includes(JSON.stringify(s)))).toEqual([]);
    });
  }
});
