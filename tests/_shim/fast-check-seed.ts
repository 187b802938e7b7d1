/**
 * Fixes fast-check's seed for every property, so each run of `npm test` checks the same cases and a failure in CI
 * fails the same way on a laptop. `FC_SEED=<integer>` checks another set of cases; `FC_SEED=random` lets fast-check
 * draw a seed per property (it prints the seed and the shrunk counterexample of a failure, to reproduce with
 * `FC_SEED=<seed>`). Imported by vitest's setup file and by the Deno shim.
 */
import fc from "fast-check";

/** The seed of `npm test`. */
const defaultSeed = 20250101;

const env: Readonly<Record<string, string | undefined>> =
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const chosen = env.FC_SEED?.trim() || String(defaultSeed);
if (chosen !== "random") {
  const seed = Number(chosen);
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(chosen)}`);
  }
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
