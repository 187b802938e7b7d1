/**
 * The expr compiler: syntax tree → tree of JavaScript closures. Along the way it does what expr's checker and
 * optimizer do in the engine's untyped mode: literal type errors are compile errors, `true and x`-style folding skips
 * the folded-away side, and `x in ['a', 'b']` becomes a set lookup (with Go's quirks for nil and non-strings).
 * @module
 */
import type { Node } from "./ast.ts";
import { E } from "../fp.ts";
import { GoFloat, toFloatValue } from "../values/mod.ts";
import { charsPerStep, checkList, checkString, newBudget, spend, spendChars } from "./_budget.ts";
import { EvalFailure, fail, LimitFailure, SyntaxFailure } from "./_failure.ts";
import { predicateBuiltin } from "./_predicates.ts";
import type { Ctx, Direct, Fn } from "./_run.ts";
import { builtins } from "./builtins.ts";
import {
  directAnd,
  directConditional,
  directEqualsLiteral,
  directInStrings,
  directNot,
  directNullish,
  directOr,
} from "./_direct.ts";
import { fetchMember } from "./fetch-member.ts";
import { isNamespace } from "./namespace.ts";
import { internalize } from "../internalize.ts";
import {
  constantChain,
  directVarPath,
  isSafeKey,
  type MemberPath,
  type RootedPath,
  rootedPath,
  unrolledWalk,
} from "./member-path.ts";
import { type SharedPaths, sharedPaths } from "./shared-paths.ts";
import { compileGoRegexp as compileRegexp, type GoRegexp } from "../go/mod.ts";
import {
  add,
  compare,
  div,
  equal,
  inCollection,
  inStrings,
  mod,
  mul,
  negate,
  pow,
  slice,
  sub,
  toBool,
  toStr,
  typeName,
} from "./runtime.ts";

// --- model

/** What the compiler needs from the host. */
export interface CompilerOptions {
  readonly functions: Readonly<Record<string, unknown>>;
}

type Nature = "unknown" | "nil" | "bool" | "int" | "float" | "string" | "array" | "map" | "bytes" | "func";

interface Compiled {
  readonly fn: Fn;
  readonly nt: Nature;
  /** For an array: the nature of every element when the checker knows it (`1..3`, `[1, 2]`, `filter(1..3, …)`). */
  readonly el?: Nature;
  /** Set when the node is a literal after folding (what expr's optimizer treats as a constant). */
  readonly lit?: { readonly value: unknown };
  /** The node's specialised closure, when it has one (see {@linkcode Direct}); `fn` does the same with a `Ctx`. */
  readonly direct?: Direct;
}

interface Scope {
  readonly locals: ReadonlyMap<string, number>;
  readonly inPredicate: boolean;
  /** The nature of `#` in the innermost predicate, as expr's checker infers it from the collection. */
  readonly el?: Nature;
}

/** The marker an optional member returns inside a chain when its base is nil; the chain turns it into nil. */
const short: unique symbol = Symbol("short");

/** A Go uint8 in flight between a string index and the negation that must wrap it (never escapes a run). */
class Byte {
  constructor(readonly n: number) {}
}

const hasOwn = Object.prototype.hasOwnProperty;

// --- entry

/**
 * Compiles a parsed expression into a closure.
 * @throws SyntaxFailure for type errors expr reports at compile time.
 */
export function compileTree(
  node: Node,
  options: CompilerOptions,
): { readonly fn: Fn; readonly slots: number; readonly direct?: Direct } {
  const c = new Compiler(options, node);
  const r = c.compile(node, { locals: new Map(), inPredicate: false }, false);
  return r.direct === undefined ? { fn: r.fn, slots: c.slots } : { fn: r.fn, slots: c.slots, direct: r.direct };
}

// --- utils

const isNum = (n: Nature): boolean => n === "int" || n === "float";
const maybe = (l: Nature, r: Nature, ...ok: Nature[]): boolean =>
  (l === "unknown" && r === "unknown") || (l === "unknown" && ok.includes(r)) || (r === "unknown" && ok.includes(l));

/** expr's isComparable: whether `==` (and `in` over an array of known elements) type-checks. */
function comparable(l: Nature, r: Nature): boolean {
  return l === "unknown" || r === "unknown" || l === "nil" || r === "nil" || (isNum(l) && isNum(r)) || l === r;
}

function goNature(n: Nature): string {
  switch (n) {
    case "unknown":
      return "interface {}";
    case "float":
      return "float64";
    case "array":
      return "[]interface {}";
    case "map":
      return "map[string]interface {}";
    case "bytes":
      return "[]uint8";
    default:
      return n;
  }
}

