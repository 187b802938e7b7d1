/**
 * What the modules `generateExprModule` writes call at run time: the same functions the closures call.
 * @module
 */
import { walkOn } from "./member-path.ts";
import { inStrings, toBool } from "./runtime.ts";

/** The run-time functions of generated expression modules (imported by them as `exprRuntime`). */
export interface ExprRuntime {
  /** A value as a condition's boolean, or the Go conversion error at `pos`. */
  readonly toBool: (v: unknown, pos: number) => boolean;
  /** `v in [...]` over a list of string literals. */
  readonly inStrings: (v: unknown, set: ReadonlySet<string>, pos: number) => boolean;
  /** The rest of a member walk from key `i`, through the language's one access function. */
  readonly walkOn: (
    b: unknown,
    path: {
      readonly keys: readonly string[];
      readonly positions: readonly number[];
      readonly optional: readonly boolean[];
    },
    i: number,
  ) => unknown;
}

/** The run-time functions of generated expression modules. */
export const exprRuntime: ExprRuntime = Object.freeze({ toBool, inStrings, walkOn });
