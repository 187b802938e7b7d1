import { describe, expect, it } from "vitest";
import { formatValue } from "../../../lib/gofmt/format-value.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoDuration } from "../../../lib/values/duration.ts";

const cases: readonly { name: string; v: unknown; want: string }[] = [
  { name: "int", v: 3, want: "3" },
  { name: "float", v: 1.5, want: "1.5" },
  { name: "large float", v: 1234567.5, want: "1.2345675e+06" },
  { name: "boxed integral float", v: new GoFloat(1234567), want: "1.234567e+06" },
  { name: "small float", v: 0.000012, want: "1.2e-05" },
  { name: "string", v: "a b", want: "a b" },
  { name: "nil", v: null, want: "<nil>" },
  { name: "slice", v: ["nginx:1.0", "redis:2"], want: "[nginx:1.0 redis:2]" },
  { name: "empty collections", v: [[], {}], want: "[[] map[]]" },
  { name: "map with sorted keys", v: { b: 1, a: { c: null } }, want: "map[a:map[c:<nil>] b:1]" },
  { name: "bytes", v: Uint8Array.from([115, 51]), want: "[115 51]" },
  { name: "duration", v: new GoDuration(90e9), want: "1m30s" },
];

describe("formatValue()", () => {
  for (const c of cases) {
    it(`prints a ${c.name} as Go's %v`, () => {
      expect(formatValue(c.v)).toBe(c.want);
    });
  }
});
