/**
 * What the decision produces for each destination that must be notified now.
 * @module
 */
import type { Destination } from "../subscriptions/mod.ts";
import type { RenderedContent } from "../templates/mod.ts";

/** One notification to deliver: who, why, and the rendered content. */
export interface Notification {
  readonly trigger: string;
  /** The condition's key, `[i].<sha1 of when>`. */
  readonly conditionKey: string;
  /** The key recorded in the notified state; a shell un-marks it with `clearNotified` when delivery fails. */
  readonly stateKey: string;
  /** The condition's `oncePer` value as Go's `%v` prints it, when the condition has one. */
  readonly oncePer?: string;
  readonly destination: Destination;
  /** The configured type of the destination's service (`slack` for `service.slack` and `service.slack.ops`). */
  readonly serviceType: string;
  /** The templates the condition sends, in order. */
  readonly templates: readonly string[];
  /** The templates rendered for this destination and merged. */
  readonly content: RenderedContent;
}
