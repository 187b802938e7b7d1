/**
 * The decision core: {@linkcode evaluate}, its {@linkcode Explanation}, and {@linkcode renderNotifications} for
 * notifications without a condition.
 * @module
 */
export type { Decision, EvaluateOptions, ExplainedDecision } from "./evaluate.ts";
export { evaluate } from "./evaluate.ts";
export type {
  ConditionResult,
  ExplainedCondition,
  Explanation,
  ExplanationEntry,
  Outcome,
  OutcomeTag,
  SubscriptionSources,
  TriggerSources,
} from "./explanation.ts";
export type { Notification } from "./notification.ts";
export type { RenderedNotifications, RenderNotificationsOptions } from "./render-notifications.ts";
export { renderNotifications } from "./render-notifications.ts";
