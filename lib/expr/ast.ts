/**
 * The syntax tree of an expr expression, as the parser builds it (one node type per construct of expr v1.17).
 * Every node carries the 0-based offset of its token in the source, for error positions.
 * @module
 */

/** A node of the syntax tree. */
export type Node =
  | { readonly kind: "Nil"; readonly pos: number }
  | { readonly kind: "Bool"; readonly pos: number; readonly value: boolean }
  | { readonly kind: "Int"; readonly pos: number; readonly value: number }
  | { readonly kind: "Float"; readonly pos: number; readonly value: number }
  | { readonly kind: "String"; readonly pos: number; readonly value: string }
  | { readonly kind: "Bytes"; readonly pos: number; readonly value: readonly number[] }
  | { readonly kind: "Ident"; readonly pos: number; readonly name: string }
  /** `#`, `#index`, `#acc`, or the implicit element of `.field` (name "") inside a predicate. */
  | { readonly kind: "Pointer"; readonly pos: number; readonly name: string }
  | { readonly kind: "Unary"; readonly pos: number; readonly op: string; readonly node: Node }
  | { readonly kind: "Binary"; readonly pos: number; readonly op: string; readonly left: Node; readonly right: Node }
  | {
    readonly kind: "Member";
    readonly pos: number;
    readonly node: Node;
    readonly property: Node;
    readonly optional: boolean;
    readonly method: boolean;
  }
  /** The extent of an optional chain: a nil met by `?.` inside makes the whole chain nil. */
  | { readonly kind: "Chain"; readonly pos: number; readonly node: Node }
  | {
    readonly kind: "Slice";
    readonly pos: number;
    readonly node: Node;
    readonly from: Node | undefined;
    readonly to: Node | undefined;
  }
  | { readonly kind: "Call"; readonly pos: number; readonly callee: Node; readonly args: readonly Node[] }
  | { readonly kind: "Builtin"; readonly pos: number; readonly name: string; readonly args: readonly Node[] }
  | { readonly kind: "Predicate"; readonly pos: number; readonly node: Node }
  | { readonly kind: "Conditional"; readonly pos: number; readonly cond: Node; readonly yes: Node; readonly no: Node }
  | { readonly kind: "Array"; readonly pos: number; readonly nodes: readonly Node[] }
  | {
    readonly kind: "Map";
    readonly pos: number;
    readonly pairs: readonly { readonly key: Node; readonly value: Node }[];
  }
  | { readonly kind: "Let"; readonly pos: number; readonly name: string; readonly value: Node; readonly body: Node }
  | { readonly kind: "Sequence"; readonly pos: number; readonly nodes: readonly Node[] };

/** The node kinds, as a string union. */
export type NodeKind = Node["kind"];

/**
 * The nodes directly under a node, in source order.
 * @param n The node.
 * @returns Its children.
 */
export function childrenOf(n: Node): readonly Node[] {
  switch (n.kind) {
    case "Unary":
    case "Chain":
    case "Predicate":
      return [n.node];
    case "Binary":
      return [n.left, n.right];
    case "Member":
      return [n.node, n.property];
    case "Slice":
      return [n.node, ...(n.from === undefined ? [] : [n.from]), ...(n.to === undefined ? [] : [n.to])];
    case "Call":
      return [n.callee, ...n.args];
    case "Builtin":
      return n.args;
    case "Conditional":
      return [n.cond, n.yes, n.no];
    case "Array":
    case "Sequence":
      return n.nodes;
    case "Map":
      return n.pairs.flatMap((p) => [p.key, p.value]);
    case "Let":
      return [n.value, n.body];
    default:
      return [];
  }
}
