/**
 * The expr parser: tokens → {@linkcode Node} tree, by precedence climbing with expr v1.17's operator table,
 * postfix chains (`.`, `?.`, `[…]`, slices, calls), predicates, `let`, `if/else`, ternaries and pipes.
 * @module
 */
import type { Node } from "./ast.ts";
import { SyntaxFailure } from "./_failure.ts";
import { builtins } from "./builtins.ts";
import { negatable, type Token, tokenize } from "./lexer.ts";

// --- model

interface Op {
  readonly prec: number;
  readonly right: boolean;
}

const unaryOps: Readonly<Record<string, number>> = { not: 50, "!": 50, "-": 90, "+": 90 };

const binaryOps: Readonly<Record<string, Op>> = {
  "|": { prec: 0, right: false },
  or: { prec: 10, right: false },
  "||": { prec: 10, right: false },
  and: { prec: 15, right: false },
  "&&": { prec: 15, right: false },
  "==": { prec: 20, right: false },
  "!=": { prec: 20, right: false },
  "<": { prec: 20, right: false },
  ">": { prec: 20, right: false },
  ">=": { prec: 20, right: false },
  "<=": { prec: 20, right: false },
  in: { prec: 20, right: false },
  matches: { prec: 20, right: false },
  contains: { prec: 20, right: false },
  startsWith: { prec: 20, right: false },
  endsWith: { prec: 20, right: false },
  "..": { prec: 25, right: false },
  "+": { prec: 30, right: false },
  "-": { prec: 30, right: false },
  "*": { prec: 60, right: false },
  "/": { prec: 60, right: false },
  "%": { prec: 60, right: false },
  "**": { prec: 100, right: true },
  "^": { prec: 100, right: true },
  "??": { prec: 500, right: false },
};

const isComparison = (op: string): boolean => op === "<" || op === ">" || op === ">=" || op === "<=";

type ArgKind = "expr" | "pred" | "pred?" | "expr?";
/** Predicate builtins and the shape of their arguments. */
export const predicateBuiltins: ReadonlyMap<string, readonly ArgKind[]> = new Map<string, readonly ArgKind[]>([
  ["all", ["expr", "pred"]],
  ["none", ["expr", "pred"]],
  ["any", ["expr", "pred"]],
  ["one", ["expr", "pred"]],
  ["filter", ["expr", "pred"]],
  ["map", ["expr", "pred"]],
  ["count", ["expr", "pred?"]],
  ["sum", ["expr", "pred?"]],
  ["find", ["expr", "pred"]],
  ["findIndex", ["expr", "pred"]],
  ["findLast", ["expr", "pred"]],
  ["findLastIndex", ["expr", "pred"]],
  ["groupBy", ["expr", "pred"]],
  ["sortBy", ["expr", "pred", "expr?"]],
  ["reduce", ["expr", "pred", "expr?"]],
]);

const maxNodes = 10_000;

// --- parser

/**
 * Parses an expression.
 * @throws SyntaxFailure with the first error and its offset (converted to a diagnostic by `compileExpr`).
 */
export function parse(src: string): Node {
  return new Parser(tokenize(src)).parseProgram();
}

function describe(t: Token): string {
  if (t.kind === "EOF") return "EOF";
  return `${t.kind}(${JSON.stringify(t.value)})`;
}

class Parser {
  private i = 0;
  private depth = 0;
  private nodes = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private get cur(): Token {
    return this.tokens[this.i]!;
  }
  private is(kind: Token["kind"], value?: string): boolean {
    const t = this.cur;
    return t.kind === kind && (value === undefined || t.value === value);
  }
  private next(): void {
    if (this.i < this.tokens.length - 1) this.i++;
  }
  private fail(t: Token = this.cur, msg = `unexpected token ${describe(t)}`): never {
    throw new SyntaxFailure(msg, t.pos);
  }
  private expect(kind: Token["kind"], value?: string): void {
    if (!this.is(kind, value)) this.fail();
    this.next();
  }
  private node<N extends Node>(n: N): N {
    if (++this.nodes > maxNodes) this.fail(this.cur, "compilation failed: expression exceeds maximum allowed nodes");
    return n;
  }

  parseProgram(): Node {
    const n = this.parseSequence();
    if (!this.is("EOF")) this.fail();
    return n;
  }

  private parseSequence(): Node {
    const nodes = [this.parseExpression(0)];
    while (this.is("Operator", ";")) {
      this.next();
      if (this.is("EOF")) break;
      nodes.push(this.parseExpression(0));
    }
    return nodes.length === 1 ? nodes[0]! : this.node({ kind: "Sequence", pos: nodes[0]!.pos, nodes });
  }

