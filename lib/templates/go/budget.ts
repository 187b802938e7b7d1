/**
 * The budget of one Go template render, shared by the executor and the functions it calls: one count of work (steps)
 * against `templateSteps`, and the size limits every function checks before it builds a list or a string. Functions
 * reach it through their {@linkcode FuncContext}; a function called directly, outside a render, gets a fresh budget
 * with the default limits.
 * @module
 */
import { defaultLimits, limitMessage, type Limits } from "../../limits.ts";
import { FormatLimitError, type FormatLimits } from "../../gofmt/mod.ts";
import type { FuncContext } from "./func.ts";

/** The work count of one render and its limits. The executor's state is one; functions add to it. */
export interface Budget {
  /** The limits; they are the limits of formatting a value too (`maxStringLength`, `maxValueDepth`). */
  readonly limits: Limits;
  /** Work units used so far (see {@linkcode charge}). */
  steps: number;
}

/**
 * A limit passed inside a template function or the executor; the executor turns it into a failure at the current
 * node, and the render into a `LimitExceeded` diagnostic whose message names the limit.
 */
export class LimitFailure extends Error {
  /**
   * @param limit the limit passed
   * @param value its value
   * @param what what was about to pass it, e.g. `until would build a list of 1000000000 elements`
   */
  constructor(readonly limit: keyof Limits, readonly value: number, what: string) {
    super(limitMessage(limit, value, what));
    this.name = "LimitFailure";
  }
}

/** UTF-16 code units of a built string that count as one step of work. */
export const charsPerStep = 16;

/**
 * A fresh budget with the given limits.
 * @param limits the limits of the render
 * @returns a budget with no work done
 */
export function newBudget(limits: Limits = defaultLimits): Budget {
  return { limits, steps: 0 };
}

/** The budget of a function's context (a fresh default one outside a render). */
export function budgetOf(ctx: FuncContext): Budget {
  return ctx.budget ?? newBudget();
}

/**
 * Adds `units` steps of work.
 * @param ctx the function's context
 * @param units the work, in steps (elements copied or compared, nodes walked, `charsPerStep` characters built)
 * @param what the operation, for the message (`"append"`)
 * @throws LimitFailure when the render's `templateSteps` are used up
 */
export function charge(ctx: FuncContext, units: number, what: string): void {
  chargeBudget(budgetOf(ctx), units, what);
}

/** {@linkcode charge} on a budget. */
function chargeBudget(budget: Budget, units: number, what: string): void {
  budget.steps += units;
  if (budget.steps > budget.limits.templateSteps) {
    throw new LimitFailure("templateSteps", budget.limits.templateSteps, `${what} used up the work budget`);
  }
}

/**
 * Checks the length of a list a function is about to build, before it builds it, and charges one step per element.
 * @param ctx the function's context
 * @param length the number of elements (or map entries)
 * @param what the function, for the message
 * @throws LimitFailure when the list would be longer than `maxListLength`, or the work budget is used up
 */
export function chargeList(ctx: FuncContext, length: number, what: string): void {
  const budget = budgetOf(ctx);
  const max = budget.limits.maxListLength;
  if (length > max) throw new LimitFailure("maxListLength", max, `${what} would build a list of ${length} elements`);
  chargeBudget(budget, length, what);
}

/**
 * Checks the length of a string a function is about to build, before it builds it, and charges one step per
 * {@linkcode charsPerStep} characters.
 * @param ctx the function's context
 * @param length the length in UTF-16 code units
 * @param what the function, for the message
 * @throws LimitFailure when the string would be longer than `maxStringLength`, or the work budget is used up
 */
export function chargeString(ctx: FuncContext, length: number, what: string): void {
  const budget = budgetOf(ctx);
  const max = budget.limits.maxStringLength;
  if (length > max) {
    throw new LimitFailure("maxStringLength", max, `${what} would build a string of ${length} characters`);
  }
  chargeBudget(budget, Math.ceil(length / charsPerStep), what);
}

/**
 * Checks how deep a walk over a value has gone.
 * @param ctx the function's context
 * @param depth the nesting reached (1 inside the outermost list or map)
 * @param what the operation, for the message
 * @throws LimitFailure when `depth` passes `maxValueDepth`
 */
export function checkDepth(ctx: FuncContext, depth: number, what: string): void {
  const max = budgetOf(ctx).limits.maxValueDepth;
  if (depth > max) {
    throw new LimitFailure("maxValueDepth", max, `${what} reached a value nested more than ${max} levels deep`);
  }
}

/**
 * Formats with Go's `fmt` within the render's limits, charging the work.
 * @param ctx the function's context
 * @param what the operation, for the message
 * @param format the formatting call, given the limits
 * @returns the text
 * @throws LimitFailure when the text would be too long, or the value too deep
 */
export function formatWithin(ctx: FuncContext, what: string, format: (limits: FormatLimits) => string): string {
  const budget = budgetOf(ctx);
  let out: string;
  try {
    out = format(budget.limits);
  } catch (e) {
    throw e instanceof FormatLimitError ? fromFormatLimit(e, what) : e;
  }
  chargeBudget(budget, Math.ceil(out.length / charsPerStep), what);
  return out;
}

/** The limit failure of a formatting call that passed its bounds. */
export function fromFormatLimit(e: FormatLimitError, what: string): LimitFailure {
  return e.kind === "length"
    ? new LimitFailure("maxStringLength", e.value, `${what} would print more than ${e.value} characters`)
    : new LimitFailure("maxValueDepth", e.value, `${what} reached a value nested more than ${e.value} levels deep`);
}