function natureOfValue(v: unknown): Nature {
  if (v === null) return "nil";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (v instanceof GoFloat) return "float";
  return "unknown";
}

/** A compiled node with its specialised closure, when it has one. */
const specialised = (
  c: Compiled,
  direct: Direct | undefined,
): Compiled => (direct === undefined ? c : { ...c, direct });

const constant = (value: unknown): Compiled => {
  const fn = () => value;
  return { fn, nt: natureOfValue(value), lit: { value }, direct: fn };
};

/** Pays for scanning a string or byte operand, and returns it. */
function scanned(ctx: Ctx, v: unknown, pos: number): unknown {
  if (typeof v === "string" || v instanceof Uint8Array) spendChars(ctx, v.length, pos);
  return v;
}

function hostArg(v: unknown): unknown {
  return v instanceof GoFloat ? v.value : v;
}

/**
 * Calls a function the expression reached (a helper, a host function, a Go value's method: `fetch-member.ts` gives
 * out no other). Pays one step plus the characters of its string arguments and of a string result.
 */
function call(ctx: Ctx, f: unknown, args: unknown[], pos: number): unknown {
  if (typeof f !== "function") {
    return fail(
      f === null || f === undefined
        ? "invalid operation: cannot call nil"
        : `invalid operation: cannot call ${typeName(f)}`,
      pos,
    );
  }
  let chars = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === "string") chars += a.length;
  }
  spend(ctx, 1 + Math.floor(chars / charsPerStep), pos);
  let r: unknown;
  try {
    r = (f as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    if (e instanceof EvalFailure) throw new EvalFailure(e.message, e.pos < 0 ? pos : e.pos);
    if (e instanceof LimitFailure) throw e.at(pos);
    throw new EvalFailure(e instanceof Error ? e.message : String(e), pos);
  }
  if (typeof r === "string") {
    checkString(ctx, r.length, "a function", pos);
    spendChars(ctx, r.length, pos);
  }
  return r === undefined ? null : r;
}

// --- compiler

class Compiler {
  slots = 0;
  private readonly shared: SharedPaths;
  constructor(private readonly options: CompilerOptions, root: Node) {
    this.shared = sharedPaths(root, () => this.slots++);
  }

  private err(pos: number, msg: string): never {
    throw new SyntaxFailure(msg, pos);
  }

  compile(n: Node, s: Scope, inChain: boolean): Compiled {
    switch (n.kind) {
      case "Nil":
        return constant(null);
      case "Bool":
        return constant(n.value);
      case "Int":
        return constant(n.value);
      case "Float":
        return constant(toFloatValue(n.value));
      case "String":
        return constant(n.value);
      case "Bytes": {
        const bytes = n.value;
        return { fn: (ctx) => (spendChars(ctx, bytes.length, n.pos), Uint8Array.from(bytes)), nt: "bytes" };
      }
      case "Ident":
        return this.ident(n.name, n.pos, s);
      case "Pointer":
        return this.pointer(n.name, n.pos, s);
      case "Unary":
        return this.unary(n.op, n.node, n.pos, s);
      case "Binary":
        return this.binary(n.op, n.left, n.right, n.pos, s);
      case "Chain": {
        const path = constantChain(n.node, true);
        if (path !== undefined) return this.path(path, s);
        const inner = this.compile(n.node, s, true).fn;
        return {
          fn: (ctx) => {
            const v = inner(ctx);
            return v === short ? null : v;
          },
          nt: "unknown",
        };
      }
      case "Member":
        return this.member(n, s, inChain);
      case "Slice":
        return this.slice(n.node, n.from, n.to, n.pos, s);
      case "Call":
        return this.call(n.callee, n.args, n.pos, s, inChain);
      case "Builtin":
        return this.builtin(n.name, n.args, n.pos, s);
      case "Predicate":
        return this.compile(n.node, s, false);
      case "Conditional":
        return this.conditional(n.cond, n.yes, n.no, n.pos, s);
      case "Array": {
        const compiled = n.nodes.map((x) => this.compile(x, s, false));
        const items = compiled.map((c) => c.fn);
        // expr's checker types a literal whose elements share one kind as an array of that kind ([1, 2] is []int).
        const first = compiled[0]?.nt;
        const el = first !== undefined && compiled.every((c) => c.nt === first) ? first : undefined;
        const pos = n.pos;
        return {
          fn: (ctx) => (spend(ctx, items.length, pos), items.map((f) => f(ctx))),
          nt: "array",
          ...(el !== undefined ? { el } : {}),
        };
      }
      case "Map":
        return this.map(n.pairs, n.pos, s);
      case "Let": {
        if (s.locals.has(n.name)) this.err(n.pos, `cannot redeclare variable ${n.name}`);
        if (builtins.has(n.name) || hasOwn.call(this.options.functions, n.name)) {
          this.err(n.pos, `cannot redeclare ${n.name}`);
        }
        const value = this.compile(n.value, s, false).fn;
        const slot = this.slots++;
        const locals = new Map(s.locals).set(n.name, slot);
        const body = this.compile(n.body, { ...s, locals }, false);
        return {
          fn: (ctx) => {
            ctx.locals[slot] = value(ctx);
            return body.fn(ctx);
          },
          nt: body.nt,
        };
      }
      case "Sequence": {
        const parts = n.nodes.map((x) => this.compile(x, s, false));
        const fns = parts.map((p) => p.fn);
        return {
          fn: (ctx) => {
            let v: unknown = null;
            for (const f of fns) v = f(ctx);
            return v;
          },
          nt: parts[parts.length - 1]!.nt,
        };
      }
    }
  }

