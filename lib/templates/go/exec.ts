/**
 * The executor of Go text/template: walks the trees of a parsed template over plain JS data, with Go's semantics for
 * missing keys, nil, truthiness, pipelines, variables, methods, function calls and errors
 * (`template: <name>:<line>:<col>: executing "<name>" at <node>: <message>`).
 *
 * Every field, key, method and map entry it reaches goes through `_access.ts`'s `reach` (no inherited property, no
 * property of a function: no way from a value to code), and its work goes into the render's budget (`budget.ts`):
 * each node walked and function called is a step, functions add what they build or compare, and a passed limit fails
 * the render at the current node.
 * @module
 */
import { FormatLimitError, formatValue, goTypeTag, quote as goQuote } from "../../gofmt/mod.ts";
import { limitMessage, type Limits } from "../../limits.ts";
import { utf8Length } from "../../go/mod.ts";
import type { ArgNode, BranchNode, CommandNode, ListNode, Node, NumberNode, PipeNode, VariableNode } from "./ast.ts";
import { nodeString } from "./ast.ts";
import { builtins } from "./builtins.ts";
import type { FuncContext, GoFunc, GoSignature, GoType } from "./func.ts";
import { type Budget, charsPerStep, fromFormatLimit, LimitFailure } from "./budget.ts";
import { Member, Method, reach, sortedEntries, unexportedField } from "./_access.ts";
import type { TemplateSet } from "./parser.ts";
import { GoFloat, toFloatValue } from "../../values/mod.ts";
import { GoTime } from "../../values/mod.ts";
import { isMap, isNil, isTrue, noValue as invalidValue, toArg, typeName } from "./_value.ts";

/** Go's invalid value, read from a local binding (a re-exported one can compile to a getter call per access). */
const noValue: typeof invalidValue = invalidValue;

/**
 * An execution failure: Go's message, the UTF-16 index of the node it happened at, and whether a limit was passed
 * (`templateSteps`, `maxOutputLength`, `maxTemplateDepth`, or one a function checks).
 */
export class ExecFailure extends Error {
  constructor(message: string, readonly pos: number | undefined, readonly limit: boolean = false) {
    super(message);
  }
}

class BreakSignal {}
class ContinueSignal {}
const breakSignal = new BreakSignal();
const continueSignal = new ContinueSignal();

/** A value with where it came from: `boxed` values are elements of a map or slice of `interface {}`. */
interface Dot {
  readonly v: unknown;
  readonly boxed: boolean;
}

interface Variable {
  readonly name: string;
  v: unknown;
  boxed: boolean;
}

const noFinal: unique symbol = Symbol("no final");
type Final = unknown;

const anyType = "interface {}";
const rawType = "reflect.Value";
const intTypes: ReadonlySet<string> = new Set(["int", "int8", "int16", "int32", "int64", "rune"]);
const uintTypes: ReadonlySet<string> = new Set(["uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte"]);

function canBeNil(t: GoType): boolean {
  return t === anyType || t === rawType || t.startsWith("[]") || t.startsWith("map[") || t.startsWith("*") ||
    t.startsWith("func") || t.startsWith("chan") || t === "error";
}

/** The message of whatever a function threw (an Error, or any object with a string `message`). */
function thrownMessage(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === "string") return m;
  }
  return String(e);
}

function lineCol(source: string, pos: number): { line: number; col: number } {
  const before = source.slice(0, pos);
  const nl = before.lastIndexOf("\n");
  const line = before.split("\n").length;
  const lineText = nl < 0 ? before : before.slice(nl + 1);
  return { line, col: utf8Length(lineText) };
}

/** A function resolved once per compiled template (see {@linkcode resolveFunctions}). */
export interface Callable {
  readonly signature: GoSignature;
  /** Builtins see raw values (`noValue` for a missing key); other functions see `null` instead. */
  readonly builtin: boolean;
  readonly invoke: (ctx: FuncContext, args: readonly unknown[], boxed: readonly boolean[]) => unknown;
}

/**
 * Resolves function names once, at compile time: a user function shadows the builtin of the same name.
 * @param names the function names a template uses
 * @param funcs the function map
 * @returns the callable of every name that is defined
 */
export function resolveFunctions(
  names: Iterable<string>,
  funcs: Readonly<Record<string, GoFunc>>,
): ReadonlyMap<string, Callable> {
  const out = new Map<string, Callable>();
  for (const name of names) {
    const c = resolveFunction(name, funcs);
    if (c !== undefined) out.set(name, c);
  }
  return out;
}

