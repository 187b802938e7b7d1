/**
 * Member chains whose names are known at compile time (`app.status.health.status`, `a?.b?.c`, `#.reason`): the
 * hottest code of every trigger, so they compile to one closure that walks the chain instead of one closure per
 * member.
 *
 * Why the walk reads `b[key]` directly: every compiled expression shares the same few closures, so V8 sees the
 * property reads of all expressions at one site and falls back to its generic (megamorphic) lookup, several
 * nanoseconds per read. The exact check `Object.getPrototypeOf(b) === Object.prototype` calls into the V8 runtime on
 * top of that (it was a third of a trigger's time); {@linkcode isPlain} costs one more cached read. A direct read is
 * exact when the object is a plain data object (what JSON and YAML parsers build, the Go `map[string]interface{}` of
 * our value model) and the key is not inherited from `Object.prototype` (see {@linkcode isSafeKey}). Everything else
 * (nil, arrays, Go values, null-prototype objects, maps with their own `constructor` key) leaves the fast walk for
 * {@linkcode fetchMember}, which has the exact semantics and error messages.
 * @module
 */
import { fail } from "./_failure.ts";
import { fetchMember } from "./runtime.ts";

/** A member chain of constant keys. */
export interface MemberPath {
  readonly keys: readonly string[];
  /** Per key: the source offset of its member node, for errors. */
  readonly positions: readonly number[];
  /** Per key: whether it was reached with `?.` (a nil before it ends the whole chain with nil). */
  readonly optional: readonly boolean[];
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Keys that no plain object inherits and that are not array indexes: on a plain object, `b[key]` is the own property
 * or `undefined`, so reading it needs no own-property check.
 */
export function isSafeKey(key: string): boolean {
  return !(key in Object.prototype) && !/^\d/.test(key) && key !== "__proto__";
}

/**
 * Whether `b` is an object whose safe keys can be read directly: its `constructor` resolves to `Object`, which is
 * true of every object a JSON or YAML parser or an object literal makes, and false of arrays, class instances (Go
 * values, `Uint8Array`, host classes), null-prototype objects and maps with their own `constructor` key. One
 * property read, which V8 answers from its lookup cache, where `Object.getPrototypeOf` calls into the runtime.
 * A safe key is never a property of `Object.prototype`, so such a read cannot reach it.
 */
function isPlain(b: unknown): b is Record<string, unknown> {
  return typeof b === "object" && b !== null && (b as { constructor?: unknown }).constructor === Object;
}

/**
 * The exact walk from step `i` on, for values the fast walk does not take. `fromVars` says that step 0 reads a
 * variable (a missing variable is nil; the variables are never nil) rather than a member.
 */
function walkSlow(b: unknown, i: number, path: MemberPath): unknown {
  const { keys, positions, optional } = path;
  for (; i < keys.length; i++) {
    const key = keys[i]!;
    if (b === null || b === undefined) {
      if (optional[i] === true) return null;
      return fail(`cannot fetch ${key} from <nil>`, positions[i]);
    }
    b = fetchMember(b, key, positions[i]!);
  }
  return b === undefined ? null : b;
}

/**
 * Walks `path` from `start`: plain objects by direct reads, the rest by {@linkcode walkSlow}. A missing key reads as
 * `undefined`, which the next step hands to the slow walk (nil: an error, or nil through `?.`) and the end turns
 * into nil.
 */
function walk(start: unknown, path: MemberPath, from: number): unknown {
  const keys = path.keys;
  let b = start;
  for (let i = from; i < keys.length; i++) {
    if (!isPlain(b)) return walkSlow(b, i, path);
    b = b[keys[i]!];
  }
  return b === undefined ? null : b;
}

/**
 * Compiles a chain that starts at a variable: `path.keys[0]` is the variable's name. Every key must be
 * {@linkcode isSafeKey}.
 */
export function varPath(path: MemberPath): (ctx: { readonly vars: object }) => unknown {
  const name = path.keys[0]!;
  if (path.keys.length === 1) {
    return (ctx) => {
      const vars = ctx.vars;
      const v = hasOwn.call(vars, name) ? (vars as Record<string, unknown>)[name] : null;
      return v === undefined ? null : v;
    };
  }
  return (ctx) => {
    const vars = ctx.vars;
    return walk(hasOwn.call(vars, name) ? (vars as Record<string, unknown>)[name] : null, path, 1);
  };
}

/** Compiles a chain that starts at the value of `root` (a local, `#`, a namespace…). Every key must be safe. */
export function rootedPath<C>(root: (ctx: C) => unknown, path: MemberPath): (ctx: C) => unknown {
  return (ctx) => walk(root(ctx), path, 0);
}
