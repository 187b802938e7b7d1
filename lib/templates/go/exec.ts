/**
 * The executor of Go text/template: walks the trees of a parsed template over plain JS data, with Go's semantics for
 * missing keys, nil, truthiness, pipelines, variables, methods, function calls and errors
 * (`template: <name>:<line>:<col>: executing "<name>" at <node>: <message>`).
 * @module
 */
import { formatValue, utf8Length } from "../../gofmt/mod.ts";
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  FieldNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  VariableNode,
} from "./ast.ts";
import { nodeString } from "./ast.ts";
import { builtins } from "./builtins.ts";
import type { FuncContext, GoFunc, GoSignature, GoType } from "./func.ts";
import type { TemplateSet } from "./parser.ts";
import { goQuote } from "./_strconv.ts";
import { GoFloat, toFloatValue } from "../../values/float.ts";
import {
  isExported,
  isMap,
  isNil,
  isTrue,
  mapGet,
  methodOf,
  noValue,
  sortedEntries,
  toArg,
  typeName,
} from "./_value.ts";

/** Limits of one execution. */
export interface ExecLimits {
  /** Maximum output length in characters. */
  readonly maxOutput: number;
  /** Maximum nesting of `{{template}}` calls. */
  readonly maxDepth: number;
  /** Maximum number of evaluation steps (nodes walked plus calls). */
  readonly maxSteps: number;
}

