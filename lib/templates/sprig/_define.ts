/**
 * Shorthands for declaring sprig functions with their Go signatures. Every function declared with them charges the
 * render's budget for reading its arguments (one step per list element, one per `charsPerStep` characters of a
 * string), so work that grows with the size of the values (a search, a case mapping, a hash) is counted wherever it
 * is repeated.
 * @module
 */
import { type FuncContext, type GoFunc, goFunc, type GoType } from "../go/func.ts";
import { charge, charsPerStep } from "../go/budget.ts";

/** `interface {}`, Go's empty interface. */
export const any: GoType = "interface {}";
/** `map[string]interface {}`, the only map type sprig's dict functions accept. */
export const dictType: GoType = "map[string]interface {}";

/** Charges the work of reading the arguments: their lengths, as strings, lists and byte slices. */
function chargeArgs(ctx: FuncContext, args: readonly unknown[]): void {
  let units = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === "string") units += Math.floor(a.length / charsPerStep);
    else if (Array.isArray(a) || a instanceof Uint8Array) units += a.length;
  }
  if (units > 0) charge(ctx, units, "reading the arguments");
}

/** A function with fixed parameters. */
export function fixed(params: readonly GoType[], fn: (args: readonly unknown[], ctx: FuncContext) => unknown): GoFunc {
  return goFunc({ params }, (ctx, args) => {
    chargeArgs(ctx, args);
    return fn(args, ctx);
  });
}

/** A function with fixed parameters followed by a variadic one. */
export function variadic(
  params: readonly GoType[],
  rest: GoType,
  fn: (args: readonly unknown[], ctx: FuncContext) => unknown,
): GoFunc {
  return goFunc({ params, variadic: rest }, (ctx, args) => {
    chargeArgs(ctx, args);
    return fn(args, ctx);
  });
}

/** Marks a function that changes a map or list it is given (see `GoFunc.mutates`). */
export function mutating(fn: GoFunc): GoFunc {
  return Object.assign((ctx: FuncContext, args: readonly unknown[]): unknown => fn(ctx, args), {
    ...(fn.signature === undefined ? {} : { signature: fn.signature }),
    mutates: true,
  });
}
