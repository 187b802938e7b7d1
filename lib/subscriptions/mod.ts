/**
 * Subscriptions: who gets notified for which trigger, from the ConfigMap's default subscriptions, label selectors
 * and the resource's annotations.
 * @module
 */
export type { Destination, Destinations } from "./destination.ts";
export type { LabelSelector, Requirement } from "./selector.ts";
export { formatRequirement, formatSelector, matchesSelector, parseSelector } from "./selector.ts";
export type { AnnotationOptions, AnnotationSubscription, AnnotationSubscriptions } from "./annotations.ts";
export { defaultAnnotationPrefix, parseRecipients, parseSubscriptionAnnotations } from "./annotations.ts";
export type { DefaultSubscription, SubscriptionDefaults, TriggerDestination } from "./defaults.ts";
export { defaultTriggersFor, resolveDefaultSubscriptions } from "./defaults.ts";
export type { ResolvedDestinations } from "./resolve.ts";
export { groupByTrigger, resolveDestinations } from "./resolve.ts";
export { annotationSizeHint, exceedsAnnotationBytes, textExceedsBytes } from "./annotation-size.ts";
export type { SubscriptionTrace, TriggerSubscriptionTrace } from "./trace-subscriptions.ts";
export { traceSubscriptions } from "./trace-subscriptions.ts";
