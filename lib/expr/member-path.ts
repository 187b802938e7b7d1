/**
 * Member chains whose names are known at compile time (`app.status.health.status`, `a?.b?.c`, `#.reason`): the
 * hottest code of every trigger, so they compile to one closure that walks the chain instead of one closure per
 * member: {@linkcode directVarPath} from a variable, {@linkcode unrolledWalk} from any value, {@linkcode walk} (the
 * loop they unroll) past four keys.
 *
 * The walk is an optimisation of {@linkcode fetchMember}, the one access function of the language, and nothing more:
 *
 * **Invariant.** For every value of the value model (JSON-like data: plain objects with prototype `Object.prototype`
 * or `null`, arrays, strings, numbers, booleans, nil, functions, `Uint8Array`, the Go value classes), every chain of
 * {@linkcode isSafeKey} keys and every starting index, {@linkcode walk} (and each unrolled form of it) returns what
 * applying `fetchMember` key by key returns (with `?.` ending the chain at nil), and fails with the same message at
 * the same position.
 *
 * Why it holds: a step reads `b[key]` directly only when {@linkcode isPlain} holds. In the value model that means `b`
 * is a plain object whose prototype is `Object.prototype` (or `null` with an own `constructor` of `Object`), so the
 * prototype chain holds nothing but `Object.prototype`'s own properties, none of which a safe key names: `b[key]` is
 * `b`'s own property or `undefined`, which is what `fetchMember` reads. A function read that way reads as nil, as
 * `fetchMember` reads a function from a map that is not a namespace table (namespace tables have a `null` prototype
 * and never a `constructor` of `Object`, so they never take the direct read). Every other value (nil, arrays, Go
 * values, null-prototype objects, maps with their own `constructor` key) leaves for `fetchMember` itself. The keys
 * are checked for safety when the expression compiles, so the invariant assumes nobody adds properties to
 * `Object.prototype` later (expressions cannot: nothing in the language writes to an object it did not build).
 * Outside the value model (objects whose prototype chain holds other objects, accessors, proxies: only a host could
 * pass them) the walk may read what `fetchMember` would refuse.
 *
 * Why the walk reads `b[key]` directly, and why {@linkcode unrolledWalk} and {@linkcode directVarPath} write the same
 * step out several times: every compiled expression shares the same few closures, so V8 sees the property reads of
 * all expressions at the read sites of those closures, and a site that has seen many keys or object shapes falls back
 * to its generic (megamorphic) lookup, several nanoseconds per read. The exact check
 * `Object.getPrototypeOf(b) === Object.prototype` calls into the V8 runtime on top of that, and `hasOwnProperty` is a
 * call per read (measured: reading the variable with it was a third of a trigger's time); {@linkcode isPlain} costs
 * one more cached read. Written out per step and per chain length (rather than called, or looped), each read site
 * sees only the keys and shapes of that step of chains of that length, so V8 keeps it fast; that halved the time of
 * the Argo CD catalog's conditions (`npm run bench expr`). The copies differ only in how many steps they take; the
 * property tests hold every one of them to `fetchMember`.
 * @module
 */
import type { Node } from "./ast.ts";
import { fail } from "./_failure.ts";
import { fetchMember, readVar } from "./fetch-member.ts";
import { internalize } from "../internalize.ts";

/** A member chain of constant keys. */
export interface MemberPath {
  readonly keys: readonly string[];
  /** Per key: the source offset of its member node, for errors. */
  readonly positions: readonly number[];
  /** Per key: whether it was reached with `?.` (a nil before it ends the whole chain with nil). */
  readonly optional: readonly boolean[];
}

/** A member chain of constant keys and the node it starts from (a variable, a local, `#`…). */
export interface RootedPath extends MemberPath {
  readonly root: Extract<Node, { kind: "Ident" | "Pointer" }>;
}

/**
 * Splits `root.a.b.c` (constant string members, `?.` only with `allowOptional`) into its root and keys when every key
 * is {@linkcode isSafeKey}; undefined otherwise.
 */
export function constantChain(n: Node, allowOptional: boolean): RootedPath | undefined {
  const keys: string[] = [];
  const positions: number[] = [];
  const optional: boolean[] = [];
  let cur: Node = n;
  while (cur.kind === "Member" && (allowOptional || !cur.optional) && !cur.method && cur.property.kind === "String") {
    keys.unshift(internalize(cur.property.value));
    positions.unshift(cur.pos);
    optional.unshift(cur.optional);
    cur = cur.node;
  }
  if (keys.length === 0 || (cur.kind !== "Ident" && cur.kind !== "Pointer") || !keys.every(isSafeKey)) return undefined;
  return { root: cur, keys, positions, optional };
}

