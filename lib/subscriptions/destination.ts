/**
 * Where a notification goes.
 * @module
 */

/** A service name (as configured: `slack`, or `<name>` of `service.webhook.<name>`) and a recipient in it. */
export interface Destination {
  readonly service: string;
  readonly recipient: string;
}

/** Destinations per trigger name, de-duplicated. */
export type Destinations = ReadonlyMap<string, readonly Destination[]>;
