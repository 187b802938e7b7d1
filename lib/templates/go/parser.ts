/**
 * The parser of Go text/template: tokens to a set of named trees (the main template plus every `define` and
 * `block`), with Go's error messages (`template: <name>:<line>: <message>`).
 * @module
 */
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  PipeNode,
  TemplateNode,
  VariableNode,
} from "./ast.ts";
import { nodeString } from "./ast.ts";
import { isKeyword, lex, type Token, type TokenType } from "./lexer.ts";
import { goUnquote, parseNumberLiteral, SyntaxFailure } from "./_strconv.ts";
import { quote as goQuote } from "../../gofmt/mod.ts";

/** The result of parsing one template source: its trees by name. The main tree is under the template's name. */
export interface TemplateSet {
  readonly name: string;
  readonly trees: ReadonlyMap<string, ListNode>;
}

/** A parse failure: Go's message and where (1-based line; `pos` is the UTF-16 index of the offending token). */
export class ParseFailure extends Error {
  constructor(message: string, readonly line: number, readonly pos: number) {
    super(message);
  }
}

type EndOrElse = { readonly type: "end"; readonly pos: number } | {
  readonly type: "else";
  readonly pos: number;
};
type ListItem = Node | EndOrElse;

/**
 * Parses a template source. Throws {@linkcode ParseFailure} (only) on a syntax error; callers convert it.
 * @param name the template name used in messages
 * @param source the template text
 * @param hasFunction whether a function name is defined (Go checks function names at parse time)
 * @returns the main tree and the defined templates
 */
