/**
 * A snapshot of the objects a sandbox escape would change: the own properties of `Object.prototype`,
 * `Function.prototype`, `Array.prototype`, `String.prototype` and `globalThis`, each with its value (or getter).
 * Comparing two snapshots lists what was added, removed or replaced in between.
 */
const watched: ReadonlyArray<readonly [string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Function.prototype", Function.prototype],
  ["Array.prototype", Array.prototype],
  ["String.prototype", String.prototype],
  ["globalThis", globalThis],
];

/** The own properties of the watched objects, by `"<object>.<key>"`. */
export function globalsSnapshot(): ReadonlyMap<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, object] of watched) {
    for (const key of Reflect.ownKeys(object)) {
      const d = Object.getOwnPropertyDescriptor(object, key);
      out.set(`${name}.${String(key)}`, d === undefined ? undefined : "value" in d ? d.value : d.get);
    }
  }
  return out;
}

/** The keys added, removed or replaced between two snapshots (empty when nothing changed). */
export function changedGlobals(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): string[] {
  const changed: string[] = [];
  for (const [key, value] of after) if (!before.has(key) || !Object.is(before.get(key), value)) changed.push(key);
  for (const key of before.keys()) if (!after.has(key)) changed.push(key);
  return changed;
}