  private parseExpression(precedence: number): Node {
    if (precedence === 0 && this.is("Operator", "let")) return this.parseLet();
    if (precedence === 0 && this.is("Operator", "if")) return this.parseIf();
    let left = this.parsePrimary();
    let prevOp = "";
    let opToken = this.cur;
    while (opToken.kind === "Operator") {
      const negate = opToken.value === "not";
      if (negate) {
        const backup = this.i;
        this.next();
        if (!negatable.has(this.cur.value) || this.cur.kind !== "Operator") this.fail();
        const op = binaryOps[this.cur.value]!;
        if (op.prec < precedence) {
          this.i = backup;
          break;
        }
        opToken = this.cur;
      }
      const op = binaryOps[opToken.value];
      if (op === undefined || op.prec < precedence) break;
      this.next();
      if (opToken.value === "|") {
        const ident = this.cur;
        this.expect("Identifier");
        left = this.parseCall(ident, [left]);
      } else {
        if (prevOp === "??" && opToken.value !== "??") {
          this.fail(
            opToken,
            `Operator (${opToken.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`,
          );
        }
        if (isComparison(opToken.value)) {
          left = this.parseComparison(left, opToken, op.prec);
        } else {
          const right = this.parseExpression(op.right ? op.prec : op.prec + 1);
          left = this.node({ kind: "Binary", pos: opToken.pos, op: opToken.value, left, right });
          if (negate) left = this.node({ kind: "Unary", pos: opToken.pos, op: "not", node: left });
        }
      }
      prevOp = opToken.value;
      opToken = this.cur;
    }
    if (precedence === 0) left = this.parseTernary(left);
    return left;
  }

  private parseComparison(left: Node, token: Token, prec: number): Node {
    let root: Node | undefined;
    for (;;) {
      const right = this.parseExpression(prec + 1);
      const cmp: Node = this.node({ kind: "Binary", pos: token.pos, op: token.value, left, right });
      root = root === undefined ? cmp : this.node({ kind: "Binary", pos: token.pos, op: "&&", left: root, right: cmp });
      left = right;
      token = this.cur;
      if (!(token.kind === "Operator" && isComparison(token.value))) break;
      this.next();
    }
    return root;
  }

  private parseLet(): Node {
    this.expect("Operator", "let");
    const name = this.cur;
    this.expect("Identifier");
    this.expect("Operator", "=");
    const value = this.parseExpression(0);
    this.expect("Operator", ";");
    const body = this.parseSequence();
    return this.node({ kind: "Let", pos: name.pos, name: name.value, value, body });
  }

  private parseIf(): Node {
    const pos = this.cur.pos;
    this.next();
    const cond = this.parseExpression(0);
    this.expect("Bracket", "{");
    const yes = this.parseSequence();
    this.expect("Bracket", "}");
    this.expect("Operator", "else");
    let no: Node;
    if (this.is("Operator", "if")) {
      no = this.parseIf();
    } else {
      this.expect("Bracket", "{");
      no = this.parseSequence();
      this.expect("Bracket", "}");
    }
    return this.node({ kind: "Conditional", pos, cond, yes, no });
  }

  private parseTernary(node: Node): Node {
    while (this.is("Operator", "?")) {
      const pos = this.cur.pos;
      this.next();
      let yes: Node, no: Node;
      if (!this.is("Operator", ":")) {
        yes = this.parseExpression(0);
        this.expect("Operator", ":");
        no = this.parseExpression(0);
      } else {
        this.next();
        yes = node;
        no = this.parseExpression(0);
      }
      node = this.node({ kind: "Conditional", pos, cond: node, yes, no });
    }
    return node;
  }

  private parsePrimary(): Node {
    const t = this.cur;
    if (t.kind === "Operator" && unaryOps[t.value] !== undefined) {
      this.next();
      const operand = this.parseExpression(unaryOps[t.value]!);
      return this.parsePostfix(this.node({ kind: "Unary", pos: t.pos, op: t.value, node: operand }));
    }
    if (t.kind === "Bracket" && t.value === "(") {
      this.next();
      const e = this.parseSequence();
      this.expect("Bracket", ")");
      return this.parsePostfix(e);
    }
    if (this.depth > 0 && t.kind === "Operator" && (t.value === "#" || t.value === ".")) {
      let name = "";
      if (t.value === "#") {
        this.next();
        if (this.is("Identifier")) {
          name = this.cur.value;
          this.next();
        }
      }
      return this.parsePostfix(this.node({ kind: "Pointer", pos: t.pos, name }));
    }
    if (t.kind === "Operator" && t.value === "::") {
      this.next();
      const id = this.cur;
      this.expect("Identifier");
      return this.parsePostfix(this.parseCall(id, [], false));
    }
    return this.parseSecondary();
  }

