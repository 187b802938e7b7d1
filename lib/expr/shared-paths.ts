/**
 * Common member-chain prefixes of one expression, read once per run. Argo's triggers test a chain and then read below
 * it (`app.status.operationState != nil and app.status.operationState.phase in [...]`), and every property read of a
 * closure compiler is a generic lookup in V8 (see member-path.ts), so reading `app.status.operationState` once
 * instead of twice saves three of seven lookups.
 *
 * Why this is exact: a chain that starts at a variable reads the same data every time within one run (variables are
 * never rebound, `let` names are locals, not variables, and reading a plain object's own data property has no
 * effects). Only prefixes without `?.` are shared, since `a?.b` ends the whole chain rather than yielding a value.
 * A prefix is computed by whichever use runs first, with that use's positions for errors, and kept in a slot of the
 * run's `locals` (`undefined` = not yet read; a read value is never `undefined`).
 * @module
 */
import { childrenOf, type Node } from "./ast.ts";
import { constantChain, directVarPath, type MemberPath, unrolledWalk } from "./member-path.ts";

/** Reads a shared prefix for one use of it (whose `positions` report errors), from a run's variables and locals. */
export type PrefixReader = (vars: object, locals: unknown[]) => unknown;

/** A shared prefix: its `locals` slot, its length in keys, and the nearest shared prefix above it. */
interface Prefix {
  readonly slot: number;
  readonly length: number;
  readonly above: Prefix | undefined;
}

interface TrieNode {
  /** Uses that pass through or end at this prefix. */
  uses: number;
  /** Uses whose sharable part ends here. */
  ends: number;
  readonly children: Map<string, TrieNode>;
  /** Set once the prefix is chosen for sharing. */
  prefix?: Prefix;
}

/** The shared prefixes of one expression. */
export interface SharedPaths {
  /**
   * The longest shared prefix of a chain from a variable (`keys[0]` is the variable), as its length in keys, its
   * `locals` slot and its reader; undefined when the chain shares nothing.
   */
  prefixOf(
    path: MemberPath,
  ): { readonly length: number; readonly slot: number; readonly read: PrefixReader } | undefined;
  /**
   * A reader of the whole chain from a variable that goes through its longest shared prefix; undefined when the chain
   * shares nothing.
   */
  readerOf(path: MemberPath): PrefixReader | undefined;
}

const newNode = (): TrieNode => ({ uses: 0, ends: 0, children: new Map() });

/** The keys of a chain up to its first `?.` (the part that can be shared). */
function sharable(path: MemberPath): readonly string[] {
  const end = path.optional.indexOf(true, 1);
  return end < 0 ? path.keys : path.keys.slice(0, end);
}

/** Visits every constant chain from an identifier, the way the compiler finds them. */
function collect(n: Node, out: MemberPath[]): void {
  if (n.kind === "Chain" || (n.kind === "Member" && !n.optional)) {
    const chain = constantChain(n.kind === "Chain" ? n.node : n, n.kind === "Chain");
    if (chain !== undefined) {
      if (chain.root.kind === "Ident") {
        out.push({
          keys: [chain.root.name, ...chain.keys],
          positions: [chain.root.pos, ...chain.positions],
          optional: [false, ...chain.optional],
        });
      }
      return;
    }
  }
  for (const child of childrenOf(n)) collect(child, out);
}

/**
 * Finds the prefixes worth sharing in `root`: those used at least twice that are either read themselves or where uses
 * branch (sharing a prefix with a single continuation gains nothing over sharing the continuation). `slot` allocates
 * a `locals` slot for each.
 */
export function sharedPaths(root: Node, slot: () => number): SharedPaths {
  const uses: MemberPath[] = [];
  collect(root, uses);
  const trie = newNode();
  for (const use of uses) {
    let node = trie;
    for (const key of sharable(use)) {
      let next = node.children.get(key);
      if (next === undefined) node.children.set(key, next = newNode());
      next.uses++;
      node = next;
    }
    node.ends++;
  }
  const choose = (node: TrieNode, depth: number, above: Prefix | undefined): void => {
    let nearest = above;
    if (depth > 0 && node.uses >= 2 && (node.ends > 0 || node.children.size >= 2)) {
      nearest = node.prefix = { slot: slot(), length: depth, above };
    }
    for (const child of node.children.values()) choose(child, depth + 1, nearest);
  };
  choose(trie, 0, undefined);
  return {
    prefixOf(path) {
      let node = trie;
      let found: Prefix | undefined;
      const keys = sharable(path);
      for (let i = 0; i < keys.length; i++) {
        const next = node.children.get(keys[i]!);
        if (next === undefined) break;
        node = next;
        if (node.prefix !== undefined) found = node.prefix;
      }
      return found === undefined
        ? undefined
        : { length: found.length, slot: found.slot, read: prefixReader(found, path) };
    },
    readerOf(path) {
      const prefix = this.prefixOf(path);
      if (prefix === undefined) return undefined;
      const { length, slot, read } = prefix, n = path.keys.length;
      if (length === n) return read;
      const rest = unrolledWalk(path, length, n);
      // The slot read again here spares a call per use once the prefix is read (most uses of a shared prefix).
      return (vars, locals) => {
        const memo = locals[slot];
        return rest(memo !== undefined ? memo : read(vars, locals));
      };
    },
  };
}

/**
 * Reads the first `length` keys of `use` once per run: from the nearest shared prefix above, or the variables.
 * Each use gets readers of its own, so errors carry its positions, whichever use reads the prefix first.
 */
function prefixReader(prefix: Prefix, use: MemberPath): PrefixReader {
  const { slot, length, above } = prefix;
  if (above === undefined) {
    const fill = directVarPath({
      keys: use.keys.slice(0, length),
      positions: use.positions.slice(0, length),
      optional: use.optional.slice(0, length),
    });
    return (vars, locals) => {
      const memo = locals[slot];
      if (memo !== undefined) return memo;
      return (locals[slot] = fill(vars));
    };
  }
  const rest = unrolledWalk(use, above.length, length);
  const read = prefixReader(above, use);
  return (vars, locals) => {
    const memo = locals[slot];
    if (memo !== undefined) return memo;
    return (locals[slot] = rest(read(vars, locals)));
  };
}
