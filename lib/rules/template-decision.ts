/**
 * What `template notify` renders: one template for given destinations, decided through `evaluate` as a trigger
 * that always sends it would be, so the content is exactly what the engine would send.
 * @module
 */
import type { Config } from "../config/mod.ts";
import type { Decision } from "../engine/mod.ts";
import { evaluate } from "../engine/mod.ts";
import type { Destination } from "../subscriptions/mod.ts";
import { alwaysTrue } from "./_always.ts";

const trigger = "template-notify";

/**
 * Renders a template for destinations.
 * @param resource the resource
 * @param config the configuration
 * @param options the template, the destinations, the time and the resource's variable name
 * @returns the decision: one notification per destination that rendered, diagnostics for the others
 * @example A console preview
 * ```ts
 * import { decodeConfig } from "notifications-engine";
 * import { templateDecision } from "./template-decision.ts";
 * import { expect } from "expect";
 * const { config } = decodeConfig({ data: { "template.hi": "message: hi {{.obj.name}}", "service.console": "" } });
 * const d = templateDecision({ name: "web" }, config, { template: "hi", to: [{ service: "console", recipient: "" }], now: 0 });
 * expect(d.notifications.map((n) => n.content.message)).toEqual(["hi web"]);
 * ```
 */
export function templateDecision(
  resource: unknown,
  config: Config,
  options: { readonly template: string; readonly to: readonly Destination[]; readonly now: number; readonly resourceName?: string },
): Decision {
  const cfg: Config = {
    ...config,
    triggers: new Map([[trigger, { name: trigger, conditions: [{ key: "[0].", when: "true", send: [options.template], compiledWhen: alwaysTrue }] }]]),
  };
  return evaluate(resource, cfg, {
    now: options.now,
    ...(options.resourceName !== undefined ? { resourceName: options.resourceName } : {}),
    state: {},
    subscriptions: new Map([[trigger, options.to]]),
  });
}
