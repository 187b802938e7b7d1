import { describe, expect, it } from "vitest";
import { measureValue } from "../../../lib/values/measure-value.ts";
import { GoTime } from "../../../lib/values/time.ts";

function nested(levels: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { k: v };
  return v;
}

describe("measureValue()", () => {
  const wide = { maxDepth: 1_000, maxNodes: 1_000_000 };
  const cases = [
    { name: "a scalar is one node of depth 0", value: 5, expected: { nodes: 1, chars: 0, depths: 0, depth: 0, stopped: false } },
    { name: "a string counts its characters", value: "héllo", expected: { nodes: 1, chars: 5, depths: 0, depth: 0, stopped: false } },
    { name: "an empty list is depth 1", value: [], expected: { nodes: 1, chars: 0, depths: 0, depth: 1, stopped: false } },
    { name: "map keys count as characters", value: { ab: "c" }, expected: { nodes: 2, chars: 3, depths: 1, depth: 1, stopped: false } },
    { name: "bytes count their length", value: Uint8Array.from([1, 2, 3]), expected: { nodes: 1, chars: 3, depths: 0, depth: 0, stopped: false } },
    { name: "Go values are leaves", value: [GoTime.fromUnixMilli(0)], expected: { nodes: 2, chars: 0, depths: 1, depth: 1, stopped: false } },
    { name: "a Map's values are walked", value: new Map([["a", [1]]]), expected: { nodes: 3, chars: 0, depths: 3, depth: 2, stopped: false } },
    { name: "null-prototype maps are walked", value: Object.assign(Object.create(null) as object, { a: [1] }), expected: { nodes: 3, chars: 1, depths: 3, depth: 2, stopped: false } },
  ];
  for (const c of cases) it(c.name, () => expect(measureValue(c.value, wide)).toEqual(c.expected));

  it("stops past maxDepth, a million levels down, without exhausting the stack", () => {
    const m = measureValue(nested(1_000_000), { maxDepth: 100, maxNodes: 1_000_000 });
    expect(m.stopped).toBe(true);
    expect(m.depth).toBe(101);
    expect(m.nodes).toBeLessThanOrEqual(102);
  });

  it("stops past maxNodes on a value shared exponentially (walked as a printer would walk it)", () => {
    let v: unknown = 1;
    for (let i = 0; i < 60; i++) v = [v, v];
    const m = measureValue(v, { maxDepth: 100, maxNodes: 10_000 });
    expect(m.stopped).toBe(true);
    expect(m.nodes).toBeLessThanOrEqual(10_002);
  });

  it("counts a wide list before walking it", () => {
    const m = measureValue(Array.from({ length: 100_000 }, () => "x"), { maxDepth: 10, maxNodes: 1_000 });
    expect(m).toEqual({ nodes: 100_001, chars: 0, depths: 0, depth: 1, stopped: true });
  });
});