const anyVariadic: GoSignature = { params: [], variadic: anyType };

function resolveFunction(name: string, funcs: Readonly<Record<string, GoFunc>>): Callable | undefined {
  const user = Object.hasOwn(funcs, name) ? funcs[name] : undefined;
  if (user !== undefined) {
    return { signature: user.signature ?? anyVariadic, builtin: false, invoke: (ctx, a) => user(ctx, a) };
  }
  const b = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
  if (b === undefined) return undefined;
  return { signature: b.signature, builtin: true, invoke: b.fn };
}

const noArgs: readonly ArgNode[] = Object.freeze([]);

type AnyNode = Node | ArgNode | CommandNode | ListNode;

/**
 * The state of one execution; a class so that a render allocates one object, not a closure per operation. It is the
 * render's {@linkcode Budget} too: the functions it calls add their work to the same step count.
 */
class Run implements Budget {
  out = "";
  steps = 0;
  readonly maxSteps: number;
  readonly ctx: FuncContext;
  current: AnyNode | undefined = undefined;
  executing: string;
  vars: Variable[] = [];
  lastBoxed = false;
  /** Whether the value {@linkcode Run.evalArg} returned is boxed (data from a map or list). */
  argBoxed = false;
  depth = 0;

  constructor(
    readonly set: TemplateSet,
    readonly source: string,
    readonly funcs: Readonly<Record<string, GoFunc>>,
    readonly resolved: ReadonlyMap<string, Callable> | undefined,
    now: number,
    readonly limits: Limits,
  ) {
    this.executing = set.name;
    this.maxSteps = limits.templateSteps;
    this.ctx = { now, budget: this };
  }

  at(n: AnyNode): void {
    this.current = n;
  }

  errorf(message: string, limit = false): never {
    const current = this.current;
    if (current === undefined) throw new ExecFailure(`template: ${this.executing}: ${message}`, undefined, limit);
    const { line, col } = lineCol(this.source, current.pos);
    throw new ExecFailure(
      `template: ${this.set.name}:${line}:${col}: executing ${goQuote(this.executing)} at <${
        nodeString(current)
      }>: ${message}`,
      current.pos,
      limit,
    );
  }

  /** Fails at the current node because `limit` was passed. */
  limitf(limit: keyof Limits, what: string): never {
    return this.errorf(limitMessage(limit, this.limits[limit], what), true);
  }

  step(): void {
    if (++this.steps > this.maxSteps) this.limitf("templateSteps", "the render used up its work budget");
  }

  /** Adds `units` steps of work (elements sorted or printed, …). */
  charge(units: number): void {
    this.steps += units;
    if (this.steps > this.maxSteps) this.limitf("templateSteps", "the render used up its work budget");
  }

  write(s: string): void {
    if (this.out.length + s.length > this.limits.maxOutputLength) {
      this.limitf("maxOutputLength", `the output would be longer than ${this.limits.maxOutputLength} characters`);
    }
    this.out += s;
  }

  // --- variables

  push(name: string, v: unknown, boxed: boolean): void {
    this.vars.push({ name, v, boxed });
  }

  /** Drops the variables declared since `mark` (the length of `vars` then). */
  popTo(mark: number): void {
    const vars = this.vars;
    while (vars.length > mark) vars.pop();
  }

  findVar(name: string): Variable {
    const vars = this.vars;
    for (let i = vars.length - 1; i >= 0; i--) {
      const v = vars[i] as Variable;
      if (v.name === name) return v;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // --- walking

  walk(dot: Dot, node: Node | ListNode): void {
    this.step();
    this.current = node;
    switch (node.type) {
      case "list": {
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) this.walk(dot, nodes[i] as Node);
        return;
      }
      case "text":
        this.write(node.text);
        return;
      case "action": {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, v);
        return;
      }
      case "if":
      case "with": {
        const m = this.vars.length;
        try {
          const v = this.evalPipeline(dot, node.pipe);
          if (isTrue(v)) this.walk(node.type === "with" ? { v, boxed: false } : dot, node.list);
          else if (node.elseList !== undefined) this.walk(dot, node.elseList);
        } finally {
          this.popTo(m);
        }
        return;
      }
      case "range":
        this.walkRange(dot, node);
        return;
      case "break":
        throw breakSignal;
      case "continue":
        throw continueSignal;
      case "template": {
        const tree = this.set.trees.get(node.name);
        if (tree === undefined) this.errorf(`template ${goQuote(node.name)} not defined`);
        if (this.depth >= this.limits.maxTemplateDepth) {
          this.limitf(
            "maxTemplateDepth",
            `template ${goQuote(node.name)} would nest more than ${this.limits.maxTemplateDepth} calls deep`,
          );
        }
        const v = node.pipe === undefined ? noValue : this.evalPipeline(dot, node.pipe);
        const savedVars = this.vars;
        const savedExecuting = this.executing;
        this.vars = [{ name: "$", v, boxed: false }];
        this.executing = node.name;
        this.depth++;
        try {
          this.walk({ v, boxed: false }, tree as ListNode);
        } finally {
          this.depth--;
          this.vars = savedVars;
          this.executing = savedExecuting;
        }
        return;
      }
    }
  }

