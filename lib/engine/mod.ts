/**
 * The decision core: {@linkcode evaluate}.
 * @module
 */
export type { Decision, EvaluateOptions } from "./evaluate.ts";
export { evaluate } from "./evaluate.ts";
export type { Notification } from "./notification.ts";
