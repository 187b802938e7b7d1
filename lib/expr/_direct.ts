/**
 * The specialised closures of the compiler (see {@linkcode Direct}): the operators trigger conditions are made of,
 * over operands that are specialised themselves. Each does what the generic closure of the same node does in
 * `compile.ts`, operation for operation (a property test compares them); they only skip the `Ctx`, which these
 * operators never use (they spend no budget steps, call nothing and read no `#`).
 * @module
 */
import type { Direct } from "./_run.ts";
import { inStrings, toBool } from "./runtime.ts";

/** `a && b` (`and`); undefined unless both operands are specialised. */
export function directAnd(a: Direct | undefined, b: Direct | undefined, pos: number): Direct | undefined {
  if (a === undefined || b === undefined) return undefined;
  return (vars, locals) => {
    const x = a(vars, locals);
    return x === true ? b(vars, locals) : x === false ? false : toBool(x, pos);
  };
}

/** `a || b` (`or`); undefined unless both operands are specialised. */
export function directOr(a: Direct | undefined, b: Direct | undefined, pos: number): Direct | undefined {
  if (a === undefined || b === undefined) return undefined;
  return (vars, locals) => {
    const x = a(vars, locals);
    return x === false ? b(vars, locals) : x === true ? true : toBool(x, pos);
  };
}

/** `!a` (`not`). */
export function directNot(a: Direct | undefined, pos: number): Direct | undefined {
  if (a === undefined) return undefined;
  return (vars, locals) => !toBool(a(vars, locals), pos);
}

/** `a == lit` (or `!=` when `negated`) against a string, bool or nil literal: identity, nil matching nil only. */
export function directEqualsLiteral(
  a: Direct | undefined,
  lit: string | boolean | null,
  negated: boolean,
): Direct | undefined {
  if (a === undefined) return undefined;
  if (lit === null) {
    return negated ? (vars, locals) => a(vars, locals) != null : (vars, locals) => a(vars, locals) == null;
  }
  return negated ? (vars, locals) => a(vars, locals) !== lit : (vars, locals) => a(vars, locals) === lit;
}

/**
 * `a in [...]` over a list of string literals (see {@linkcode inStrings}): a string is compared with up to four
 * strings one by one (cheaper than hashing it), anything else goes to `inStrings`.
 */
export function directInStrings(a: Direct | undefined, set: ReadonlySet<string>, pos: number): Direct | undefined {
  if (a === undefined) return undefined;
  const [s0, s1, s2, s3] = [...set];
  switch (set.size) {
    case 1:
      return (vars, locals) => {
        const v = a(vars, locals);
        return typeof v === "string" ? v === s0 : inStrings(v, set, pos);
      };
    case 2:
      return (vars, locals) => {
        const v = a(vars, locals);
        return typeof v === "string" ? v === s0 || v === s1 : inStrings(v, set, pos);
      };
    case 3:
    case 4:
      return (vars, locals) => {
        const v = a(vars, locals);
        return typeof v === "string" ? v === s0 || v === s1 || v === s2 || v === s3 : inStrings(v, set, pos);
      };
    default:
      return (vars, locals) => inStrings(a(vars, locals), set, pos);
  }
}

/** `a ?? b`. */
export function directNullish(a: Direct | undefined, b: Direct | undefined): Direct | undefined {
  if (a === undefined || b === undefined) return undefined;
  return (vars, locals) => {
    const v = a(vars, locals);
    return v === null || v === undefined ? b(vars, locals) : v;
  };
}

/** `c ? y : n`. */
export function directConditional(
  c: Direct | undefined,
  y: Direct | undefined,
  n: Direct | undefined,
  pos: number,
): Direct | undefined {
  if (c === undefined || y === undefined || n === undefined) return undefined;
  return (vars, locals) => (toBool(c(vars, locals), pos) ? y(vars, locals) : n(vars, locals));
}