  private ident(source: string, pos: number, s: Scope): Compiled {
    const name = internalize(source);
    const slot = s.locals.get(name);
    if (slot !== undefined) return { fn: (ctx) => ctx.locals[slot], nt: "unknown" };
    if (hasOwn.call(this.options.functions, name)) {
      const f = this.options.functions[name];
      const fn = () => f;
      return { fn, nt: "unknown", direct: fn };
    }
    if (name === "$env") return { fn: (ctx) => ctx.vars, nt: "map", direct: (vars) => vars };
    if (isSafeKey(name)) {
      const path: MemberPath = { keys: [name], positions: [pos], optional: [false] };
      const direct = directVarPath(path);
      return { fn: (ctx) => direct(ctx.vars), nt: "unknown", direct };
    }
    const read = (vars: Ctx["vars"]): unknown => {
      if (!hasOwn.call(vars, name)) return null;
      const v = vars[name];
      return v === undefined ? null : v;
    };
    return { fn: (ctx) => read(ctx.vars), nt: "unknown", direct: read };
  }

  /** The host's namespace table an identifier names, as the per-run read of it. */
  private namespaceOf(n: Node, s: Scope): Fn | undefined {
    if (n.kind !== "Ident" || s.locals.has(n.name)) return undefined;
    if (hasOwn.call(this.options.functions, n.name)) {
      const t = this.options.functions[n.name];
      return t !== null && typeof t === "object" && isNamespace(t) ? () => t : undefined;
    }
    return undefined;
  }

  /** Whether an identifier names a variable (not a local, host function or `$env`). */
  private isVariable(name: string, s: Scope): boolean {
    return !(s.locals.has(name) || hasOwn.call(this.options.functions, name) || name === "$env");
  }

  private pointer(name: string, pos: number, s: Scope): Compiled {
    if (!s.inPredicate) this.err(pos, "cannot use pointer accessor outside predicate");
    if (name === "") return { fn: (ctx) => ctx.el, nt: s.el ?? "unknown" };
    if (name === "index") return { fn: (ctx) => ctx.idx, nt: "int" };
    if (name === "acc") return { fn: (ctx) => ctx.acc, nt: "unknown" };
    return this.err(pos, `unknown pointer #${name}`);
  }

  private unary(op: string, node: Node, pos: number, s: Scope): Compiled {
    const a = this.compile(node, s, false);
    const f = a.fn;
    if (op === "!" || op === "not") {
      if (a.nt !== "bool" && a.nt !== "unknown") {
        this.err(pos, `invalid operation: ${op} (mismatched type ${goNature(a.nt)})`);
      }
      if (a.lit !== undefined) return constant(!a.lit.value);
      return specialised({ fn: (ctx) => !toBool(f(ctx), pos), nt: "bool" }, directNot(a.direct, pos));
    }
    if (!isNum(a.nt) && a.nt !== "unknown") {
      this.err(pos, `invalid operation: ${op} (mismatched type ${goNature(a.nt)})`);
    }
    if (op === "-") {
      if (a.lit !== undefined) return constant(negate(a.lit.value, pos));
      const bytes = this.byteAware(node, s);
      if (bytes !== undefined) {
        return {
          fn: (ctx) => {
            const v = bytes(ctx);
            return v instanceof Byte ? (256 - v.n) & 255 : negate(v, pos);
          },
          nt: a.nt,
        };
      }
      return { fn: (ctx) => negate(f(ctx), pos), nt: a.nt };
    }
    // Unary plus compiles to nothing in expr: past the checker, any value passes through unchanged.
    return a.lit !== undefined ? a : { fn: f, nt: a.nt, ...(a.direct !== undefined ? { direct: a.direct } : {}) };
  }

