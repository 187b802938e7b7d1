/**
 * Liquid for template documents (`language: liquid`), through liquidjs: the `./liquid` entry point
 * (`notifications-engine/liquid`). It is not in the default import, so that bundles of configurations written in Go
 * templates (every Argo CD and Argo Rollouts one) do not carry liquidjs; a host that reads Liquid templates adds it
 * to `decodeConfig` (the shell — CLI, controller — always does). Without it, a template with `language: liquid` is
 * an error that names this import.
 *
 * @example Add Liquid (with `decodeConfig`: `decodeConfig(configMap, secret, { languages: { liquid } })`)
 * ```ts
 * import { compileTemplate } from "../templates/mod.ts";
 * import { liquid } from "./mod.ts";
 * import { expect } from "expect";
 *
 * const doc = { language: "liquid", message: "{{ app.metadata.name }} is ready" };
 * const without = compileTemplate("ready", doc);
 * expect(without._tag === "Left" && without.left[0]?.message).toMatch(/^language: liquid: the Liquid compiler is not/);
 *
 * const t = compileTemplate("ready", doc, { languages: { liquid } });
 * if (t._tag === "Left") throw new Error("does not compile");
 * const r = t.right.render({ app: { metadata: { name: "web" } } }, { now: 0 });
 * expect(r._tag === "Right" && r.right.message).toBe("web is ready");
 * ```
 * @module
 */
export { compileLiquidTemplate, createLiquidEngine, liquid } from "./liquid.ts";
