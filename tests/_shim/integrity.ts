/**
 * The prototype-pollution canary of the test suite (issue #7): the own properties of `Object.prototype`,
 * `Function.prototype`, `Array.prototype`, `String.prototype` and `globalThis` are recorded before the first test
 * (once the test modules and their dependencies have loaded), and compared after every test (a vitest `setupFiles`
 * entry under Node, the shim's `it` under Deno). A difference fails that test, and the objects are put back, so the
 * next tests start clean.
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
  const out: (readonly [string, object, Descriptors])[] = [];
  for (const [name, target] of watched) {
    const descriptors: Descriptors = new Map();
    for (const key of Reflect.ownKeys(target)) descriptors.set(key, Reflect.getOwnPropertyDescriptor(target, key)!);
    out.push([name, target, descriptors]);
  }
  return out;
}

/**
 * The differences between two snapshots, as `Object.prototype.polluted: added` lines (empty when none). Written
 * with loops and `Reflect` only, so that a test that replaced an array method is still reported.
 */
export function changesBetween(before: IntegritySnapshot, after: IntegritySnapshot): string[] {
  const changes: string[] = [];
  for (let i = 0; i < before.length; i++) {
    const [name, , was] = before[i]!;
    const is = after[i]![2];
    for (const key of is.keys()) if (!was.has(key)) changes.push(`${name}.${String(key)}: added`);
    for (const [key, d] of was) {
      const now = is.get(key);
      if (now === undefined) changes.push(`${name}.${String(key)}: deleted`);
      else if (!sameDescriptor(d, now)) changes.push(`${name}.${String(key)}: changed`);
    }
  }
  return changes;
}

/**
 * The differences between `before` and now (see {@linkcode changesBetween}); each is undone: added properties
 * deleted, changed or deleted ones defined again as they were.
 */
export function restoreIntegrity(before: IntegritySnapshot): string[] {
  const now = takeIntegritySnapshot();
  for (let i = 0; i < before.length; i++) {
    const [, target, was] = before[i]!;
    const is = now[i]![2];
    for (const key of is.keys()) if (!was.has(key)) Reflect.deleteProperty(target, key);
    for (const [key, d] of was) {
      const current = is.get(key);
      if (current === undefined || !sameDescriptor(d, current)) Reflect.defineProperty(target, key, d);
    }
  }
  return changesBetween(before, now);
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
