/**
 * What the helper functions share: Go's call checks (arity, string parameters) and failing a call.
 * @module
 */
import { EvalFailure, typeName } from "../expr/mod.ts";

/** Fails the call with `message` (the expression or template reports it at the call). */
export function fail(message: string): never {
  throw new EvalFailure(message);
}

/** A string parameter of a Go helper: nil becomes `""` (expr ≥1.17), anything else but a string fails as reflect does. */
export function stringArg(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return fail(`reflect: Call using ${typeName(v)} as type string`);
}

/** Fails unless the call has `n` arguments, as reflect does. */
export function arity(args: readonly unknown[], n: number): void {
  if (args.length !== n) fail(`invalid number of arguments: expected ${n}, got ${args.length}`);
}