export function parseTemplate(name: string, source: string, hasFunction: (name: string) => boolean): TemplateSet {
  const tokens = lex(source);
  const trees = new Map<string, ListNode>();
  let i = 0;
  let furthest = 0;
  let vars: string[] = ["$"];
  let rangeDepth = 0;
  let actionLine = 0;
  let nesting = 0;
  const maxNesting = 200;

  const at = (k: number): Token => tokens[Math.min(k, tokens.length - 1)] as Token;
  const next = (): Token => {
    const t = at(i);
    if (i < tokens.length) i++;
    furthest = Math.max(furthest, i - 1);
    return t;
  };
  const backup = (): void => {
    i--;
  };
  const peek = (): Token => {
    furthest = Math.max(furthest, i);
    return at(i);
  };
  const nextNonSpace = (): Token => {
    for (;;) {
      const t = next();
      if (t.type !== "space") return t;
    }
  };
  const peekNonSpace = (): Token => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const errorf = (message: string): never => {
    const t = at(furthest);
    throw new ParseFailure(`template: ${name}:${t.line}: ${message}`, t.line, t.pos);
  };
  const tokenString = (t: Token): string => {
    if (t.type === "eof") return "EOF";
    if (t.type === "error") return t.val;
    if (isKeyword(t.type)) return `<${t.val}>`;
    const chars = [...t.val];
    if (chars.length > 10) return `${goQuote(chars.slice(0, 10).join(""))}...`;
    return goQuote(t.val);
  };
  const unexpected = (t: Token, context: string): never => {
    if (t.type === "error") {
      let extra = "";
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${name}:${actionLine}`;
        if (t.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      return errorf(`${t.val}${extra}`);
    }
    return errorf(`unexpected ${tokenString(t)} in ${context}`);
  };
  const expect = (expected: TokenType, context: string): Token => {
    const t = nextNonSpace();
    if (t.type !== expected) unexpected(t, context);
    return t;
  };
  const unquote = (t: Token): string => {
    try {
      return goUnquote(t.val);
    } catch (e) {
      if (e instanceof SyntaxFailure) return errorf(e.message);
      throw e;
    }
  };
  const itemString = (n: ListItem): string =>
    n.type === "end" ? "{{end}}" : n.type === "else" ? "{{else}}" : nodeString(n);

  const isEmptyTree = (list: ListNode): boolean => list.nodes.every((n) => n.type === "text" && n.text.trim() === "");
  const add = (treeName: string, root: ListNode): void => {
    const existing = trees.get(treeName);
    if (existing === undefined || isEmptyTree(existing)) {
      trees.set(treeName, root);
      return;
    }
    if (!isEmptyTree(root)) errorf(`template: multiple definition of template ${goQuote(treeName)}`);
  };

  // --- lists

  const itemList = (): { list: ListNode; next: EndOrElse } => {
    const pos = peekNonSpace().pos;
    const nodes: Node[] = [];
    while (peekNonSpace().type !== "eof") {
      const n = textOrAction();
      if (n.type === "end" || n.type === "else") return { list: { type: "list", pos, nodes }, next: n };
      nodes.push(n);
    }
    return errorf("unexpected EOF");
  };

  const textOrAction = (): ListItem => {
    const t = nextNonSpace();
    switch (t.type) {
      case "text":
        return { type: "text", pos: t.pos, text: t.val };
      case "leftDelim": {
        actionLine = t.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      default:
        return unexpected(t, "input");
    }
  };

  const action = (): ListItem => {
    const t = nextNonSpace();
    switch (t.type) {
      case "block":
        return blockControl();
      case "break":
      case "continue": {
        const close = nextNonSpace();
        if (close.type !== "rightDelim") unexpected(close, `{{${t.type}}}`);
        if (rangeDepth === 0) errorf(`{{${t.type}}} outside {{range}}`);
        return { type: t.type, pos: t.pos };
      }
      case "else":
        return elseControl();
      case "end":
        return { type: "end", pos: expect("rightDelim", "end").pos };
      case "if":
      case "range":
      case "with":
        return branchControl(t.type);
      case "template":
        return templateControl();
    }
    backup();
    const pos = peek().pos;
    return { type: "action", pos, pipe: pipeline("command", "rightDelim") };
  };

  const elseControl = (): EndOrElse => {
    const p = peekNonSpace();
    if (p.type === "if" || p.type === "with") return { type: "else", pos: p.pos };
    return { type: "else", pos: expect("rightDelim", "else").pos };
  };

  const branchControl = (context: "if" | "range" | "with"): BranchNode => {
    const mark = vars.length;
    if (++nesting > maxNesting) errorf(`nesting deeper than ${maxNesting} levels`);
    try {
      const pipe = pipeline(context, "rightDelim");
      if (context === "range") rangeDepth++;
      const body = itemList();
      if (context === "range") rangeDepth--;
      let elseList: ListNode | undefined;
      if (body.next.type === "else") {
        const follows = peek().type;
        if ((context === "if" && follows === "if") || (context === "with" && follows === "with")) {
          next();
          elseList = { type: "list", pos: body.next.pos, nodes: [branchControl(context)] };
        } else {
          const e = itemList();
          if (e.next.type !== "end") errorf(`expected end; found ${itemString(e.next)}`);
          elseList = e.list;
        }
      }
      return { type: context, pos: pipe.pos, pipe, list: body.list, elseList };
    } finally {
      nesting--;
      vars = vars.slice(0, mark);
    }
  };

  const templateName = (t: Token, context: string): string => {
    if (t.type === "string" || t.type === "rawString") return unquote(t);
    return unexpected(t, context);
  };

  const templateControl = (): TemplateNode => {
    const t = nextNonSpace();
    const tname = templateName(t, "template clause");
    let pipe: PipeNode | undefined;
    if (nextNonSpace().type !== "rightDelim") {
      backup();
      pipe = pipeline("template clause", "rightDelim");
    }
    return { type: "template", pos: t.pos, name: tname, pipe };
  };

  const blockControl = (): TemplateNode => {
    const t = nextNonSpace();
    const tname = templateName(t, "block clause");
    const pipe = pipeline("block clause", "rightDelim");
    const body = subTree(() => itemList());
    if (body.next.type !== "end") errorf(`unexpected ${itemString(body.next)} in block clause`);
    add(tname, body.list);
    return { type: "template", pos: t.pos, name: tname, pipe };
  };

  const subTree = <A>(f: () => A): A => {
    const saved = { vars, rangeDepth };
    vars = ["$"];
    rangeDepth = 0;
    try {
      return f();
    } finally {
      vars = saved.vars;
      rangeDepth = saved.rangeDepth;
    }
  };

  const parseDefinition = (): void => {
    const t = nextNonSpace();
    if (t.type !== "string" && t.type !== "rawString") unexpected(t, "define clause");
    const tname = unquote(t);
    expect("rightDelim", "define clause");
    const body = subTree(() => itemList());
    if (body.next.type !== "end") errorf(`unexpected ${itemString(body.next)} in define clause`);
    add(tname, body.list);
  };

  // --- pipelines

  const pipeline = (context: string, end: TokenType): PipeNode => {
    if (++nesting > maxNesting) errorf(`nesting deeper than ${maxNesting} levels`);
    try {
      return pipelineBody(context, end);
    } finally {
      nesting--;
    }
  };

  const pipelineBody = (context: string, end: TokenType): PipeNode => {
    const start = peekNonSpace();
    const decl: VariableNode[] = [];
    let isAssign = false;
    decls: for (;;) {
      const mark = i;
      const v = peekNonSpace();
      if (v.type !== "variable") break;
      next();
      const after = peek();
      const n = peekNonSpace();
      if (n.type === "assign" || n.type === "declare") {
        isAssign = n.type === "assign";
        nextNonSpace();
        decl.push({ type: "variable", pos: v.pos, ident: v.val.split(".") });
        vars.push(v.val);
        break;
      }
      if (n.type === "char" && n.val === ",") {
        nextNonSpace();
        decl.push({ type: "variable", pos: v.pos, ident: v.val.split(".") });
        vars.push(v.val);
        if (context === "range" && decl.length < 2) {
          const p = peekNonSpace().type;
          if (p === "variable" || p === "rightDelim" || p === "rightParen") continue decls;
          errorf("range can only initialize variables");
        }
        errorf(`too many declarations in ${context}`);
      }
      void after;
      i = mark;
      break;
    }
    const cmds: CommandNode[] = [];
    for (;;) {
      const t = nextNonSpace();
      if (t.type === end) {
        if (cmds.length === 0) errorf(`missing value for ${context}`);
        cmds.slice(1).forEach((c, k) => {
          const first = c.args[0]?.type;
          if (first === "bool" || first === "dot" || first === "nil" || first === "number" || first === "string") {
            errorf(`non executable command in pipeline stage ${k + 2}`);
          }
        });
        return { type: "pipe", pos: start.pos, isAssign, decl, cmds };
      }
      switch (t.type) {
        case "bool":
        case "charConstant":
        case "complex":
        case "dot":
        case "field":
        case "identifier":
        case "number":
        case "nil":
        case "rawString":
        case "string":
        case "variable":
        case "leftParen":
          backup();
          cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  };

  const command = (): CommandNode => {
    const pos = peekNonSpace().pos;
    const args: ArgNode[] = [];
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op !== undefined) args.push(op);
      const t = next();
      if (t.type === "space") continue;
      if (t.type === "rightDelim" || t.type === "rightParen") backup();
      else if (t.type !== "pipe") unexpected(t, "operand");
      break;
    }
    if (args.length === 0) errorf("empty command");
    return { type: "command", pos, args };
  };

  const operand = (): ArgNode | undefined => {
    const node = term();
    if (node === undefined) return undefined;
    if (peek().type !== "field") return node;
    const pos = peek().pos;
    const fields: string[] = [];
    while (peek().type === "field") fields.push(next().val.slice(1));
    switch (node.type) {
      case "field":
        return { type: "field", pos, ident: [...node.ident, ...fields] } satisfies FieldNode;
      case "variable":
        return { type: "variable", pos, ident: [...node.ident, ...fields] } satisfies VariableNode;
      case "bool":
      case "string":
      case "number":
      case "nil":
      case "dot":
        return errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { type: "chain", pos, node, field: fields };
    }
  };

  const term = (): ArgNode | undefined => {
    const t = nextNonSpace();
    switch (t.type) {
      case "identifier":
        if (!hasFunction(t.val)) errorf(`function ${goQuote(t.val)} not defined`);
        return { type: "identifier", pos: t.pos, ident: t.val } satisfies IdentifierNode;
      case "dot":
        return { type: "dot", pos: t.pos };
      case "nil":
        return { type: "nil", pos: t.pos };
      case "variable": {
        const ident = t.val.split(".");
        if (!vars.includes(ident[0] ?? "")) errorf(`undefined variable ${goQuote(ident[0] ?? "")}`);
        return { type: "variable", pos: t.pos, ident };
      }
      case "field":
        return { type: "field", pos: t.pos, ident: t.val.slice(1).split(".") };
      case "bool":
        return { type: "bool", pos: t.pos, value: t.val === "true" };
      case "charConstant":
      case "complex":
      case "number":
        try {
          return { type: "number", pos: t.pos, text: t.val, ...parseNumberLiteral(t.val, t.type === "charConstant") };
        } catch (e) {
          if (e instanceof SyntaxFailure) return errorf(e.message);
          throw e;
        }
      case "leftParen":
        return pipeline("parenthesized pipeline", "rightParen");
      case "string":
      case "rawString":
        return { type: "string", pos: t.pos, quoted: t.val, text: unquote(t) };
    }
    backup();
    return undefined;
  };

  // --- top level

  const rootPos = peek().pos;
  const nodes: Node[] = [];
  while (peek().type !== "eof") {
    if (peek().type === "leftDelim") {
      const mark = i;
      next();
      if (nextNonSpace().type === "define") {
        parseDefinition();
        continue;
      }
      i = mark;
    }
    const n = textOrAction();
    if (n.type === "end" || n.type === "else") errorf(`unexpected ${itemString(n)}`);
    else nodes.push(n);
  }
  add(name, { type: "list", pos: rootPos, nodes });
  return { name, trees };
}