/** An execution failure: Go's message, and the UTF-16 index of the node it happened at. */
export class ExecFailure extends Error {
  constructor(message: string, readonly pos: number | undefined) {
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

interface Callable {
  readonly signature: GoSignature;
  readonly builtin: boolean;
  readonly invoke: (args: readonly unknown[], boxed: readonly boolean[]) => unknown;
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
/** Plain objects and `Map`s have no Go methods; anything else is checked for methods first. */
function hasMethods(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto !== Object.prototype && proto !== null && !(v instanceof Map);
}

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

/**
 * Runs a parsed template.
 * @param set the parsed trees
 * @param source the template source (for error positions)
 * @param funcs the function map (user functions shadow builtins)
 * @param data the data (dot and `$`)
 * @param ctx the function context (`now`)
 * @param limits output, depth and step limits
 * @returns the output; throws {@linkcode ExecFailure} on an execution error
 */
export function execute(
  set: TemplateSet,
  source: string,
  funcs: Readonly<Record<string, GoFunc>>,
  data: unknown,
  ctx: FuncContext,
  limits: ExecLimits,
): string {
  let out = "";
  let steps = 0;
  let current: Node | ArgNode | CommandNode | ListNode | undefined;
  let executing = set.name;
  let vars: Variable[] = [];
  let lastBoxed = false;
  let depth = 0;

  const at = (n: Node | ArgNode | CommandNode | ListNode): void => {
    current = n;
  };
  const errorf = (message: string): never => {
    if (current === undefined) throw new ExecFailure(`template: ${executing}: ${message}`, undefined);
    const { line, col } = lineCol(source, current.pos);
    throw new ExecFailure(
      `template: ${set.name}:${line}:${col}: executing ${goQuote(executing)} at <${nodeString(current)}>: ${message}`,
      current.pos,
    );
  };
  const step = (): void => {
    if (++steps > limits.maxSteps) errorf(`exceeded the evaluation budget (${limits.maxSteps} steps)`);
  };
  const write = (s: string): void => {
    if (out.length + s.length > limits.maxOutput) errorf(`output exceeds the limit of ${limits.maxOutput} characters`);
    out += s;
  };

  // --- variables

  const mark = (): number => vars.length;
  const pop = (m: number): void => {
    vars.length = m;
  };
  const push = (name: string, v: unknown, boxed: boolean): void => {
    vars.push({ name, v, boxed });
  };
  const findVar = (name: string): Variable => {
    for (let i = vars.length - 1; i >= 0; i--) {
      const v = vars[i];
      if (v !== undefined && v.name === name) return v;
    }
    return errorf(`undefined variable: ${name}`);
  };

  // --- walking

  const walk = (dot: Dot, node: Node | ListNode): void => {
    step();
    at(node);
    switch (node.type) {
      case "list":
        for (const n of node.nodes) walk(dot, n);
        return;
      case "text":
        write(node.text);
        return;
      case "action": {
        const v = evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) printValue(node, v);
        return;
      }
      case "if":
      case "with": {
        const m = mark();
        try {
          const v = evalPipeline(dot, node.pipe);
          if (isTrue(v)) walk(node.type === "with" ? { v, boxed: false } : dot, node.list);
          else if (node.elseList !== undefined) walk(dot, node.elseList);
        } finally {
          pop(m);
        }
        return;
      }
      case "range":
        walkRange(dot, node);
        return;
      case "break":
        throw breakSignal;
      case "continue":
        throw continueSignal;
      case "template": {
        const tree = set.trees.get(node.name);
        if (tree === undefined) errorf(`template ${goQuote(node.name)} not defined`);
        if (depth >= limits.maxDepth) errorf(`exceeded maximum template depth (${limits.maxDepth})`);
        const v = node.pipe === undefined ? noValue : evalPipeline(dot, node.pipe);
        const saved = { vars, executing };
        vars = [{ name: "$", v, boxed: false }];
        executing = node.name;
        depth++;
        try {
          walk({ v, boxed: false }, tree as ListNode);
        } finally {
          depth--;
          vars = saved.vars;
          executing = saved.executing;
        }
        return;
      }
    }
  };

  const walkRange = (dot: Dot, r: BranchNode): void => {
    at(r);
    const m = mark();
    try {
      const v = evalPipeline(dot, r.pipe);
      const inner = mark();
      const one = (key: unknown, elem: unknown, boxed: boolean): boolean => {
        if (r.pipe.decl.length > 0) {
          const top = vars[vars.length - 1];
          if (top !== undefined) Object.assign(top, { v: elem, boxed });
        }
        if (r.pipe.decl.length > 1) {
          const second = vars[vars.length - 2];
          if (second !== undefined) Object.assign(second, { v: key, boxed: false });
        }
        try {
          walk({ v: elem, boxed }, r.list);
        } catch (e) {
          if (e === breakSignal) return false;
          if (e !== continueSignal) throw e;
        } finally {
          pop(inner);
        }
        return true;
      };
      if (Array.isArray(v) || v instanceof Uint8Array) {
        if (v.length > 0) {
          for (let i = 0; i < v.length; i++) {
            const elem: unknown = v[i];
            if (!one(i, elem === undefined ? null : elem, !(v instanceof Uint8Array))) break;
          }
          return;
        }
      } else if (isMap(v)) {
        const entries = sortedEntries(v);
        if (entries.length > 0) {
          for (const [k, e] of entries) if (!one(k, e === undefined ? null : e, true)) break;
          return;
        }
      } else if (typeof v === "number" && Number.isInteger(v) || typeof v === "bigint") {
        if (r.pipe.decl.length > 1) errorf(`can't use ${formatValue(v)} to iterate over more than one variable`);
        const n = Number(v);
        if (n > 0) {
          for (let i = 0; i < n; i++) if (!one(noValue, i, false)) break;
          return;
        }
      } else if (!isNil(v)) {
        errorf(`range can't iterate over ${formatValue(v)}`);
      }
      if (r.elseList !== undefined) walk(dot, r.elseList);
    } finally {
      pop(m);
    }
  };

  const printValue = (node: Node, v: unknown): void => {
    at(node);
    if (v === noValue || v === undefined) {
      write("<no value>");
      return;
    }
    if (typeof v === "function") errorf(`can't print ${nodeString(node)} of type ${typeName(v, false)}`);
    write(formatValue(v));
  };

  // --- pipelines and commands

  const evalPipeline = (dot: Dot, pipe: PipeNode): unknown => {
    at(pipe);
    let value: unknown = noFinal;
    for (const cmd of pipe.cmds) {
      value = evalCommand(dot, cmd, value);
      if (value === null || value === undefined) value = noValue;
    }
    for (const v of pipe.decl) {
      const name = v.ident[0] ?? "$";
      if (pipe.isAssign) Object.assign(findVar(name), { v: value, boxed: false });
      else push(name, value, false);
    }
    return value;
  };

  const notAFunction = (args: readonly ArgNode[], final: Final): void => {
    if (args.length > 1 || final !== noFinal) errorf(`can't give argument to non-function ${nodeString(args[0] as ArgNode)}`);
  };

  const evalCommand = (dot: Dot, cmd: CommandNode, final: Final): unknown => {
    step();
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case "field":
        return evalFieldNode(dot, first, cmd.args, final);
      case "chain":
        return evalChain(dot, first, cmd.args, final);
      case "identifier":
        return evalFunction(dot, first.ident, first, cmd, cmd.args, final);
      case "pipe":
        notAFunction(cmd.args, final);
        return evalPipeline(dot, first);
      case "variable":
        return evalVariable(dot, first, cmd.args, final);
    }
    at(first);
    notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return first.value;
      case "dot":
        return dot.v;
      case "nil":
        return errorf("nil is not a command");
      case "number":
        return idealConstant(first);
      case "string":
        return first.text;
    }
  };