  /**
   * `node` (an operand of unary `-`, already compiled and checked) recompiled so that a Go `uint8` comes back boxed
   * as a {@linkcode Byte}: an element of a string or `[]byte` fetched by index (`s[1]`) or walked by a predicate
   * (`#` in `map(s, {-#})`) is a uint8 in Go, and its
   * negation wraps (`-'hello'[1]` is 155, not -101), as expr's `runtime.Negate` keeps the operand's type. Everywhere
   * else a byte behaves as an int (v1.17's arithmetic and comparisons convert it), so only negation needs to know.
   * Undefined when the node cannot yield a byte by itself.
   */
  private byteAware(node: Node, s: Scope): Fn | undefined {
    if (node.kind === "Member" && !node.optional && !node.method && node.property.kind !== "String") {
      const bf = this.compile(node.node, s, false).fn;
      const pf = this.compile(node.property, s, false).fn;
      const pos = node.pos;
      return (ctx) => {
        const b = bf(ctx);
        const v = fetchMember(b, pf(ctx), pos, ctx);
        return typeof b === "string" || b instanceof Uint8Array ? new Byte(v as number) : v;
      };
    }
    if (node.kind === "Pointer" && node.name === "" && s.inPredicate) {
      return (ctx) => (ctx.elIsByte === true ? new Byte(ctx.el as number) : ctx.el);
    }
    if (node.kind === "Unary" && (node.op === "-" || node.op === "+")) {
      const inner = this.byteAware(node.node, s);
      if (inner === undefined || node.op === "+") return inner;
      const pos = node.pos;
      return (ctx) => {
        const v = inner(ctx);
        return v instanceof Byte ? new Byte((256 - v.n) & 255) : negate(v, pos);
      };
    }
    return undefined;
  }

  private checkBinary(op: string, l: Nature, r: Nature, pos: number, right: Node): Nature {
    const bad = (): never =>
      this.err(pos, `invalid operation: ${op} (mismatched types ${goNature(l)} and ${goNature(r)})`);
    switch (op) {
      case "==":
      case "!=":
        if (
          l === "unknown" || r === "unknown" || l === "nil" || r === "nil" || (isNum(l) && isNum(r)) ||
          (l === "array" && r === "array") || l === r
        ) return "bool";
        return bad();
      case "or":
      case "||":
      case "and":
      case "&&":
        return (l === "bool" && r === "bool") || maybe(l, r, "bool") ? "bool" : bad();
      case "<":
      case ">":
      case "<=":
      case ">=":
        return (isNum(l) && isNum(r)) || (l === "string" && r === "string") || maybe(l, r, "int", "float", "string")
          ? "bool"
          : bad();
      case "-":
      case "*":
        if (isNum(l) && isNum(r)) return l === "float" || r === "float" ? "float" : "int";
        return maybe(l, r, "int", "float") ? "unknown" : bad();
      case "+":
        if (isNum(l) && isNum(r)) return l === "float" || r === "float" ? "float" : "int";
        if (l === "string" && r === "string") return "string";
        return maybe(l, r, "int", "float", "string") ? "unknown" : bad();
      case "/":
      case "**":
      case "^":
        return (isNum(l) && isNum(r)) || maybe(l, r, "int", "float") ? "float" : bad();
      case "%":
        return (l === "int" && r === "int") || maybe(l, r, "int") ? "int" : bad();
      case "in":
        if (r === "map") {
          if (l !== "unknown" && l !== "string") this.err(pos, `cannot use ${goNature(l)} as type string in map key`);
          return "bool";
        }
        if (r === "array" || r === "unknown") return "bool";
        if (l === "unknown" && (r === "string" || r === "bytes")) return "bool";
        return bad();
      case "matches":
        if (right.kind === "String") {
          const re = compileRegexp(right.value);
          if (E.isLeft(re)) this.err(pos, re.left);
        }
        return ((l === "string" || l === "bytes") && r === "string") || maybe(l, r, "string") ? "bool" : bad();
      case "contains":
      case "startsWith":
      case "endsWith":
        return (l === "string" && r === "string") || maybe(l, r, "string") ? "bool" : bad();
      case "..":
        return (l === "int" && r === "int") || maybe(l, r, "int") ? "array" : bad();
      case "??":
        return l === "nil" ? r : r === "nil" ? l : l === r ? l : "unknown";
      default:
        return this.err(pos, `unknown operator (${op})`);
    }
  }

