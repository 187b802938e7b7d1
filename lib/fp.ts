/**
 * The one place that imports fp-ts, through the `fp-ts/lib/<Module>.js` paths that work in Node ESM and Deno alike.
 * @module
 */
export * as E from "fp-ts/lib/Either.js";
export * as RA from "fp-ts/lib/ReadonlyArray.js";
export * as O from "fp-ts/lib/Option.js";
export { pipe } from "fp-ts/lib/function.js";
export type { Either } from "fp-ts/lib/Either.js";
