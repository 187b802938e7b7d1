import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { annotationsProbe, destinationsProbe, subscriptionsMemo } from "../../../lib/config/_subscriptions-memo.ts";

const marker = "p/subscri";
const probe = (slot: string, annotations: Record<string, string>, labels?: Record<string, string>) =>
  annotationsProbe(slot, "-", marker, { annotations, labels });

describe("subscriptionsMemo()", () => {
  it("makes a value once per content and slot", () => {
    const memo = subscriptionsMemo<number>();
    let made = 0;
    const make = () => ++made;
    const a = { "p/subscribe.t.slack": "ops", other: "x" };
    expect(memo.get(probe("u1", a), make)).toBe(1);
    expect(memo.get(probe("u1", { ...a, other: "changed" }), make)).toBe(1);
    expect(memo.get(probe("u1", { ...a, "p/subscribe.t.slack": "dev" }), make)).toBe(2);
    expect(memo.get(probe("u2", a), make)).toBe(3);
    expect(memo.size).toBe(2);
  });

  const different = [
    { name: "a changed value", annotations: { "p/subscribe.t.slack": "dev" } },
    { name: "a renamed annotation", annotations: { "p/subscribe.u.slack": "ops" } },
    { name: "one more subscription", annotations: { "p/subscribe.t.slack": "ops", "p/subscriptions": "[]" } },
    { name: "one less subscription", annotations: {} },
  ];
  for (const c of different) {
    it(`makes the value again for ${c.name} under the same slot`, () => {
      const memo = subscriptionsMemo<string>();
      memo.get(probe("u", { "p/subscribe.t.slack": "ops" }), () => "first");
      expect(memo.get(probe("u", c.annotations), () => "second")).toBe("second");
    });
  }

  it("compares labels only when they are read", () => {
    const memo = subscriptionsMemo<string>();
    memo.get(probe("u", {}, { team: "a" }), () => "a");
    expect(memo.get(probe("u", {}, { team: "a" }), () => "other")).toBe("a");
    expect(memo.get(probe("u", {}, { team: "b" }), () => "b")).toBe("b");
    expect(memo.get(probe("u", {}), () => "unread")).toBe("unread");
    expect(memo.get(probe("u", {}, { team: "b" }), () => "b again")).toBe("b again");
  });

  it("tells destinations apart by trigger, count, service and recipient", () => {
    const memo = subscriptionsMemo<string>();
    const d = (pairs: [string, [string, string][]][]) =>
      destinationsProbe(
        "u",
        "-",
        new Map(pairs.map(([t, ds]) => [t, ds.map(([service, recipient]) => ({ service, recipient }))])),
      );
    memo.get(d([["t", [["slack", "a"], ["slack", "b"]]]]), () => "ab");
    expect(memo.get(d([["t", [["slack", "a"], ["slack", "b"]]]]), () => "again")).toBe("ab");
    expect(memo.get(d([["t", [["slack", "a"], ["slack", "c"]]]]), () => "ac")).toBe("ac");
    expect(memo.get(d([["t", [["slack", "a"]]], ["u", [["slack", "b"]]]]), () => "split")).toBe("split");
  });

  it("keeps at most 1024 entries", () => {
    const memo = subscriptionsMemo<number>();
    for (let i = 0; i < 3000; i++) memo.get(probe(`u${i}`, { "p/subscribe.t.slack": "ops" }), () => i);
    expect(memo.size).toBe(1024);
    expect(memo.get(probe("u2999", { "p/subscribe.t.slack": "ops" }), () => -1)).toBe(2999);
    expect(memo.get(probe("u0", { "p/subscribe.t.slack": "ops" }), () => -1)).toBe(-1);
  });

  it("does not keep content larger than 64 KiB, and bounds the characters kept", () => {
    const memo = subscriptionsMemo<number>();
    const big = { "p/subscribe.t.slack": "x".repeat(70_000) };
    memo.get(probe("big", big), () => 1);
    expect(memo.size).toBe(0);
    expect(memo.get(probe("big", big), () => 2)).toBe(2);
    const large = { "p/subscribe.t.slack": "x".repeat(60_000) };
    for (let i = 0; i < 200; i++) memo.get(probe(`u${i}`, large), () => i);
    expect(memo.size).toBeLessThanOrEqual(Math.floor(4 * 1024 * 1024 / 60_000));
  });

  it("answers what making the value again would, for any sequence of contents (property)", () => {
    const name = fc.constantFrom("p/subscribe.t.slack", "p/subscribe.u.teams", "p/subscriptions", "other", "p/x");
    const annotations = fc.dictionary(name, fc.constantFrom("", "a", "b"), { maxKeys: 4 });
    const labels = fc.option(fc.dictionary(fc.constantFrom("team", "env"), fc.constantFrom("a", "b"), { maxKeys: 2 }), {
      nil: undefined,
    });
    const input = fc.record({ slot: fc.constantFrom("u1", "u2"), annotations, labels });
    const content = (i: { annotations: Record<string, string>; labels: Record<string, string> | undefined }): string =>
      JSON.stringify([
        Object.entries(i.annotations).filter(([k]) => k.startsWith(marker)),
        i.labels === undefined ? null : Object.entries(i.labels),
      ]);
    fc.assert(fc.property(fc.array(input, { maxLength: 12 }), (inputs) => {
      const memo = subscriptionsMemo<string>();
      for (const i of inputs) {
        expect(memo.get(probe(i.slot, i.annotations, i.labels), () => content(i))).toBe(content(i));
      }
    }));
  });
});