  private binary(op: string, ln: Node, rn: Node, pos: number, s: Scope): Compiled {
    const l = this.compile(ln, s, false);
    const r = this.compile(rn, s, false);
    const nt = this.checkBinary(op, l.nt, r.nt, pos, rn);
    if (op === "in" && r.nt === "array" && r.el !== undefined && !comparable(l.nt, r.el)) {
      this.err(pos, `cannot use ${goNature(l.nt)} as type ${goNature(r.el)} in array`);
    }
    const a = l.fn, b = r.fn;
    const bothLit = l.lit !== undefined && r.lit !== undefined;
    switch (op) {
      case "and":
      case "&&":
        // Folding happens after type checking: the folded node keeps the checker's bool type (`-(x and true)` fails).
        if (l.lit?.value === true) return { ...r, nt };
        if (r.lit?.value === true) return { ...l, nt };
        if (l.lit?.value === false || r.lit?.value === false) return constant(false);
        return specialised({
          fn: (ctx) => {
            const x = a(ctx);
            return x === true ? b(ctx) : x === false ? false : toBool(x, pos);
          },
          nt,
        }, directAnd(l.direct, r.direct, pos));
      case "or":
      case "||":
        if (l.lit?.value === false) return { ...r, nt };
        if (r.lit?.value === false) return { ...l, nt };
        if (l.lit?.value === true || r.lit?.value === true) return constant(true);
        return specialised({
          fn: (ctx) => {
            const x = a(ctx);
            return x === false ? b(ctx) : x === true ? true : toBool(x, pos);
          },
          nt,
        }, directOr(l.direct, r.direct, pos));
      case "==":
      case "!=": {
        const negated = op === "!=";
        if (bothLit) {
          // expr's optimizer folds `==` (and `!=`, which it parses as `not (a == b)`) only between two ints, two
          // strings or two bools; any other pair (`1.5 == nil`) stays a run-time comparison, which keeps
          // `x and 1.5 == nil` from folding to false without evaluating `x`.
          const v = equal(l.lit.value, r.lit.value, newBudget()) !== negated;
          const folds = l.nt === r.nt && (l.nt === "int" || l.nt === "string" || l.nt === "bool");
          if (folds) return constant(v);
          const fn = () => v;
          return { fn, nt, direct: fn };
        }
        const lit = r.lit ?? l.lit;
        const other = r.lit !== undefined ? a : b;
        const direct = r.lit !== undefined ? l.direct : r.direct;
        if (lit !== undefined && (typeof lit.value === "string" || typeof lit.value === "boolean")) {
          const want = lit.value;
          return specialised(
            { fn: negated ? (ctx) => other(ctx) !== want : (ctx) => other(ctx) === want, nt },
            directEqualsLiteral(direct, want, negated),
          );
        }
        if (lit !== undefined && lit.value === null) {
          return specialised(
            { fn: negated ? (ctx) => other(ctx) != null : (ctx) => other(ctx) == null, nt },
            directEqualsLiteral(direct, null, negated),
          );
        }
        return { fn: negated ? (ctx) => !equal(a(ctx), b(ctx), ctx) : (ctx) => equal(a(ctx), b(ctx), ctx), nt };
      }
      case "<":
        return { fn: (ctx) => compare(a(ctx), b(ctx), "<", pos) < 0, nt };
      case ">":
        return { fn: (ctx) => compare(a(ctx), b(ctx), ">", pos) > 0, nt };
      case "<=":
        return { fn: (ctx) => compare(a(ctx), b(ctx), "<=", pos) <= 0, nt };
      case ">=":
        return { fn: (ctx) => compare(a(ctx), b(ctx), ">=", pos) >= 0, nt };
      case "??":
        return specialised({
          fn: (ctx) => {
            const v = a(ctx);
            return v === null || v === undefined ? b(ctx) : v;
          },
          nt,
        }, directNullish(l.direct, r.direct));
      case "in":
        return this.inOp(l, r, rn, pos);
      case "matches":
        // The text pays for its scan here, so the matcher itself stays as it is.
        return this.matches((ctx) => scanned(ctx, a(ctx), pos), b, rn, pos, nt);
      case "contains":
      case "startsWith":
      case "endsWith": {
        const test = op === "contains"
          ? (x: string, y: string) => x.includes(y)
          : op === "startsWith"
          ? (x: string, y: string) => x.startsWith(y)
          : (x: string, y: string) => x.endsWith(y);
        return {
          fn: (ctx) => {
            const x = a(ctx), y = b(ctx);
            if (x === null || x === undefined || y === null || y === undefined) return false;
            const xs = toStr(x, pos), ys = toStr(y, pos);
            spendChars(ctx, op === "contains" ? xs.length : ys.length, pos);
            return test(xs, ys);
          },
          nt,
        };
      }
      case "..":
        return {
          fn: (ctx) => {
            const x = a(ctx), y = b(ctx);
            const from = typeof x === "number"
              ? Math.trunc(x)
              : fail(`invalid operation: ${typeName(x)} .. ${typeName(y)}`, pos);
            const to = typeof y === "number"
              ? Math.trunc(y)
              : fail(`invalid operation: ${typeName(x)} .. ${typeName(y)}`, pos);
            const size = to - from + 1;
            if (size <= 0) return [];
            checkList(ctx, size, "..", pos);
            spend(ctx, size, pos);
            const out = new Array<number>(size);
            for (let i = 0; i < size; i++) out[i] = from + i;
            return out;
          },
          nt,
          el: "int",
        };
    }
    const arith = op === "+" ? add : op === "-" ? sub : op === "*" ? mul : op === "/" ? div : op === "%" ? mod : pow;
    if (bothLit && nt !== "unknown") {
      if (op === "%" && r.lit.value === 0) this.err(pos, "integer divide by zero");
      return constant(arith(l.lit.value, r.lit.value, pos));
    }
    if (op === "+") return { fn: (ctx) => add(a(ctx), b(ctx), pos, ctx), nt };
    return { fn: (ctx) => arith(a(ctx), b(ctx), pos), nt };
  }

