/**
 * The one place that imports fp-ts. `#fp-ts/Either` is this package's own import (package.json `imports`): bundles
 * for browsers and edge runtimes (the `browser` condition) take fp-ts's ES modules, so they keep only what is used;
 * Node and bundles for Node take fp-ts's CommonJS build (its ES modules import without extensions, which Node's ES
 * module loader refuses, so a bundle for Node that leaves packages external must not name them); Deno takes the ES
 * module build in `vendor/` (deno.json `imports`), and the published builds bundle the ES modules in.
 * @module
 */
import { isLeft, isRight, left, right } from "#fp-ts/Either";

export type { Either } from "#fp-ts/Either";

/**
 * The four functions of fp-ts's `Either` the project uses, as one record (named functions rather than the module
 * namespace, so bundlers drop the rest of the module).
 */
export const E: {
  readonly left: typeof left;
  readonly right: typeof right;
  readonly isLeft: typeof isLeft;
  readonly isRight: typeof isRight;
} = { left, right, isLeft, isRight };