  /** One iteration of a range; false when the body broke out of the loop. */
  iterate(r: BranchNode, inner: number, key: unknown, elem: unknown, boxed: boolean): boolean {
    const decl = r.pipe.decl.length;
    const vars = this.vars;
    if (decl > 0) {
      const top = vars[vars.length - 1];
      if (top !== undefined) {
        top.v = elem;
        top.boxed = boxed;
      }
    }
    if (decl > 1) {
      const second = vars[vars.length - 2];
      if (second !== undefined) {
        second.v = key;
        second.boxed = false;
      }
    }
    try {
      this.walk({ v: elem, boxed }, r.list);
    } catch (e) {
      if (e === breakSignal) return false;
      if (e !== continueSignal) throw e;
    } finally {
      this.popTo(inner);
    }
    return true;
  }

  walkRange(dot: Dot, r: BranchNode): void {
    this.current = r;
    const m = this.vars.length;
    try {
      const v = this.evalPipeline(dot, r.pipe);
      const inner = this.vars.length;
      if (Array.isArray(v) || v instanceof Uint8Array) {
        if (v.length > 0) {
          const boxed = elemBoxed(v);
          for (let i = 0; i < v.length; i++) {
            const elem: unknown = v[i];
            if (!this.iterate(r, inner, i, elem === undefined ? null : elem, boxed)) break;
          }
          return;
        }
      } else if (isMap(v)) {
        const entries = sortedEntries(v);
        this.charge(entries.length);
        if (entries.length > 0) {
          const boxed = elemBoxed(v);
          for (const [k, e] of entries) if (!this.iterate(r, inner, k, e === undefined ? null : e, boxed)) break;
          return;
        }
      } else if (typeof v === "number" && Number.isInteger(v) || typeof v === "bigint") {
        if (r.pipe.decl.length > 1) this.errorf(`can't use ${formatValue(v)} to iterate over more than one variable`);
        const n = Number(v);
        if (n > 0) {
          for (let i = 0; i < n; i++) if (!this.iterate(r, inner, noValue, i, false)) break;
          return;
        }
      } else if (!isNil(v)) {
        this.errorf(`range can't iterate over ${formatValue(v)}`);
      }
      if (r.elseList !== undefined) this.walk(dot, r.elseList);
    } finally {
      this.popTo(m);
    }
  }

  printValue(node: Node, v: unknown): void {
    this.current = node;
    if (typeof v === "string") {
      this.write(v);
      return;
    }
    if (typeof v === "boolean" || (typeof v === "number" && Number.isSafeInteger(v))) {
      // Go's %v of a bool or an int (an integral number of our model) is its JS text; -0 prints as 0 in both.
      this.write(String(v));
      return;
    }
    if (v === noValue || v === undefined) {
      this.write("<no value>");
      return;
    }
    if (typeof v === "function") this.errorf(`can't print ${nodeString(node)} of type ${typeName(v, false)}`);
    let text: string;
    try {
      text = formatValue(v, this.limits);
    } catch (e) {
      if (e instanceof FormatLimitError) this.fromLimit(fromFormatLimit(e, "printing the value"));
      throw e;
    }
    this.charge(Math.floor(text.length / charsPerStep));
    this.write(text);
  }

  /** Fails at the current node with a limit a function or the printer passed. */
  fromLimit(e: LimitFailure): never {
    return this.errorf(e.message, true);
  }

  // --- pipelines and commands

