/**
 * Ahead-of-time compilation of trigger conditions, the tooling behind `notifications-engine compile`: it writes a
 * plain JavaScript module that the package entry's `decodeConfig` runs through `exprRuntime`. Its own entry point
 * (`notifications-engine/compile`), so the code generator is not in the bundle of a program that only decides.
 *
 * @example Generate the module of a ConfigMap's conditions, load it, decode with it
 * ```ts
 * import { decodeConfig, exprRuntime, type PrecompiledExprs } from "notifications-engine";
 * import { generateConditionsModule } from "notifications-engine/compile";
 * import { expect } from "expect";
 *
 * const configMap = { data: { "trigger.on-failed": "- when: app.status.phase in ['Failed']\n  send: [t]" } };
 * const m = generateConditionsModule(configMap);
 * const url = `data:text/javascript,${encodeURIComponent(m.text)}`;
 * const { precompiled } = await import(url) as { precompiled: (rt: unknown) => PrecompiledExprs };
 * const { diagnostics } = decodeConfig(configMap, undefined, { expr: { precompiled: precompiled(exprRuntime) } });
 * expect(m.covered).toEqual(["app.status.phase in ['Failed']"]);
 * expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
 * ```
 * @module
 */
import type { ConfigMapLike } from "../config/mod.ts";
import { decodeConfig } from "../config/mod.ts";
import { type GeneratedExprModule, generateExprModule } from "../expr/mod.ts";

export type { GeneratedExprModule } from "../expr/mod.ts";
export { generateExprModule } from "../expr/mod.ts";

/**
 * Generates the ahead-of-time module of a ConfigMap's trigger conditions (`when` and `oncePer` of every trigger that
 * decodes): a plain JavaScript module without imports, for `notifications-engine compile`. Load it and pass its
 * `precompiled(exprRuntime)` as `decodeConfig`'s `expr.precompiled`: the conditions it covers then run its code
 * (same results, errors and budgets as the closures); the others run as closures. Nothing is evaluated here or at
 * load time beyond the module itself: the default runtime path uses no `eval` or `new Function`.
 *
 * @param configMap The ConfigMap; only its `trigger.*` keys are read.
 * @returns The module's text and which conditions it covers.
 * @example
 * ```ts
 * import { generateConditionsModule } from "notifications-engine/compile";
 * import { expect } from "expect";
 *
 * const m = generateConditionsModule({ data: { "trigger.on-failed": "- when: app.status.phase in ['Failed']\n  send: [t]" } });
 * expect(m.covered).toEqual(["app.status.phase in ['Failed']"]);
 * ```
 */
export function generateConditionsModule(configMap: ConfigMapLike): GeneratedExprModule {
  const data = Object.fromEntries(Object.entries(configMap.data ?? {}).filter(([k]) => k.startsWith("trigger.")));
  const { config } = decodeConfig({ data }, undefined, {});
  const sources = [...config.triggers.values()].flatMap((t) =>
    t.conditions.flatMap((c) => [c.when === "" ? "false" : c.when, ...(c.oncePer !== undefined ? [c.oncePer] : [])])
  );
  return generateExprModule(sources);
}
