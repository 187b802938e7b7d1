/**
 * The notified state: which notifications went out, kept in the `notified.<prefix>` annotation exactly as the Go
 * engine keeps it, so both can run against the same resources.
 * @module
 */
export type { NotifiedState } from "./notified-state.ts";
export type { StateKeyParts } from "./key.ts";
export { stateKey, withOncePer } from "./key.ts";
export type { DecodedNotifiedState, NotifiedAnnotationOptions } from "./annotation.ts";
export {
  decodeNotifiedState,
  encodeNotifiedState,
  notifiedAnnotationKey,
  notifiedHistoryMaxSize,
  readNotifiedState,
  truncateNotifiedState,
  writeNotifiedState,
} from "./annotation.ts";
export type { StateDraft } from "./draft-state.ts";
export { draftState } from "./draft-state.ts";
export type { ClearOptions, StateTransition } from "./transition.ts";
export { clearNotified, markNotified } from "./transition.ts";
