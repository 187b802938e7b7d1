/**
 * A private copy of a template's data, for templates that call a function which changes a map or list it is given
 * (sprig's `set`, `unset`, `merge`…). Go's maps are references, so inside one render the change must be visible
 * (`{{$_ := set .app "x" 1}}{{.app.x}}` prints 1); the caller's objects must never change.
 * @module
 */
import { goTypeTag } from "../../gofmt/mod.ts";
import { defaultLimits, type Limits } from "../../limits.ts";
import { LimitFailure } from "./budget.ts";
import { setEntry } from "./map-entry.ts";

function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function copyValue(v: unknown, seen: Map<object, unknown>, depth: number, maxDepth: number): unknown {
  if (typeof v !== "object" || v === null) return v;
  const known = seen.get(v);
  if (known !== undefined) return known;
  let out: Record<string | number, unknown>;
  if (Array.isArray(v) || isPlainObject(v)) {
    if (depth >= maxDepth) {
      throw new LimitFailure("maxValueDepth", maxDepth, `the data nests more than ${maxDepth} levels deep`);
    }
  }
  if (Array.isArray(v)) {
    const items: unknown[] = new Array<unknown>(v.length);
    seen.set(v, items);
    for (let i = 0; i < v.length; i++) items[i] = copyValue(v[i], seen, depth + 1, maxDepth);
    out = items as unknown as Record<number, unknown>;
  } else if (isPlainObject(v)) {
    const map = Object.getPrototypeOf(v) === null ? Object.create(null) as Record<string, unknown> : {};
    seen.set(v, map);
    for (const k of Object.keys(v)) {
      setEntry(map, k, copyValue((v as Record<string, unknown>)[k], seen, depth + 1, maxDepth));
    }
    out = map;
  } else {
    // Class instances (GoTime, Map, Uint8Array, host objects with methods) are values or behaviour, not data that a
    // template function changes: they are shared as they are.
    return v;
  }
  const tag = Object.getOwnPropertyDescriptor(v, goTypeTag);
  if (tag !== undefined) Object.defineProperty(out, goTypeTag, tag);
  return out;
}

/**
 * Copies the plain objects and arrays of `data` (deeply, keeping shared references shared and the Go type tags),
 * while class instances and functions are kept by reference. The work is linear in the number of distinct objects.
 * @param data the template's data
 * @param limits the render's limits (`maxValueDepth` bounds the nesting copied; the default limits when left out)
 * @returns a copy a render may change
 * @throws LimitFailure when the data nests deeper than `maxValueDepth`
 * @example The copy is independent of a frozen original
 * ```ts
 * import { copyData } from "./copy-data.ts";
 * import { expect } from "vitest";
 * const app = Object.freeze({ metadata: Object.freeze({ name: "a" }) });
 * const copy = copyData({ app }) as { app: { metadata: Record<string, unknown> } };
 * copy.app.metadata["x"] = 1;
 * expect(app.metadata).toEqual({ name: "a" });
 * ```
 */
export function copyData<T>(data: T, limits: Limits = defaultLimits): T {
  return copyValue(data, new Map(), 0, limits.maxValueDepth) as T;
}
