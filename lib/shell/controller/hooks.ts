/**
 * The host's hooks into a pass, as the Go engine's controller offers them: skip a resource, alter its destinations,
 * and hear what each pass did.
 * @module
 */
import type { Config, Destinations, Diagnostic, Notification } from "../../../mod.ts";
import type { ResourceObject } from "./source.ts";

/** What one pass over a resource did. */
export interface PassEvent {
  /** The queue key, `<kind>/<namespace>/<name>`. */
  readonly key: string;
  readonly resource: ResourceObject;
  /** Why the pass was skipped (the `skipProcessing` hook's reason); then nothing else is set. */
  readonly skipped?: string;
  /** Notifications delivered in this pass. */
  readonly delivered: readonly Notification[];
  /** Notifications whose delivery failed (not recorded; the resource comes back after a backoff). */
  readonly failed: readonly { readonly notification: Notification; readonly cause: string }[];
  /** Whether the new state was written (or there was nothing to write). */
  readonly persisted: boolean;
  /** Everything `evaluate` and the subscriptions reported (errors and warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

/** The hooks; every one optional. A hook that throws is logged and counts as absent for that pass. */
export interface ControllerHooks {
  /** A reason to leave the resource alone in this pass (`undefined` to process it). */
  readonly skipProcessing?: (resource: ResourceObject) => string | undefined;
  /** Changes a resource's destinations per trigger before the decision (duplicates are then removed). */
  readonly alterDestinations?: (resource: ResourceObject, destinations: Destinations, config: Config) => Destinations;
  /** Told after every pass. */
  readonly onPass?: (event: PassEvent) => void;
}
