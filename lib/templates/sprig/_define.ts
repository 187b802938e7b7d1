/**
 * Shorthands for declaring sprig functions with their Go signatures.
 * @module
 */
import { type FuncContext, type GoFunc, goFunc, type GoType } from "../go/func.ts";

/** `interface {}`, Go's empty interface. */
export const any: GoType = "interface {}";
/** `map[string]interface {}`, the only map type sprig's dict functions accept. */
export const dictType: GoType = "map[string]interface {}";

/** A function with fixed parameters. */
export function fixed(params: readonly GoType[], fn: (args: readonly unknown[], ctx: FuncContext) => unknown): GoFunc {
  return goFunc({ params }, (ctx, args) => fn(args, ctx));
}

/** A function with fixed parameters followed by a variadic one. */
export function variadic(
  params: readonly GoType[],
  rest: GoType,
  fn: (args: readonly unknown[], ctx: FuncContext) => unknown,
): GoFunc {
  return goFunc({ params, variadic: rest }, (ctx, args) => fn(args, ctx));
}

/** Marks a function that changes a map or list it is given (see `GoFunc.mutates`). */
export function mutating(fn: GoFunc): GoFunc {
  return Object.assign((ctx: FuncContext, args: readonly unknown[]): unknown => fn(ctx, args), {
    ...(fn.signature === undefined ? {} : { signature: fn.signature }),
    mutates: true,
  });
}
