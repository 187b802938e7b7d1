/**
 * The names an expression reads members of, from its syntax tree.
 * @module
 */
import { childrenOf, type Node } from "./ast.ts";
import { parse } from "./parser.ts";

/**
 * The names whose members an expression reads (`cert` of `any(cert.status.conditions, {.ready})`), names bound by
 * `let` left out: how a host tells which variable a configuration calls the resource. An expression that does not
 * parse reads none.
 * @param source The expression.
 * @returns The names, in order of first use.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { memberRoots } from "./member-roots.ts";
 *
 * expect([...memberRoots("time.Now().Sub(time.Parse(cert.status.at)) > 0 && 'a.b' in cert?.spec.x")])
 *   .toEqual(["time", "cert"]);
 * ```
 */
export function memberRoots(source: string): ReadonlySet<string> {
  let root: Node;
  try {
    root = parse(source);
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  const visit = (n: Node, bound: ReadonlySet<string>): void => {
    if (n.kind === "Let") {
      visit(n.value, bound);
      visit(n.body, new Set([...bound, n.name]));
      return;
    }
    if (n.kind === "Member") {
      let base = n.node;
      while (base.kind === "Member" || base.kind === "Chain") base = base.node;
      if (base.kind === "Ident" && !bound.has(base.name)) names.add(base.name);
    }
    for (const child of childrenOf(n)) visit(child, bound);
  };
  visit(root, new Set());
  return names;
}