  private inOp(l: Compiled, r: Compiled, rn: Node, pos: number): Compiled {
    const a = l.fn, b = r.fn;
    if (rn.kind === "Array" && rn.nodes.length > 0 && rn.nodes.every((x) => x.kind === "String")) {
      const set = new Set(rn.nodes.map((x) => (x.kind === "String" ? x.value : "")));
      return specialised({ fn: (ctx) => inStrings(a(ctx), set, pos), nt: "bool" }, directInStrings(l.direct, set, pos));
    }
    return { fn: (ctx) => inCollection(a(ctx), b(ctx), pos, ctx), nt: "bool" };
  }

  private regex(pattern: string, pos: number): GoRegexp {
    const re = compileRegexp(pattern);
    return E.isLeft(re) ? fail(re.left, pos) : re.right;
  }

  private matches(a: Fn, b: Fn, rn: Node, pos: number, nt: Nature): Compiled {
    const fixed = rn.kind === "String" ? this.regex(rn.value, pos) : undefined;
    // One options object per node; `running` is the run being charged (a search never re-enters expr).
    let running: Ctx | undefined;
    const options = { charge: (n: number) => spend(running as Ctx, n, pos) };
    return {
      fn: (ctx) => {
        const x = a(ctx);
        const y = fixed ?? b(ctx);
        if (x === null || x === undefined || y === null || y === undefined) return false;
        const text = x instanceof Uint8Array ? String.fromCharCode(...x) : toStr(x, pos);
        const re = fixed ?? this.regex(toStr(y, pos), pos);
        running = ctx;
        const r = re.matchString(text, options);
        running = undefined;
        return r;
      },
      nt,
    };
  }

  private member(n: Extract<Node, { kind: "Member" }>, s: Scope, inChain: boolean): Compiled {
    const base = this.compile(n.node, s, inChain);
    const prop = this.compile(n.property, s, false);
    const pos = n.pos;
    if (base.nt === "nil" && n.property.kind === "String") this.err(pos, `type nil has no field ${n.property.value}`);
    if (base.nt === "map" && prop.nt !== "string" && prop.nt !== "unknown") {
      this.err(pos, `cannot use ${goNature(prop.nt)} to get an element from map[string]interface {}`);
    }
    if (base.nt === "array" && prop.nt !== "int" && prop.nt !== "unknown") {
      this.err(pos, `array elements can only be selected using an integer (got ${goNature(prop.nt)})`);
    }
    if (["bool", "int", "float", "string"].includes(base.nt)) {
      this.err(
        pos,
        n.property.kind === "String"
          ? `type ${goNature(base.nt)} has no field ${n.property.value}`
          : `type ${goNature(base.nt)}[${goNature(prop.nt)}] is undefined`,
      );
    }
    const bf = base.fn;
    const optional = n.optional;
    if (prop.lit !== undefined && typeof prop.lit.value === "string") {
      const key = internalize(prop.lit.value);
      const path = !inChain && !optional ? constantChain(n, false) : undefined;
      if (path !== undefined) return this.path(path, s);
      return {
        fn: (ctx) => {
          const b = bf(ctx);
          if (b === short) return short;
          if ((b === null || b === undefined) && optional) return short;
          return fetchMember(b, key, pos, ctx);
        },
        nt: "unknown",
      };
    }
    const pf = prop.fn;
    // An index into an array of known elements has their type (`map(xs, {true})[0]` is a bool).
    const nt: Nature = base.nt === "array" && !optional ? base.el ?? "unknown" : "unknown";
    return {
      fn: (ctx) => {
        const b = bf(ctx);
        if (b === short) return short;
        if ((b === null || b === undefined) && optional) return short;
        return fetchMember(b, pf(ctx), pos, ctx);
      },
      nt,
    };
  }

