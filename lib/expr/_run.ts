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
  timeNs: Readonly<Record<string, unknown>> | undefined;
}

/** A compiled node. */
export type Fn = (ctx: Ctx) => unknown;
