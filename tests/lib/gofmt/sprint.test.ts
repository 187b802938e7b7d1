import { describe, expect, it } from "vitest";
import { sprint, sprintln } from "../../../lib/gofmt/sprint.ts";

const cases = [
  {
    name: "spaces only between non-strings",
    args: ["a", 1, 2, "b", "c", 3],
    sprint: "a1 2bc3",
    sprintln: "a 1 2 b c 3\n",
  },
  { name: "no operands", args: [], sprint: "", sprintln: "\n" },
  {
    name: "nil and collections",
    args: [null, [1, "x"], { k: true }],
    sprint: "<nil> [1 x] map[k:true]",
    sprintln: "<nil> [1 x] map[k:true]\n",
  },
  { name: "strings only", args: ["x", "y"], sprint: "xy", sprintln: "x y\n" },
] as const;

describe("sprint() and sprintln()", () => {
  for (const c of cases) {
    it(`prints ${c.name}`, () => {
      expect(sprint(c.args)).toBe(c.sprint);
      expect(sprintln(c.args)).toBe(c.sprintln);
    });
  }
});