  /** A constant-key chain: from the variables when its root is one (the root's name becomes the first key). */
  private path(path: RootedPath, s: Scope): Compiled {
    const root = path.root;
    if (root.kind === "Ident" && this.isVariable(root.name, s) && isSafeKey(root.name)) {
      const use: MemberPath = {
        keys: [internalize(root.name), ...path.keys],
        positions: [root.pos, ...path.positions],
        optional: [false, ...path.optional],
      };
      const direct = this.shared.readerOf(use) ?? directVarPath(use);
      return { fn: (ctx) => direct(ctx.vars, ctx.locals), nt: "unknown", direct };
    }
    const from = this.compile(root, s, false);
    const fn = rootedPath(from.fn, path), start = from.direct;
    if (start === undefined) return { fn, nt: "unknown" };
    const rest = unrolledWalk(path, 0, path.keys.length);
    return { fn, nt: "unknown", direct: (vars, locals) => rest(start(vars, locals)) };
  }

  private slice(node: Node, from: Node | undefined, to: Node | undefined, pos: number, s: Scope): Compiled {
    const v = this.compile(node, s, false);
    if (!["unknown", "string", "array", "bytes"].includes(v.nt)) this.err(pos, `cannot slice ${goNature(v.nt)}`);
    const f = from === undefined ? undefined : this.compile(from, s, false);
    const t = to === undefined ? undefined : this.compile(to, s, false);
    for (const x of [f, t]) {
      if (x !== undefined && x.nt !== "int" && x.nt !== "unknown") {
        this.err(pos, `non-integer slice index ${goNature(x.nt)}`);
      }
    }
    const vf = v.fn, ff = f?.fn, tf = t?.fn;
    return {
      fn: (ctx) => slice(vf(ctx), ff?.(ctx), tf?.(ctx), pos, ctx),
      nt: v.nt,
      ...(v.el !== undefined ? { el: v.el } : {}),
    };
  }

  private call(callee: Node, argNodes: readonly Node[], pos: number, s: Scope, inChain: boolean): Compiled {
    const args = argNodes.map((x) => this.compile(x, s, false).fn);
    const evalArgs = (ctx: Ctx): unknown[] => args.map((f) => hostArg(f(ctx)));
    const table = callee.kind === "Member" && !callee.optional && callee.property.kind === "String"
      ? this.namespaceOf(callee.node, s)
      : undefined;
    if (table !== undefined && callee.kind === "Member" && callee.property.kind === "String") {
      // A namespace table is a frozen null-prototype map: reading it directly is exactly fetchMember's own read.
      const key = callee.property.value;
      return {
        fn: (ctx) => {
          const f = (table(ctx) as Record<string, unknown>)[key];
          return call(ctx, f === undefined ? null : f, evalArgs(ctx), pos);
        },
        nt: "unknown",
      };
    }
    if (callee.kind === "Member") {
      const base = this.compile(callee.node, s, inChain).fn;
      const prop = this.compile(callee.property, s, false).fn;
      const optional = callee.optional;
      return {
        fn: (ctx) => {
          const b = base(ctx);
          if (b === short) return short;
          if ((b === null || b === undefined) && optional) return short;
          const f = fetchMember(b, prop(ctx), callee.pos, ctx);
          return call(ctx, f, evalArgs(ctx), pos);
        },
        nt: "unknown",
      };
    }
    const f = this.compile(callee, s, inChain).fn;
    return {
      fn: (ctx) => {
        const fv = f(ctx);
        if (fv === short) return short;
        return call(ctx, fv, evalArgs(ctx), pos);
      },
      nt: "unknown",
    };
  }