  private parseSecondary(): Node {
    const t = this.cur;
    let node: Node;
    switch (t.kind) {
      case "Identifier":
        this.next();
        if (t.value === "true" || t.value === "false") {
          return this.node({ kind: "Bool", pos: t.pos, value: t.value === "true" });
        }
        if (t.value === "nil") return this.node({ kind: "Nil", pos: t.pos });
        node = this.is("Bracket", "(")
          ? this.parseCall(t, [])
          : this.node({ kind: "Ident", pos: t.pos, name: t.value });
        break;
      case "Number":
        this.next();
        return this.parseNumber(t);
      case "String":
        this.next();
        node = this.node({ kind: "String", pos: t.pos, value: t.value });
        break;
      case "Bytes":
        this.next();
        node = this.node({ kind: "Bytes", pos: t.pos, value: [...t.value].map((c) => c.charCodeAt(0) & 0xff) });
        break;
      default:
        if (t.kind === "Bracket" && t.value === "[") node = this.parseArray();
        else if (t.kind === "Bracket" && t.value === "{") node = this.parseMap();
        else this.fail();
    }
    return this.parsePostfix(node);
  }

  private parseNumber(t: Token): Node {
    const v = t.value.replace(/_/g, "");
    const lower = v.toLowerCase();
    if (/^0[xob]/.test(lower)) {
      const digits = lower.slice(2);
      const base = lower[1] === "x" ? 16 : lower[1] === "o" ? 8 : 2;
      const valid = base === 16 ? /^[0-9a-f]+$/ : base === 8 ? /^[0-7]+$/ : /^[01]+$/;
      const kind = base === 16 ? "hex" : base === 8 ? "octal" : "binary";
      if (!valid.test(digits)) {
        this.fail(t, `invalid ${kind} literal: strconv.ParseInt: parsing "${v}": invalid syntax`);
      }
      const n = BigInt(`0${lower[1]}${digits}`);
      if (n > 9223372036854775807n) {
        this.fail(t, `invalid ${kind} literal: strconv.ParseInt: parsing "${v}": value out of range`);
      }
      return this.node({ kind: "Int", pos: t.pos, value: Number(n) });
    }
    if (/[.e]/.test(lower)) {
      const f = Number(lower);
      if (Number.isNaN(f)) this.fail(t, `invalid float literal: strconv.ParseFloat: parsing "${v}": invalid syntax`);
      if (!Number.isFinite(f)) this.fail(t, "float literal is too large");
      return this.node({ kind: "Float", pos: t.pos, value: f });
    }
    if (!/^\d+$/.test(v)) this.fail(t, `invalid integer literal: strconv.ParseInt: parsing "${v}": invalid syntax`);
    const n = BigInt(v);
    if (n > 9223372036854775807n) {
      this.fail(t, `invalid integer literal: strconv.ParseInt: parsing "${v}": value out of range`);
    }
    return this.node({ kind: "Int", pos: t.pos, value: Number(n) });
  }

  private parseCall(t: Token, args: Node[], checkOverrides = true): Node {
    void checkOverrides;
    const shape = predicateBuiltins.get(t.value);
    if (shape !== undefined) {
      this.expect("Bracket", "(");
      const rest = shape.slice(args.length);
      for (let k = 0; k < rest.length; k++) {
        const a = rest[k]!;
        if (a.endsWith("?")) {
          if (this.is("Bracket", ")")) break;
        } else if (this.is("Bracket", ")")) {
          this.fail(this.cur, `expected at least ${rest.length} arguments`);
        }
        if (k > 0) this.expect("Operator", ",");
        args.push(a.startsWith("pred") ? this.parsePredicate() : this.parseExpression(0));
      }
      if (this.is("Operator", ",")) this.next();
      this.expect("Bracket", ")");
      return this.node({ kind: "Builtin", pos: t.pos, name: t.value, args });
    }
    if (builtins.has(t.value)) {
      return this.node({ kind: "Builtin", pos: t.pos, name: t.value, args: this.parseArguments(args) });
    }
    const callee = this.node<Node>({ kind: "Ident", pos: t.pos, name: t.value });
    return this.node({ kind: "Call", pos: t.pos, callee, args: this.parseArguments(args) });
  }

