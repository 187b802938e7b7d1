import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clearNotified, markNotified } from "../../../lib/state/transition.ts";

describe("markNotified()", () => {
  const cases = [
    {
      name: "records a new key",
      state: {},
      key: "k",
      now: 100,
      expected: { state: { k: 100 }, changed: true },
    },
    {
      name: "keeps the time of a recorded key",
      state: { k: 50 },
      key: "k",
      now: 100,
      expected: { state: { k: 50 }, changed: false },
    },
    {
      name: "keeps the other keys",
      state: { a: 1 },
      key: "b",
      now: 2,
      expected: { state: { a: 1, b: 2 }, changed: true },
    },
    {
      name: "drops a fraction of a second",
      state: {},
      key: "k",
      now: 100.9,
      expected: { state: { k: 100 }, changed: true },
    },
    {
      name: "records a key named __proto__ as data",
      state: {},
      key: "__proto__",
      now: 1,
      expected: { state: JSON.parse('{"__proto__":1}'), changed: true },
    },
    {
      name: "records a key named like an Object method",
      state: {},
      key: "toString",
      now: 1,
      expected: { state: { toString: 1 }, changed: true },
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      () => expect(markNotified(c.state, c.key, c.now)).toEqual(c.expected),
    );
  }

  it("returns the same object when nothing changes", () => {
    const state = { k: 1 };
    expect(markNotified(state, "k", 2).state).toBe(state);
  });

  it("never mutates its input and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.nat()),
        fc.string(),
        fc.nat(),
        (state, key, now) => {
          const before = JSON.stringify(state);
          const once = markNotified(state, key, now);
          const twice = markNotified(once.state, key, now + 1);
          return JSON.stringify(state) === before &&
            Object.hasOwn(once.state, key) && !twice.changed &&
            twice.state === once.state &&
            once.changed === !Object.hasOwn(state, key);
        },
      ),
    );
  });
});

describe("clearNotified()", () => {
  // Upstream's TestSetAlreadyNotified(_OncePerItem): un-marking deletes, except for oncePer conditions.
  const cases = [
    {
      name: "forgets a recorded key",
      state: { k: 1, o: 2 },
      key: "k",
      options: {},
      expected: { state: { o: 2 }, changed: true },
    },
    {
      name: "changes nothing for an unknown key",
      state: { o: 2 },
      key: "k",
      options: {},
      expected: { state: { o: 2 }, changed: false },
    },
    {
      name: "never forgets a oncePer key",
      state: { "abc:k": 1 },
      key: "abc:k",
      options: { oncePer: "abc" },
      expected: { state: { "abc:k": 1 }, changed: false },
    },
    {
      name: "accepts oncePer: true",
      state: { k: 1 },
      key: "k",
      options: { oncePer: true },
      expected: { state: { k: 1 }, changed: false },
    },
    {
      name: "treats an empty oncePer as none",
      state: { k: 1 },
      key: "k",
      options: { oncePer: "" },
      expected: { state: {}, changed: true },
    },
    {
      name: "does not see inherited properties",
      state: {},
      key: "constructor",
      options: {},
      expected: { state: {}, changed: false },
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      () => expect(clearNotified(c.state, c.key, c.options)).toEqual(c.expected),
    );
  }

  it("undoes markNotified of a new key", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.nat()),
        fc.string(),
        fc.nat(),
        (state, key, now) => {
          fc.pre(!Object.hasOwn(state, key));
          const before = JSON.stringify(state);
          const cleared = clearNotified(
            markNotified(state, key, now).state,
            key,
          );
          return cleared.changed && JSON.stringify(cleared.state) === before;
        },
      ),
    );
  });
});