  private conditional(cn: Node, yn: Node, nn: Node, pos: number, s: Scope): Compiled {
    const c = this.compile(cn, s, false);
    if (c.nt !== "bool" && c.nt !== "unknown") {
      this.err(pos, `non-bool expression (type ${goNature(c.nt)}) used as condition`);
    }
    const y = this.compile(yn, s, false), n = this.compile(nn, s, false);
    const cf = c.fn, yf = y.fn, nf = n.fn;
    // As expr's checker: a nil branch takes the other branch's type.
    const same = y.nt === n.nt ? y : y.nt === "nil" ? n : n.nt === "nil" ? y : undefined;
    const el = same?.nt === "array" && (same === y || y.el === n.el || y.nt === "nil" || n.nt === "nil")
      ? same.el
      : undefined;
    return specialised({
      fn: (ctx) => (toBool(cf(ctx), pos) ? yf(ctx) : nf(ctx)),
      nt: same?.nt ?? "unknown",
      ...(el !== undefined ? { el } : {}),
    }, directConditional(c.direct, y.direct, n.direct, pos));
  }

  private map(pairs: readonly { key: Node; value: Node }[], pos: number, s: Scope): Compiled {
    const ps = pairs.map((p) => ({ k: this.compile(p.key, s, false).fn, v: this.compile(p.value, s, false).fn }));
    return {
      fn: (ctx) => {
        spend(ctx, ps.length, pos);
        const out: Record<string, unknown> = {};
        for (const p of ps) {
          const k = p.k(ctx);
          if (typeof k !== "string") {
            fail(
              `reflect.Value.SetMapIndex: value of type ${typeName(k)} is not assignable to type string`,
              pos,
            );
          }
          const v = p.v(ctx);
          // expr's VM fills the map from the last pair to the first: of duplicate keys, the first one wins.
          if (!hasOwn.call(out, k)) {
            Object.defineProperty(out, k, {
              value: v,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          }
        }
        return out;
      },
      nt: "map",
    };
  }

  private builtin(name: string, argNodes: readonly Node[], pos: number, s: Scope): Compiled {
    const impl = builtins.get(name);
    if (impl !== undefined) {
      const args = argNodes.map((x) => this.compile(x, s, false));
      if (name === "len" && args.length !== 1) {
        this.err(pos, `invalid number of arguments (expected 1, got ${args.length})`);
      }
      if (
        name === "len" && args.length === 1 && !["unknown", "array", "map", "string", "bytes"].includes(args[0]!.nt)
      ) {
        this.err(pos, `invalid argument for len (type ${goNature(args[0]!.nt)})`);
      }
      const fns = args.map((a) => a.fn);
      // `type()` of a string's byte is "uint" (v1.17's builtin.Type reports the reflect kind uint8 as uint).
      const bytes = name === "type" && argNodes.length === 1 ? this.byteAware(argNodes[0]!, s) : undefined;
      if (bytes !== undefined) {
        return {
          fn: (ctx) => {
            const v = bytes(ctx);
            return v instanceof Byte ? "uint" : impl([v], { pos, now: ctx.now, budget: ctx });
          },
          nt: "unknown",
        };
      }
      return {
        fn: (ctx) => impl(fns.map((f) => f(ctx)), { pos, now: ctx.now, budget: ctx }),
        nt: name === "len" ? "int" : "unknown",
      };
    }
    const coll = this.compile(argNodes[0]!, s, false);
    if (coll.nt !== "array" && coll.nt !== "unknown") {
      this.err(pos, `builtin ${name} takes only array (got ${goNature(coll.nt)})`);
    }
    const inner: Scope = { ...s, inPredicate: true, el: coll.nt === "array" ? coll.el ?? "unknown" : "unknown" };
    const pred = argNodes[1] === undefined ? undefined : this.compile(argNodes[1], inner, false);
    const needsBool = !["map", "sum", "groupBy", "sortBy", "reduce"].includes(name);
    if (needsBool && pred !== undefined && pred.nt !== "bool" && pred.nt !== "unknown") {
      this.err(pos, `predicate should return boolean (got ${goNature(pred.nt)})`);
    }
    const extra = argNodes[2] === undefined ? undefined : this.compile(argNodes[2], s, false).fn;
    return { fn: predicateBuiltin(name, coll.fn, pred?.fn, extra, pos), ...predicateNature(name, coll, pred) };
  }
}

// --- predicate builtins

/** The type expr's checker gives a predicate builtin's result (what later operators are checked against). */
function predicateNature(name: string, coll: Compiled, pred: Compiled | undefined): { nt: Nature; el?: Nature } {
  switch (name) {
    case "all":
    case "any":
    case "none":
    case "one":
      return { nt: "bool" };
    case "count":
      return { nt: "int" };
    case "filter":
      return coll.el !== undefined ? { nt: "array", el: coll.el } : { nt: "array" };
    case "map":
      return pred !== undefined ? { nt: "array", el: pred.nt } : { nt: "array" };
    case "find":
    case "findLast":
      return { nt: coll.el ?? "unknown" };
    default:
      return { nt: "unknown" };
  }
}
