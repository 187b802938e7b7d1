/** A condition that is always true, for decisions that send whatever a trigger's `when` says. */
import type { CompiledExpr } from "../expr/mod.ts";
import { E } from "../fp.ts";

/** Runs as `true`. */
export const alwaysTrue: CompiledExpr = { source: "true", run: () => E.right(true) };