  evalPipeline(dot: Dot, pipe: PipeNode): unknown {
    this.current = pipe;
    let value: unknown = noFinal;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i] as CommandNode, value);
      if (value === null || value === undefined) value = noValue;
    }
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      const name = (decl[i] as VariableNode).ident[0] ?? "$";
      if (pipe.isAssign) {
        const variable = this.findVar(name);
        variable.v = value;
        variable.boxed = false;
      } else this.push(name, value, false);
    }
    return value;
  }

  notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== noFinal) {
      this.errorf(`can't give argument to non-function ${nodeString(args[0] as ArgNode)}`);
    }
  }

  evalCommand(dot: Dot, cmd: CommandNode, final: Final): unknown {
    this.step();
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case "field":
        this.current = first;
        return this.evalFieldChain(dot, dot.v, dot.boxed, first, first.ident, 0, cmd.args, final);
      case "chain":
        return this.evalChain(dot, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, first.ident, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable":
        return this.evalVariable(dot, first, cmd.args, final);
    }
    this.current = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return first.value;
      case "dot":
        return dot.v;
      case "nil":
        return this.errorf("nil is not a command");
      case "number":
        return this.idealConstant(first);
      case "string":
        return first.text;
    }
  }

  idealConstant(n: NumberNode): unknown {
    this.current = n;
    if (n.isComplex) return this.errorf(`complex constant ${n.text} is not supported`);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return toFloatValue(n.float);
    if (n.isInt) return n.bigInt ?? n.int;
    if (n.isUint) return this.errorf(`${n.text} overflows int`);
    return noValue;
  }

  evalChain(dot: Dot, chain: Extract<ArgNode, { type: "chain" }>, args: readonly ArgNode[], final: Final): unknown {
    this.current = chain;
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const recv = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(dot, recv, this.argBoxed, chain, chain.field, 0, args, final);
  }

  evalVariable(dot: Dot, node: VariableNode, args: readonly ArgNode[], final: Final): unknown {
    this.current = node;
    const variable = this.findVar(node.ident[0] ?? "$");
    if (node.ident.length === 1) {
      this.notAFunction(args, final);
      this.lastBoxed = variable.boxed;
      return variable.v;
    }
    return this.evalFieldChain(dot, variable.v, variable.boxed, node, node.ident, 1, args, final);
  }

  /** `ident[from:]` applied to `receiver`; the last name gets `args` and `final`. */
  evalFieldChain(
    dot: Dot,
    receiver: unknown,
    boxed: boolean,
    node: ArgNode,
    ident: readonly string[],
    from: number,
    args: readonly ArgNode[],
    final: Final,
  ): unknown {
    let r = receiver;
    let b = boxed;
    const last = ident.length - 1;
    for (let i = from; i < last; i++) {
      if (r === noValue || r === undefined) break;
      const name = ident[i] as string;
      const found = reach(r, name);
      if (found instanceof Member) {
        r = this.evalMember(dot, name, node, noArgs, noFinal, r, b, found);
        b = this.lastBoxed;
      } else {
        r = found;
        b = true;
      }
    }
    return this.evalField(dot, ident[last] ?? "", node, args, final, r, b);
  }

  evalField(
    dot: Dot,
    name: string,
    node: ArgNode,
    args: readonly ArgNode[],
    final: Final,
    receiver: unknown,
    boxed: boolean,
  ): unknown {
    this.lastBoxed = false;
    if (receiver === noValue || receiver === undefined) return noValue;
    const found = reach(receiver, name);
    if (found instanceof Member) return this.evalMember(dot, name, node, args, final, receiver, boxed, found);
    if (args.length > 1 || final !== noFinal) this.errorf(`${name} is not a method but has arguments`);
    this.lastBoxed = true;
    return found;
  }

  /** A name that is not a map key: a method of a Go value, or Go's error for it. */
  evalMember(
    dot: Dot,
    name: string,
    node: ArgNode,
    args: readonly ArgNode[],
    final: Final,
    receiver: unknown,
    boxed: boolean,
    found: Member,
  ): unknown {
    const typ = boxed ? anyType : typeName(receiver, false);
    if (receiver === null) return this.errorf(`nil pointer evaluating ${typ}.${name}`);
    if (found === unexportedField) return this.errorf(`${name} is an unexported field of struct type ${typ}`);
    if (!(found instanceof Method)) return this.errorf(`can't evaluate field ${name} in type ${typ}`);
    const signature: GoSignature = { params: Array.from({ length: found.fn.length }, () => anyType) };
    const callable: Callable = { signature, builtin: false, invoke: (_ctx, a) => found.call(a) };
    return this.evalCall(dot, callable, node, name, args, final);
  }

  evalFunction(
    dot: Dot,
    name: string,
    node: ArgNode,
    cmd: ArgNode | CommandNode,
    args: readonly ArgNode[],
    final: Final,
  ): unknown {
    this.current = node;
    const callable = this.resolved?.get(name) ?? resolveFunction(name, this.funcs);
    if (callable === undefined) return this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, callable, cmd, name, args, final);
  }

  /** Calls `fn` with `allArgs[1:]` (the first is the function's own node) and the pipeline's `final` value. */
  evalCall(
    dot: Dot,
    fn: Callable,
    node: ArgNode | CommandNode,
    name: string,
    allArgs: readonly ArgNode[],
    final: Final,
  ): unknown {
    this.step();
    const { params, variadic } = fn.signature;
    const nArgs = allArgs.length > 0 ? allArgs.length - 1 : 0;
    const numIn = nArgs + (final !== noFinal ? 1 : 0);
    if (variadic !== undefined) {
      if (numIn < params.length) {
        this.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${nArgs}`);
      }
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (fn.builtin && (name === "and" || name === "or")) {
      let v: unknown = noValue;
      for (let i = 1; i < allArgs.length; i++) {
        v = this.evalArg(dot, rawType, allArgs[i] as ArgNode);
        if (isTrue(v) === (name === "or")) return v;
      }
      if (final !== noFinal) v = this.validateType(final, false, rawType);
      return v;
    }
    const convert = !fn.builtin;
    const argv: unknown[] = [];
    const boxed: boolean[] = [];
    for (let i = 0; i < nArgs; i++) {
      const v = this.evalArg(dot, params[i] ?? variadic ?? anyType, allArgs[i + 1] as ArgNode);
      argv.push(convert ? toArg(v) : v);
      boxed.push(this.argBoxed);
    }
    if (final !== noFinal) {
      const v = this.validateType(final, false, params[nArgs] ?? variadic ?? anyType);
      argv.push(convert ? toArg(v) : v);
      boxed.push(false);
    }
    let result: unknown;
    try {
      result = fn.invoke(this.ctx, argv, boxed);
    } catch (e) {
      if (e instanceof ExecFailure) throw e;
      this.current = node;
      if (e instanceof LimitFailure) return this.fromLimit(e);
      return this.errorf(`error calling ${name}: ${thrownMessage(e)}`);
    }
    this.lastBoxed = false;
    return result === undefined ? noValue : result;
  }

  validateType(v: unknown, boxed: boolean, typ: GoType | undefined): unknown {
    if (typ === undefined) return v;
    if (v === noValue || v === undefined) {
      if (typ === rawType) return noValue;
      if (canBeNil(typ)) return null;
      return this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === rawType || typ === anyType) return v;
    if (v === null) {
      if (boxed || !canBeNil(typ)) return this.errorf(`wrong type for value; expected ${typ}; got interface {}`);
      return null;
    }
    if (!assignable(v, boxed, typ)) this.errorf(`wrong type for value; expected ${typ}; got ${typeName(v, boxed)}`);
    return v;
  }

  /** Evaluates an argument; whether the value is boxed is left in {@linkcode Run.argBoxed}. */
  evalArg(dot: Dot, typ: GoType | undefined, n: ArgNode): unknown {
    this.current = n;
    switch (n.type) {
      case "dot":
        this.argBoxed = dot.boxed;
        return this.validateType(dot.v, dot.boxed, typ);
      case "nil":
        this.argBoxed = false;
        if (typ === rawType) return noValue;
        if (typ !== undefined && canBeNil(typ)) return null;
        return this.errorf(`cannot assign nil to ${typ ?? "<nil>"}`);
      case "field": {
        const v = this.evalFieldChain(dot, dot.v, dot.boxed, n, n.ident, 0, noArgs, noFinal);
        const boxed = this.lastBoxed;
        const out = this.validateType(v, boxed, typ);
        this.argBoxed = boxed;
        return out;
      }
      case "variable": {
        const v = this.evalVariable(dot, n, noArgs, noFinal);
        const boxed = this.lastBoxed;
        const out = this.validateType(v, boxed, typ);
        this.argBoxed = boxed;
        return out;
      }
      case "pipe": {
        const out = this.validateType(this.evalPipeline(dot, n), false, typ);
        this.argBoxed = false;
        return out;
      }
      case "identifier": {
        const out = this.validateType(this.evalFunction(dot, n.ident, n, n, noArgs, noFinal), false, typ);
        this.argBoxed = false;
        return out;
      }
      case "chain": {
        const v = this.evalChain(dot, n, noArgs, noFinal);
        const boxed = this.lastBoxed;
        const out = this.validateType(v, boxed, typ);
        this.argBoxed = boxed;
        return out;
      }
    }
    const out = this.evalLiteral(dot, typ ?? anyType, n);
    this.argBoxed = false;
    return out;
  }

  evalLiteral(dot: Dot, typ: GoType, n: ArgNode): unknown {
    if (typ === "bool") return n.type === "bool" ? n.value : this.errorf(`expected bool; found ${nodeString(n)}`);
    if (typ === "float64" || typ === "float32") {
      return n.type === "number" && n.isFloat
        ? toFloatValue(n.float)
        : this.errorf(`expected float; found ${nodeString(n)}`);
    }
    if (intTypes.has(typ)) {
      return n.type === "number" && n.isInt ? n.int : this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (uintTypes.has(typ)) {
      return n.type === "number" && n.isUint ? n.int : this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (typ === "string") return n.type === "string" ? n.text : this.errorf(`expected string; found ${nodeString(n)}`);
    if (typ === anyType || typ === rawType) {
      switch (n.type) {
        case "bool":
          return n.value;
        case "dot":
          return dot.v;
        case "number":
          return this.idealConstant(n);
        case "string":
          return n.text;
      }
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  }
}

/**
 * Whether the elements of a list or map are boxed (`interface {}`): not for `[]byte` nor for a value tagged with a
 * typed element (`[]string` from sprig's `splitList`, Argo's `map[string]string`), whose elements Go sees as strings.
 */
function elemBoxed(v: object): boolean {
  if (v instanceof Uint8Array) return false;
  const tag = (v as { [goTypeTag]?: unknown })[goTypeTag];
  return typeof tag !== "string" || tag.endsWith("]interface {}");
}

function assignable(v: unknown, boxed: boolean, typ: GoType): boolean {
  if (typ === "string") return typeof v === "string";
  if (typ === "bool") return typeof v === "boolean";
  if (intTypes.has(typ) || uintTypes.has(typ)) {
    const isInt = typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
    return isInt && (!boxed || typ === "int64");
  }
  if (typ === "float64" || typ === "float32") {
    return v instanceof GoFloat || (typeof v === "number" && !(boxed && Number.isInteger(v)));
  }
  if (typ.startsWith("[]") || typ.startsWith("map[")) {
    // A value tagged with its Go type (`[]string`, `map[string]string`) fits only that type, as in Go.
    const tag = (v as { [goTypeTag]?: unknown })[goTypeTag];
    if (typeof tag === "string" && tag !== typ) return false;
    if (typ.startsWith("map[")) return isMap(v);
    return Array.isArray(v) || (typ === "[]uint8" && v instanceof Uint8Array);
  }
  // A struct parameter (sprig's `unixEpoch`, `dateModify`): Go's reflection refuses anything else before the call.
  if (typ === "time.Time") return v instanceof GoTime;
  return true;
}

/**
 * Runs a parsed template.
 * @param set the parsed trees
 * @param source the template source (for error positions)
 * @param funcs the function map (user functions shadow builtins)
 * @param data the data (dot and `$`)
 * @param now the render's clock (unix milliseconds), what functions read
 * @param budget the render's budget: its limits, and the work counted so far, to which the render's work is added
 * @param resolved the template's functions resolved at compile time ({@linkcode resolveFunctions}); names missing
 *   from it are looked up in `funcs` and the builtins
 * @returns the output; throws {@linkcode ExecFailure} on an execution error
 */
export function execute(
  set: TemplateSet,
  source: string,
  funcs: Readonly<Record<string, GoFunc>>,
  data: unknown,
  now: number,
  budget: Budget,
  resolved?: ReadonlyMap<string, Callable>,
): string {
  const run = new Run(set, source, funcs, resolved, now, budget.limits);
  run.steps = budget.steps;
  try {
    run.push("$", data, false);
    run.walk({ v: data, boxed: false }, set.trees.get(set.name) as ListNode);
    return run.out;
  } finally {
    budget.steps = run.steps;
  }
}
