/**
 * The notified state of one resource: which trigger condition was already sent to which destination, and when.
 * @module
 */

/**
 * State key (see {@linkcode stateKey}) → unix time in whole seconds when it was recorded; the content of the
 * `notified.<prefix>` annotation. Values are integers.
 */
export type NotifiedState = Readonly<Record<string, number>>;
