/**
 * The plan a decision uses.
 * @module
 */
import { type Config, type Plan, planConfig } from "../config/mod.ts";

/** The configuration's plan, or a new one when the configuration is a copy with other planned parts. */
export function planFor(config: Config): Plan {
  const plan = config.plan;
  const s = plan.source;
  if (
    s.triggers === config.triggers && s.subscriptions === config.subscriptions && s.limits === config.limits &&
    s.defaultTriggers === config.defaultTriggers && s.serviceDefaultTriggers === config.serviceDefaultTriggers &&
    s.helpers === config.helpers
  ) return plan;
  return planConfig({ ...config, brokenTriggers: s.brokenTriggers });
}
