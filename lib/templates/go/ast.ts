/**
 * The syntax tree of Go text/template, as Go's `text/template/parse` builds it. Every node carries `pos`, the
 * UTF-16 index of its start in the source (Go's byte position, translated), used for line/column in errors.
 * @module
 */
import { quote as goQuote } from "../../gofmt/mod.ts";

/** A list of nodes: a template body or a branch. */
export interface ListNode {
  readonly type: "list";
  readonly pos: number;
  readonly nodes: readonly Node[];
}

/** Text outside actions, emitted verbatim. */
export interface TextNode {
  readonly type: "text";
  readonly pos: number;
  readonly text: string;
}

/** `{{pipeline}}`: evaluate and print (unless it declares variables). */
export interface ActionNode {
  readonly type: "action";
  readonly pos: number;
  readonly pipe: PipeNode;
}

/** `if`, `with` and `range`: a pipeline, a body and an optional else branch. */
export interface BranchNode {
  readonly type: "if" | "with" | "range";
  readonly pos: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}

/** `{{template "name" pipeline}}` (also what `{{block}}` leaves in place). */
export interface TemplateNode {
  readonly type: "template";
  readonly pos: number;
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

/** `{{break}}` or `{{continue}}` inside a range. */
export interface LoopControlNode {
  readonly type: "break" | "continue";
  readonly pos: number;
}

/** A node of a template body. */
export type Node = TextNode | ActionNode | BranchNode | TemplateNode | LoopControlNode;

/** A pipeline: optional variable declarations (or assignments) and commands joined by `|`. */
export interface PipeNode {
  readonly type: "pipe";
  readonly pos: number;
  readonly isAssign: boolean;
  readonly decl: readonly VariableNode[];
  readonly cmds: readonly CommandNode[];
}

/** A command: a function or method name, or a value, followed by arguments. */
export interface CommandNode {
  readonly type: "command";
  readonly pos: number;
  readonly args: readonly ArgNode[];
}

/** `.a.b.c`: a field chain starting at dot. */
export interface FieldNode {
  readonly type: "field";
  readonly pos: number;
  readonly ident: readonly string[];
}

/** `$x` or `$x.a.b`: a variable, possibly followed by fields. */
export interface VariableNode {
  readonly type: "variable";
  readonly pos: number;
  readonly ident: readonly string[];
}

/** `(pipeline).a.b`: fields on the result of a term. */
export interface ChainNode {
  readonly type: "chain";
  readonly pos: number;
  readonly node: ArgNode;
  readonly field: readonly string[];
}

/** A function name. */
export interface IdentifierNode {
  readonly type: "identifier";
  readonly pos: number;
  readonly ident: string;
}

/** `.` */
export interface DotNode {
  readonly type: "dot";
  readonly pos: number;
}

/** `nil` */
export interface NilNode {
  readonly type: "nil";
  readonly pos: number;
}

/** `true` or `false` */
export interface BoolNode {
  readonly type: "bool";
  readonly pos: number;
  readonly value: boolean;
}

/** A string literal; `quoted` is the source text, `text` the value. */
export interface StringNode {
  readonly type: "string";
  readonly pos: number;
  readonly quoted: string;
  readonly text: string;
}

/** A numeric or character constant, with the interpretations Go allows for it. */
export interface NumberNode {
  readonly type: "number";
  readonly pos: number;
  readonly text: string;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int: number;
  readonly bigInt?: bigint;
  readonly float: number;
}

/** Anything that can be an argument of a command. */
export type ArgNode =
  | FieldNode
  | VariableNode
  | ChainNode
  | IdentifierNode
  | DotNode
  | NilNode
  | BoolNode
  | StringNode
  | NumberNode
  | PipeNode;

// --- printing (Go's Node.String(), used in error contexts)

/** Prints a node the way Go's `Node.String()` does, for error messages (`at <.app.foo>`). */
export function nodeString(n: Node | ArgNode | CommandNode | ListNode): string {
  switch (n.type) {
    case "list":
      return n.nodes.map(nodeString).join("");
    case "text":
      return n.text;
    case "action":
      return `{{${nodeString(n.pipe)}}}`;
    case "if":
    case "with":
    case "range":
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${
        n.elseList !== undefined ? `{{else}}${nodeString(n.elseList)}` : ""
      }{{end}}`;
    case "template":
      return `{{template ${goQuote(n.name)}${n.pipe !== undefined ? ` ${nodeString(n.pipe)}` : ""}}}`;
    case "break":
    case "continue":
      return `{{${n.type}}}`;
    case "pipe": {
      const decl = n.decl.length > 0 ? `${n.decl.map(nodeString).join(", ")} := ` : "";
      return decl + n.cmds.map(nodeString).join(" | ");
    }
    case "command":
      return n.args.map((a) => (a.type === "pipe" ? `(${nodeString(a)})` : nodeString(a))).join(" ");
    case "field":
      return n.ident.map((i) => `.${i}`).join("");
    case "variable":
      return n.ident.join(".");
    case "chain": {
      const head = n.node.type === "pipe" ? `(${nodeString(n.node)})` : nodeString(n.node);
      return head + n.field.map((f) => `.${f}`).join("");
    }
    case "identifier":
      return n.ident;
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "bool":
      return n.value ? "true" : "false";
    case "string":
      return n.quoted;
    case "number":
      return n.text;
  }
}
