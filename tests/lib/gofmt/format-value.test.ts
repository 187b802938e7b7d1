import { describe, expect, it } from "vitest";
import { formatValue } from "../../../lib/gofmt/format-value.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoDuration } from "../../../lib/values/duration.ts";
import { GoMonth, GoTime } from "../../../lib/values/time.ts";

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
  { name: "float below 1e6", v: 100000.5, want: "100000.5" },
  { name: "boxed 1e6", v: new GoFloat(1e6), want: "1e+06" },
  { name: "float 1e21", v: 1e21, want: "1e+21" },
  { name: "float 0.0001", v: 0.0001, want: "0.0001" },
  { name: "float 0.00001234", v: 0.00001234, want: "1.234e-05" },
  { name: "-Inf", v: -Infinity, want: "-Inf" },
  { name: "NaN", v: NaN, want: "NaN" },
  { name: "int -0", v: -0, want: "0" },
  { name: "bool", v: true, want: "true" },
  { name: "int64", v: 12345678901234567890n, want: "12345678901234567890" },
  { name: "time", v: GoTime.fromUnixMilli(Date.UTC(2024, 0, 2, 3, 4, 5)), want: "2024-01-02 03:04:05 +0000 UTC" },
  { name: "month", v: new GoMonth(3), want: "March" },
  { name: "func, as an address", v: () => 1, want: "0x0" },
  {
    name: "nested values",
    v: [null, true, "s", { z: 1, a: [] }, new Uint8Array([104, 105])],
    want: "[<nil> true s map[a:[] z:1] [104 105]]",
  },
  { name: "map keys in UTF-8 byte order", v: { "\u{1F600}": 1, "\uffe0": 2 }, want: "map[\uffe0:2 \u{1F600}:1]" },
];

describe("formatValue()", () => {
  for (const c of cases) {
    it(`prints a ${c.name} as Go's %v`, () => {
      expect(formatValue(c.v)).toBe(c.want);
    });
  }
});