  const idealConstant = (n: NumberNode): unknown => {
    at(n);
    if (n.isComplex) return errorf(`complex constant ${n.text} is not supported`);
    const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return toFloatValue(n.float);
    if (n.isInt) return n.bigInt ?? n.int;
    if (n.isUint) return errorf(`${n.text} overflows int`);
    return noValue;
  };

  const evalFieldNode = (dot: Dot, field: FieldNode, args: readonly ArgNode[], final: Final): unknown => {
    at(field);
    return evalFieldChain(dot, dot.v, dot.boxed, field, field.ident, args, final);
  };

  const evalChain = (
    dot: Dot,
    chain: Extract<ArgNode, { type: "chain" }>,
    args: readonly ArgNode[],
    final: Final,
  ): unknown => {
    at(chain);
    if (chain.node.type === "nil") errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const recv = evalArg(dot, undefined, chain.node);
    return evalFieldChain(dot, recv.v, recv.boxed, chain, chain.field, args, final);
  };

  const evalVariable = (dot: Dot, node: VariableNode, args: readonly ArgNode[], final: Final): unknown => {
    at(node);
    const variable = findVar(node.ident[0] ?? "$");
    if (node.ident.length === 1) {
      notAFunction(args, final);
      lastBoxed = variable.boxed;
      return variable.v;
    }
    return evalFieldChain(dot, variable.v, variable.boxed, node, node.ident.slice(1), args, final);
  };

  const evalFieldChain = (
    dot: Dot,
    receiver: unknown,
    boxed: boolean,
    node: ArgNode,
    ident: readonly string[],
    args: readonly ArgNode[],
    final: Final,
  ): unknown => {
    let r = receiver;
    let b = boxed;
    for (let i = 0; i < ident.length - 1; i++) {
      r = evalField(dot, ident[i] ?? "", node, [], noFinal, r, b);
      b = lastBoxed;
    }
    return evalField(dot, ident[ident.length - 1] ?? "", node, args, final, r, b);
  };

