import { describe, expect, it } from "vitest";
import { goKind, goTypeName, isGoInt, isGoMap, withGoType } from "../../../lib/gofmt/go-type.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoDuration } from "../../../lib/values/duration.ts";

const cases: readonly { name: string; v: unknown; type: string; kind: string }[] = [
  { name: "nil", v: null, type: "<nil>", kind: "invalid" },
  { name: "int", v: 3, type: "int", kind: "int" },
  { name: "float", v: 3.5, type: "float64", kind: "float64" },
  { name: "boxed float", v: new GoFloat(3), type: "float64", kind: "float64" },
  { name: "huge integral number", v: 1e300, type: "float64", kind: "float64" },
  { name: "bigint", v: 3n, type: "int64", kind: "int64" },
  { name: "string", v: "s", type: "string", kind: "string" },
  { name: "bytes", v: new Uint8Array(2), type: "[]uint8", kind: "slice" },
  { name: "slice", v: [], type: "[]interface {}", kind: "slice" },
  { name: "tagged slice", v: withGoType([], "[]string"), type: "[]string", kind: "slice" },
  { name: "map", v: {}, type: "map[string]interface {}", kind: "map" },
  { name: "tagged map", v: withGoType({}, "map[string]string"), type: "map[string]string", kind: "map" },
  { name: "duration", v: new GoDuration(1), type: "time.Duration", kind: "int64" },
];

describe("goTypeName() and goKind()", () => {
  for (const c of cases) {
    it(`names a ${c.name}`, () => {
      expect(goTypeName(c.v)).toBe(c.type);
      expect(goKind(c.v)).toBe(c.kind);
    });
  }
  it("isGoInt() and isGoMap() classify", () => {
    expect([isGoInt(2), isGoInt(2.5), isGoInt(2n), isGoInt("2")]).toEqual([true, false, true, false]);
    expect([isGoMap({}), isGoMap([]), isGoMap(new GoFloat(1)), isGoMap(null)]).toEqual([true, false, false, false]);
  });
});
