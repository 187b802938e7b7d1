/** memberRoots: the names an expression reads members of, from its syntax tree. */
import { describe, expect, it } from "vitest";
import { memberRoots } from "../../../lib/expr/mod.ts";

describe("memberRoots", () => {
  const cases: { source: string; want: string[] }[] = [
    { source: "any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})", want: ["cert"] },
    { source: "app?.status?.sync.status == 'Synced'", want: ["app"] },
    { source: "app['status'].health", want: ["app"] },
    { source: "time.Now().Sub(time.Parse(app.status.at)).Minutes() > 5", want: ["time", "app"] },
    { source: "'a.b' in ['x.y'] && \"c.d\" == e", want: [] },
    { source: "let s = obj.status; s.ready", want: ["obj"] },
    { source: "ready", want: [] },
    { source: "obj.", want: [] },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.source), () => {
      expect([...memberRoots(c.source)]).toEqual(c.want);
    });
  }
});
