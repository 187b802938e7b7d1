/**
 * The one place that imports fp-ts, through the `fp-ts/lib/<Module>.js` paths that work in Node ESM and Deno alike.
 * Only `Either` is used by the core; more modules cost bundle size (fp-ts/lib is CommonJS, so bundlers cannot drop
 * what is unused).
 * @module
 */
export * as E from "fp-ts/lib/Either.js";
export type { Either } from "fp-ts/lib/Either.js";
