/**
 * Random values of the expr value model for property tests: nested arrays and maps (plain, null-prototype, or with an
 * own `constructor` key) with adversarial keys, over the leaves a test gives.
 */
import fc from "fast-check";

/**
 * Values up to three levels deep built from `leaf`, whose maps take their keys from `keys`.
 * @param leaf the values at the bottom
 * @param keys the keys maps are made of
 * @returns the arbitrary
 */
export function exprValues(leaf: fc.Arbitrary<unknown>, keys: readonly string[]): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 3, depthSize: "small" },
      leaf,
      fc.array(tie("value"), { maxLength: 2 }),
      fc.tuple(
        fc.array(fc.tuple(fc.constantFrom(...keys), tie("value")), { maxLength: 3 }),
        fc.constantFrom("plain", "null", "ownCtor"),
      )
        .map(([entries, kind]) => {
          const o = (kind === "null" ? Object.create(null) : {}) as Record<string, unknown>;
          for (const [k, v] of entries) {
            Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
          }
          if (kind === "ownCtor") Object.defineProperty(o, "constructor", { value: Object, enumerable: true });
          return o;
        }),
    ),
  }));
  return value;
}
