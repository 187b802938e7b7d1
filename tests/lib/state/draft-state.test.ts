import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { draftState } from "../../../lib/state/draft-state.ts";
import type { NotifiedState } from "../../../lib/state/notified-state.ts";
import { clearNotified, markNotified } from "../../../lib/state/transition.ts";

type Op = { readonly mark: boolean; readonly key: string; readonly now: number };

const key = fc.constantFrom("a", "b", "c", "__proto__", "toString", "1", "0", "on-x:[0].k:slack:ops");
const op: fc.Arbitrary<Op> = fc.record({ mark: fc.boolean(), key, now: fc.double({ min: 0, max: 2e9, noNaN: true }) });
const state: fc.Arbitrary<NotifiedState> = fc.dictionary(key, fc.integer({ min: 0, max: 2e9 }));

describe("draftState()", () => {
  it("ends where markNotified() and clearNotified() one by one end, key order included", () => {
    fc.assert(
      fc.property(state, fc.array(op, { maxLength: 30 }), (initial, ops) => {
        const draft = draftState(initial);
        let expected = initial;
        for (const o of ops) {
          if (o.mark) {
            expect(draft.has(o.key)).toBe(Object.hasOwn(expected, o.key));
            draft.mark(o.key, o.now);
            expected = markNotified(expected, o.key, o.now).state;
          } else {
            draft.clear(o.key);
            expected = clearNotified(expected, o.key).state;
          }
        }
        const done = draft.done();
        expect(Object.entries(done)).toEqual(Object.entries(expected));
        expect(Object.getPrototypeOf(done)).toBe(Object.getPrototypeOf(expected));
      }),
    );
  });

  it("returns the same object when nothing changed", () => {
    const initial = { a: 1 };
    const draft = draftState(initial);
    draft.mark("a", 5);
    draft.clear("b");
    expect(draft.done()).toBe(initial);
    expect(initial).toEqual({ a: 1 });
  });

  it("reads the original state once, however many changes follow (#7)", () => {
    for (const n of [1_000, 30_000]) {
      let reads = 0;
      const initial = new Proxy(Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`old${i}`, i])), {
        get(target, k, receiver) {
          reads++;
          return Reflect.get(target, k, receiver);
        },
        getOwnPropertyDescriptor(target, k) {
          reads++;
          return Reflect.getOwnPropertyDescriptor(target, k);
        },
        ownKeys(target) {
          reads++;
          return Reflect.ownKeys(target);
        },
      });
      const draft = draftState(initial);
      for (let i = 0; i < n; i++) {
        if (!draft.has(`new${i}`)) draft.mark(`new${i}`, 1_700_000_000);
      }
      draft.clear("old0");
      const done = draft.done();
      expect(Object.keys(done)).toHaveLength(1_000 + n - 1);
      expect(done[`new${n - 1}`]).toBe(1_700_000_000);
      expect(reads).toBeLessThanOrEqual(2 * 1_000 + 3);
    }
  });
});
