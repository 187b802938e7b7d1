/**
 * The prototype-pollution canary of the test suite (issue #7): the own properties of `Object.prototype`,
 * `Function.prototype`, `Array.prototype`, `String.prototype` and `globalThis` are recorded when the test file
 * starts, and compared after every test (a vitest `setupFiles` entry under Node, the shim's `it` under Deno). A
 * difference fails that test, and the objects are put back, so the next tests start clean.
 */

type Descriptors = Map<PropertyKey, PropertyDescriptor>;

/** The watched objects, by the name a failure shows. */
const watched: readonly (readonly [string, object])[] = [
  ["Object.prototype", Object.prototype],
  ["Function.prototype", Function.prototype],
  ["Array.prototype", Array.prototype],
  ["String.prototype", String.prototype],
  ["globalThis", globalThis],
];

/** What the watched objects held at one moment. */
export type IntegritySnapshot = readonly (readonly [string, object, Descriptors])[];

/** How many after-test checks have run in this file (a test reads it to see that the hook is installed). */
export const integrityChecks = { count: 0 };

/**
 * Records the own property names and descriptors of every watched object. Node defines some globals
 * (`AbortController`, `TextEncoder`, …) as getters that replace themselves with a value on first use, so every
 * getter of `globalThis` is read first.
 */
export function takeIntegritySnapshot(): IntegritySnapshot {
  for (const key of Reflect.ownKeys(globalThis)) {
    if (Reflect.getOwnPropertyDescriptor(globalThis, key)?.get === undefined) continue;
    try {
      Reflect.get(globalThis, key);
    } catch {
      // a getter that throws stays as it is
    }
  }
  return watched.map(([name, target]) => [
    name,
    target,
    new Map(Reflect.ownKeys(target).map((k) => [k, Reflect.getOwnPropertyDescriptor(target, k)!])),
  ]);
}

/**
 * The differences between `before` and now, as `Object.prototype.polluted: added` lines; each difference is undone
 * (added properties deleted, changed or deleted ones redefined as they were).
 */
export function restoreIntegrity(before: IntegritySnapshot): string[] {
  const changes: string[] = [];
  for (const [name, target, descriptors] of before) {
    const now = new Set(Reflect.ownKeys(target));
    for (const key of now) {
      if (descriptors.has(key)) continue;
      changes.push(`${name}.${String(key)}: added`);
      Reflect.deleteProperty(target, key);
    }
    for (const [key, was] of descriptors) {
      const is = Reflect.getOwnPropertyDescriptor(target, key);
      if (is !== undefined && sameDescriptor(was, is)) continue;
      changes.push(`${name}.${String(key)}: ${is === undefined ? "deleted" : "changed"}`);
      Reflect.defineProperty(target, key, was);
    }
  }
  return changes;
}

/**
 * The after-test check: throws an Error naming every difference from `before` (after undoing them), so the test
 * that made them fails.
 */
export function checkIntegrity(before: IntegritySnapshot): void {
  integrityChecks.count++;
  const changes = restoreIntegrity(before);
  if (changes.length > 0) {
    throw new Error(`The test changed built-in objects (prototype pollution canary):\n  ${changes.join("\n  ")}`);
  }
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable &&
    a.enumerable === b.enumerable && a.configurable === b.configurable;
}
