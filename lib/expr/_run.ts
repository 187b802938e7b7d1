/**
 * The state of one expression run, which every compiled node receives.
 * @module
 */
import type { Budget } from "./_budget.ts";

/** The mutable state of one run (never shared between runs); it is also the run's {@linkcode Budget}. */
export interface Ctx extends Budget {
  readonly vars: Readonly<Record<string, unknown>>;
  readonly now: number;
  /** The current predicate element (`#`), index (`#index`) and accumulator (`#acc`). */
  el: unknown;
  idx: number;
  acc: unknown;
  /** Whether the current predicate walks a string, whose elements (`#`) are Go uint8s (see `byteAware`). */
  elIsByte?: boolean | undefined;
  readonly locals: unknown[];
}

/** A compiled node. */
export type Fn = (ctx: Ctx) => unknown;

/**
 * A node specialised for the shapes that need nothing of a run but its variables and the slots of its shared member
 * prefixes (`shared-paths.ts`): member chains from variables, comparisons with literals, `in` a list of strings, `&&`,
 * `||`, `!`, `??`, `?:`. None of them spends budget steps, calls out of the language or reads `#`, so a condition made
 * only of them runs without a `Ctx`.
 */
export type Direct = (vars: Readonly<Record<string, unknown>>, locals: unknown[]) => unknown;
