/**
 * fast-check's settings for every property, under vitest and Deno alike (imported by vitest's setup file and by the
 * Deno shim).
 *
 * The seed is fixed, so each run of `npm test` checks the same cases and a failure in CI fails the same way on a
 * laptop. `FC_SEED=<integer>` checks another set of cases; `FC_SEED=random` lets fast-check draw a seed per property
 * (it prints the seed and the shrunk counterexample of a failure, to reproduce with `FC_SEED=<seed>`).
 *
 * A stated bound is reached: with `defaultSizeToMaxWhenMaxSpecified`, an arbitrary given `maxLength`, `maxKeys` or
 * `maxDepth` draws up to that bound. fast-check's default size ("small") would otherwise cap it near 10 whatever the
 * test says: `fc.array(item, { maxLength: 200 })` made at most 10 items, so properties meant to cross a threshold
 * (16 destinations before `groupByTrigger` indexes them, a bucket's burst of up to 20) never did. Arbitraries without
 * a bound keep the small default: "medium" everywhere made nested values 100 times larger (a dictionary of JSON values
 * ~130 kB at the median) and the properties' time 15 s → 98 s; a test that needs long input says how long.
 *
 * An arbitrary's size is fixed when it is built, so this runs before any is: in vitest's setup file, and under Deno
 * from the "vitest" shim, which every test imports before its helpers.
 */
import fc from "fast-check";

/** The seed of `npm test`. */
const defaultSeed = 20250101;

const env: Readonly<Record<string, string | undefined>> =
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const chosen = env.FC_SEED?.trim() || String(defaultSeed);
const seed = chosen === "random" ? undefined : Number(chosen);
if (seed !== undefined && !Number.isSafeInteger(seed)) {
  throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(chosen)}`);
}
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(seed !== undefined ? { seed } : {}),
  defaultSizeToMaxWhenMaxSpecified: true,
});