  const evalField = (
    dot: Dot,
    name: string,
    node: ArgNode,
    args: readonly ArgNode[],
    final: Final,
    receiver: unknown,
    boxed: boolean,
  ): unknown => {
    lastBoxed = false;
    if (receiver === noValue || receiver === undefined) return noValue;
    const hasArgs = args.length > 1 || final !== noFinal;
    if (receiver !== null && isMap(receiver) && !hasMethods(receiver)) {
      if (hasArgs) errorf(`${name} is not a method but has arguments`);
      lastBoxed = true;
      return mapGet(receiver, name);
    }
    const typ = boxed ? anyType : typeName(receiver, false);
    if (receiver === null) return errorf(`nil pointer evaluating ${typ}.${name}`);
    const method = methodOf(receiver, name);
    if (method !== undefined) {
      const signature = (method as { signature?: GoSignature }).signature ??
        { params: Array.from({ length: method.length }, () => anyType) };
      const callable: Callable = {
        signature,
        builtin: false,
        invoke: (a) => method.apply(receiver, a.map(toArg)),
      };
      return evalCall(dot, callable, node, name, args, final);
    }
    if (isMap(receiver)) {
      if (hasArgs) errorf(`${name} is not a method but has arguments`);
      lastBoxed = true;
      return mapGet(receiver, name);
    }
    if (typeof receiver === "object" && !Array.isArray(receiver) && !(receiver instanceof Uint8Array)) {
      if (Object.hasOwn(receiver, name)) {
        if (!isExported(name)) errorf(`${name} is an unexported field of struct type ${typ}`);
        if (hasArgs) errorf(`${name} has arguments but cannot be invoked as function`);
        const v = (receiver as Record<string, unknown>)[name];
        return v === undefined ? null : v;
      }
    }
    return errorf(`can't evaluate field ${name} in type ${typ}`);
  };

  const evalFunction = (
    dot: Dot,
    name: string,
    node: ArgNode,
    cmd: ArgNode | CommandNode,
    args: readonly ArgNode[],
    final: Final,
  ): unknown => {
    at(node);
    const user = Object.hasOwn(funcs, name) ? funcs[name] : undefined;
    let callable: Callable;
    if (user !== undefined) {
      callable = {
        signature: user.signature ?? { params: [], variadic: anyType },
        builtin: false,
        invoke: (a) => user(ctx, a.map(toArg)),
      };
    } else {
      const b = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
      if (b === undefined) return errorf(`${goQuote(name)} is not a defined function`);
      callable = { signature: b.signature, builtin: true, invoke: (a, boxed) => b.fn(ctx, a, boxed) };
    }
    return evalCall(dot, callable, cmd, name, args, final);
  };