  private parseArguments(args: Node[]): Node[] {
    const offset = args.length;
    this.expect("Bracket", "(");
    while (!this.is("Bracket", ")")) {
      if (args.length > offset) this.expect("Operator", ",");
      if (this.is("Bracket", ")")) break;
      args.push(this.parseExpression(0));
    }
    this.expect("Bracket", ")");
    return args;
  }

  private parsePredicate(): Node {
    const start = this.cur;
    const braces = this.is("Bracket", "{");
    if (braces) this.next();
    this.depth++;
    let node: Node;
    if (braces) {
      node = this.parseSequence();
    } else {
      node = this.parseExpression(0);
      if (this.is("Operator", ";")) this.fail(this.cur, "wrap predicate with brackets { and }");
    }
    this.depth--;
    if (braces) this.expect("Bracket", "}");
    return this.node({ kind: "Predicate", pos: start.pos, node });
  }

  private parseArray(): Node {
    const t = this.cur;
    const nodes: Node[] = [];
    this.expect("Bracket", "[");
    while (!this.is("Bracket", "]")) {
      if (nodes.length > 0) {
        this.expect("Operator", ",");
        if (this.is("Bracket", "]")) break;
      }
      nodes.push(this.parseExpression(0));
    }
    this.expect("Bracket", "]");
    return this.node({ kind: "Array", pos: t.pos, nodes });
  }

  private parseMap(): Node {
    const t = this.cur;
    this.expect("Bracket", "{");
    const pairs: { key: Node; value: Node }[] = [];
    while (!this.is("Bracket", "}")) {
      if (pairs.length > 0) {
        this.expect("Operator", ",");
        if (this.is("Bracket", "}")) break;
        if (this.is("Operator", ",")) this.fail();
      }
      let key: Node;
      const k = this.cur;
      if (k.kind === "Number" || k.kind === "String" || k.kind === "Identifier") {
        key = this.node({ kind: "String", pos: k.pos, value: k.value });
        this.next();
      } else if (k.kind === "Bracket" && k.value === "(") {
        key = this.parseExpression(0);
      } else {
        this.fail(
          k,
          `a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${
            describe(k)
          })`,
        );
      }
      this.expect("Operator", ":");
      pairs.push({ key, value: this.parseExpression(0) });
    }
    this.expect("Bracket", "}");
    return this.node({ kind: "Map", pos: t.pos, pairs });
  }

  private parsePostfix(node: Node): Node {
    for (;;) {
      const t = this.cur;
      if (!(t.kind === "Operator" || t.kind === "Bracket")) return node;
      const optional = t.value === "?.";
      if (t.value === "." || optional) {
        this.next();
        const prop = this.cur;
        if (optional && prop.kind === "Bracket" && prop.value === "[") {
          node = this.parseIndex(node, prop, true);
          continue;
        }
        this.next();
        const validWord = prop.kind === "Operator" && /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u.test(prop.value);
        if (prop.kind !== "Identifier" && !validWord) this.fail(prop, "expected name");
        const isChain = node.kind === "Chain";
        const base = node.kind === "Chain" ? node.node : node;
        const property: Node = this.node({ kind: "String", pos: prop.pos, value: prop.value });
        const method = this.is("Bracket", "(");
        const member: Node = this.node({ kind: "Member", pos: prop.pos, node: base, property, optional, method });
        node = method
          ? this.node({ kind: "Call", pos: prop.pos, callee: member, args: this.parseArguments([]) })
          : member;
        if (isChain || optional) node = this.node({ kind: "Chain", pos: prop.pos, node });
      } else if (t.kind === "Bracket" && t.value === "[") {
        node = this.parseIndex(node, t, false);
      } else {
        return node;
      }
    }
  }

  private parseIndex(node: Node, t: Token, optional: boolean): Node {
    this.next();
    if (this.is("Operator", ":")) {
      this.next();
      const to = this.is("Bracket", "]") ? undefined : this.parseExpression(0);
      this.expect("Bracket", "]");
      return this.node({ kind: "Slice", pos: t.pos, node, from: undefined, to });
    }
    const from = this.parseExpression(0);
    if (this.is("Operator", ":")) {
      this.next();
      const to = this.is("Bracket", "]") ? undefined : this.parseExpression(0);
      this.expect("Bracket", "]");
      return this.node({ kind: "Slice", pos: t.pos, node, from, to });
    }
    this.expect("Bracket", "]");
    const member: Node = this.node({ kind: "Member", pos: t.pos, node, property: from, optional, method: false });
    return optional ? this.node({ kind: "Chain", pos: t.pos, node: member }) : member;
  }
}