/**
 * Keys that no plain object inherits and that are not array indexes: on a plain object, `b[key]` is the own property
 * or `undefined`, so reading it needs no own-property check.
 */
export function isSafeKey(key: string): boolean {
  // The first character's code, not `/^\d/`: the compiler asks this of every member it reads, in a cold process.
  const first = key.charCodeAt(0);
  return !(key in Object.prototype) && !(first >= 48 && first <= 57) && key !== "__proto__";
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
 * The exact walk of steps `i` to `to`, for values the fast walk does not take.
 */
function walkSlow(b: unknown, i: number, to: number, path: MemberPath): unknown {
  const { keys, positions, optional } = path;
  for (; i < to; i++) {
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
 * Reads `path.keys[from]` up to (not including) `path.keys[to]` from `start`: plain objects by direct reads, the rest
 * by {@linkcode walkSlow}. A missing key reads as `undefined`, which the next step hands to the slow walk (nil: an
 * error, or nil through `?.`) and the end turns into nil; a function read directly reads as nil (see the invariant).
 */
export function walk(start: unknown, path: MemberPath, from: number, to: number): unknown {
  const keys = path.keys;
  let b = start;
  for (let i = from; i < to; i++) {
    if (!isPlain(b)) return walkSlow(i > from && typeof b === "function" ? null : b, i, to, path);
    b = b[keys[i]!];
  }
  if (typeof b === "function") return to > from ? null : b;
  return b === undefined ? null : b;
}

/**
 * The rest of a walk that started at key 1 (after the variable) and met, at key `i`, a value it does not read
 * directly: exactly what {@linkcode walk} does from there. The code `generateExprModule` writes calls it.
 */
export function walkOn(b: unknown, path: MemberPath, i: number): unknown {
  return walkSlow(i > 1 && typeof b === "function" ? null : b, i, path.keys.length, path);
}

type Rec = Record<string, unknown>;

/** The end of a walk of at least one key: a function read directly reads as nil (see the invariant), so does a gap. */
const end = (b: unknown): unknown => (typeof b === "function" || b === undefined ? null : b);

/** A function read directly, as the next step sees it: nil (see the invariant). */
const read = (b: unknown): unknown => (typeof b === "function" ? null : b);

/**
 * {@linkcode walk} of keys `from` to `to` (at least one) as a closure of its start value, unrolled for up to four
 * keys: the same reads and the same slow walk, but every step has read sites of its own (the plain-object check is
 * written out at each step rather than called, so V8 keeps a lookup cache per step and chain length instead of one
 * for every read of every expression, which measured 30% of a condition's time).
 */
export function unrolledWalk(path: MemberPath, from: number, to: number): (start: unknown) => unknown {
  const keys = path.keys;
  const k0 = keys[from]!, k1 = keys[from + 1]!, k2 = keys[from + 2]!, k3 = keys[from + 3]!;
  switch (to - from) {
    case 1:
      return (
        a,
      ) => (typeof a === "object" && a !== null && (a as Rec).constructor === Object
        ? end((a as Rec)[k0])
        : walkSlow(a, from, to, path));
    case 2:
      return (a) => {
        if (!(typeof a === "object" && a !== null && (a as Rec).constructor === Object)) {
          return walkSlow(a, from, to, path);
        }
        const b = (a as Rec)[k0];
        return typeof b === "object" && b !== null && (b as Rec).constructor === Object
          ? end((b as Rec)[k1])
          : walkSlow(read(b), from + 1, to, path);
      };
    case 3:
      return (a) => {
        if (!(typeof a === "object" && a !== null && (a as Rec).constructor === Object)) {
          return walkSlow(a, from, to, path);
        }
        const b = (a as Rec)[k0];
        if (!(typeof b === "object" && b !== null && (b as Rec).constructor === Object)) {
          return walkSlow(read(b), from + 1, to, path);
        }
        const c = (b as Rec)[k1];
        return typeof c === "object" && c !== null && (c as Rec).constructor === Object
          ? end((c as Rec)[k2])
          : walkSlow(read(c), from + 2, to, path);
      };
    case 4:
      return (a) => {
        if (!(typeof a === "object" && a !== null && (a as Rec).constructor === Object)) {
          return walkSlow(a, from, to, path);
        }
        const b = (a as Rec)[k0];
        if (!(typeof b === "object" && b !== null && (b as Rec).constructor === Object)) {
          return walkSlow(read(b), from + 1, to, path);
        }
        const c = (b as Rec)[k1];
        if (!(typeof c === "object" && c !== null && (c as Rec).constructor === Object)) {
          return walkSlow(read(c), from + 2, to, path);
        }
        const d = (c as Rec)[k2];
        return typeof d === "object" && d !== null && (d as Rec).constructor === Object
          ? end((d as Rec)[k3])
          : walkSlow(read(d), from + 3, to, path);
      };
    default:
      return (a) => walk(a, path, from, to);
  }
}

/**
 * Compiles a chain that starts at a variable (`path.keys[0]` is its name) into a closure of the run's variables. When the variables are a plain object
 * (as a host passes them), the variable is read as the first step of an unrolled walk, which is {@linkcode readVar}'s
 * read there (a safe key of a plain object is an own property or nothing; a function is nil either way); otherwise
 * `readVar` reads it. Every key must be {@linkcode isSafeKey}.
 */
export function directVarPath(path: MemberPath): (vars: object) => unknown {
  const keys = path.keys;
  const name = keys[0]!, n = keys.length;
  if (n === 1) {
    return (vars) => {
      const v = readVar(vars, name);
      return v === undefined ? null : v;
    };
  }
  const rest = unrolledWalk(path, 1, n);
  const k1 = keys[1]!, k2 = keys[2]!, k3 = keys[3]!, k4 = keys[4]!;
  switch (n) {
    case 2:
      return (vars) => {
        if (!(typeof vars === "object" && vars !== null && (vars as Rec).constructor === Object)) {
          return rest(readVar(vars, name));
        }
        const a = read((vars as Rec)[name]);
        return typeof a === "object" && a !== null && (a as Rec).constructor === Object
          ? end((a as Rec)[k1])
          : walkSlow(a, 1, n, path);
      };
    case 3:
      return (vars) => {
        if (!(typeof vars === "object" && vars !== null && (vars as Rec).constructor === Object)) {
          return rest(readVar(vars, name));
        }
        const a = read((vars as Rec)[name]);
        if (!(typeof a === "object" && a !== null && (a as Rec).constructor === Object)) return walkSlow(a, 1, n, path);
        const b = (a as Rec)[k1];
        return typeof b === "object" && b !== null && (b as Rec).constructor === Object
          ? end((b as Rec)[k2])
          : walkSlow(read(b), 2, n, path);
      };
    case 4:
      return (vars) => {
        if (!(typeof vars === "object" && vars !== null && (vars as Rec).constructor === Object)) {
          return rest(readVar(vars, name));
        }
        const a = read((vars as Rec)[name]);
        if (!(typeof a === "object" && a !== null && (a as Rec).constructor === Object)) return walkSlow(a, 1, n, path);
        const b = (a as Rec)[k1];
        if (!(typeof b === "object" && b !== null && (b as Rec).constructor === Object)) {
          return walkSlow(read(b), 2, n, path);
        }
        const c = (b as Rec)[k2];
        return typeof c === "object" && c !== null && (c as Rec).constructor === Object
          ? end((c as Rec)[k3])
          : walkSlow(read(c), 3, n, path);
      };
    case 5:
      return (vars) => {
        if (!(typeof vars === "object" && vars !== null && (vars as Rec).constructor === Object)) {
          return rest(readVar(vars, name));
        }
        const a = read((vars as Rec)[name]);
        if (!(typeof a === "object" && a !== null && (a as Rec).constructor === Object)) return walkSlow(a, 1, n, path);
        const b = (a as Rec)[k1];
        if (!(typeof b === "object" && b !== null && (b as Rec).constructor === Object)) {
          return walkSlow(read(b), 2, n, path);
        }
        const c = (b as Rec)[k2];
        if (!(typeof c === "object" && c !== null && (c as Rec).constructor === Object)) {
          return walkSlow(read(c), 3, n, path);
        }
        const d = (c as Rec)[k3];
        return typeof d === "object" && d !== null && (d as Rec).constructor === Object
          ? end((d as Rec)[k4])
          : walkSlow(read(d), 4, n, path);
      };
    default:
      return (vars) => rest(readVar(vars, name));
  }
}

/** Compiles a chain that starts at the value of `root` (a local, `#`, a namespace…). Every key must be safe. */
export function rootedPath<C>(root: (ctx: C) => unknown, path: MemberPath): (ctx: C) => unknown {
  const n = path.keys.length;
  return (ctx) => walk(root(ctx), path, 0, n);
}