  const evalCall = (
    dot: Dot,
    fn: Callable,
    node: ArgNode | CommandNode,
    name: string,
    allArgs: readonly ArgNode[],
    final: Final,
  ): unknown => {
    step();
    const args = allArgs.slice(1);
    const { params, variadic } = fn.signature;
    const numIn = args.length + (final !== noFinal ? 1 : 0);
    if (variadic !== undefined) {
      if (numIn < params.length) {
        errorf(`wrong number of args for ${name}: want at least ${params.length} got ${args.length}`);
      }
    } else if (numIn !== params.length) {
      errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (fn.builtin && (name === "and" || name === "or")) {
      let v: unknown = noValue;
      for (const a of args) {
        v = evalArg(dot, rawType, a).v;
        if (isTrue(v) === (name === "or")) return v;
      }
      if (final !== noFinal) v = validateType(final, false, rawType);
      return v;
    }
    const argv: unknown[] = [];
    const boxed: boolean[] = [];
    const typeAt = (i: number): GoType => params[i] ?? variadic ?? anyType;
    for (let i = 0; i < args.length; i++) {
      const a = evalArg(dot, typeAt(i), args[i] as ArgNode);
      argv.push(a.v);
      boxed.push(a.boxed);
    }
    if (final !== noFinal) {
      argv.push(validateType(final, false, typeAt(args.length)));
      boxed.push(false);
    }
    let result: unknown;
    try {
      result = fn.invoke(argv, boxed);
    } catch (e) {
      if (e instanceof ExecFailure) throw e;
      at(node);
      return errorf(`error calling ${name}: ${thrownMessage(e)}`);
    }
    lastBoxed = false;
    return result === undefined ? noValue : result;
  };

  const validateType = (v: unknown, boxed: boolean, typ: GoType | undefined): unknown => {
    if (typ === undefined) return v;
    if (v === noValue || v === undefined) {
      if (typ === rawType) return noValue;
      if (canBeNil(typ)) return null;
      return errorf(`invalid value; expected ${typ}`);
    }
    if (typ === rawType || typ === anyType) return v;
    if (v === null) {
      if (boxed || !canBeNil(typ)) return errorf(`wrong type for value; expected ${typ}; got interface {}`);
      return null;
    }
    if (!assignable(v, boxed, typ)) errorf(`wrong type for value; expected ${typ}; got ${typeName(v, boxed)}`);
    return v;
  };

  const assignable = (v: unknown, boxed: boolean, typ: GoType): boolean => {
    if (typ === "string") return typeof v === "string";
    if (typ === "bool") return typeof v === "boolean";
    if (intTypes.has(typ) || uintTypes.has(typ)) {
      const isInt = typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v));
      return isInt && (!boxed || typ === "int64");
    }
    if (typ === "float64" || typ === "float32") {
      return v instanceof GoFloat || (typeof v === "number" && !(boxed && Number.isInteger(v)));
    }
    if (typ.startsWith("[]")) return Array.isArray(v) || (typ === "[]uint8" && v instanceof Uint8Array);
    if (typ.startsWith("map[")) return isMap(v);
    return true;
  };

  const evalArg = (dot: Dot, typ: GoType | undefined, n: ArgNode): Dot => {
    at(n);
    switch (n.type) {
      case "dot":
        return { v: validateType(dot.v, dot.boxed, typ), boxed: dot.boxed };
      case "nil":
        if (typ === rawType) return { v: noValue, boxed: false };
        if (typ !== undefined && canBeNil(typ)) return { v: null, boxed: false };
        return errorf(`cannot assign nil to ${typ ?? "<nil>"}`);
      case "field": {
        const v = evalFieldNode(dot, n, [n], noFinal);
        return { v: validateType(v, lastBoxed, typ), boxed: lastBoxed };
      }
      case "variable": {
        const v = evalVariable(dot, n, [], noFinal);
        return { v: validateType(v, lastBoxed, typ), boxed: lastBoxed };
      }
      case "pipe":
        return { v: validateType(evalPipeline(dot, n), false, typ), boxed: false };
      case "identifier":
        return { v: validateType(evalFunction(dot, n.ident, n, n, [], noFinal), false, typ), boxed: false };
      case "chain": {
        const v = evalChain(dot, n, [], noFinal);
        return { v: validateType(v, lastBoxed, typ), boxed: lastBoxed };
      }
    }
    return { v: evalLiteral(dot, typ ?? anyType, n), boxed: false };
  };

  const evalLiteral = (dot: Dot, typ: GoType, n: ArgNode): unknown => {
    if (typ === "bool") return n.type === "bool" ? n.value : errorf(`expected bool; found ${nodeString(n)}`);
    if (typ === "float64" || typ === "float32") {
      return n.type === "number" && n.isFloat ? toFloatValue(n.float) : errorf(`expected float; found ${nodeString(n)}`);
    }
    if (intTypes.has(typ)) {
      return n.type === "number" && n.isInt ? n.int : errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (uintTypes.has(typ)) {
      return n.type === "number" && n.isUint ? n.int : errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (typ === "string") return n.type === "string" ? n.text : errorf(`expected string; found ${nodeString(n)}`);
    if (typ === anyType || typ === rawType) {
      switch (n.type) {
        case "bool":
          return n.value;
        case "dot":
          return dot.v;
        case "number":
          return idealConstant(n);
        case "string":
          return n.text;
      }
    }
    return errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
  };

  push("$", data, false);
  walk({ v: data, boxed: false }, set.trees.get(set.name) as ListNode);
  return out;
}
