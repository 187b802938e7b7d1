/**
 * How providers describe a refused request: which statuses may succeed when sent again, and a short excerpt of what
 * the service answered (bodies can be long, binary or echo the request; the shell redacts secrets from the cause).
 * @module
 */
import type { HttpResponse, StepResult } from "./provider.ts";

/**
 * Whether a status may succeed when the request is sent again: 408, 429, and 5xx except 501 (the rule of the Go
 * engine's retrying client, plus 408).
 * @param status the HTTP status
 * @returns whether to retry
 * @example
 * ```ts
 * import { isRetryableStatus } from "./rejection.ts";
 * import { expect } from "expect";
 * expect([408, 429, 500, 501, 503, 400].map(isRetryableStatus)).toEqual([true, true, true, false, true, false]);
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * The start of a response body for a message: one line, at most 200 characters.
 * @param body the body
 * @returns the excerpt, `(empty)` for an empty body
 */
export function excerpt(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  if (line === "") return "(empty)";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * A refusal for an unexpected status: `<what> failed with status 400: <excerpt>`.
 * @param what the request, as a message names it (`POST https://example.com/hook`)
 * @param response the response
 * @returns the `Rejected` result, retryable by {@linkcode isRetryableStatus}
 */
export function rejectStatus(what: string, response: HttpResponse): StepResult {
  return {
    _tag: "Rejected",
    retryable: isRetryableStatus(response.status),
    cause: `${what} failed with status ${response.status}: ${excerpt(response.body)}`,
  };
}

/**
 * A refusal of the service that says why in its answer (`ok: false` in a 200).
 * @param cause the sentence
 * @param retryable whether sending again may succeed
 * @returns the `Rejected` result
 */
export function reject(cause: string, retryable = false): StepResult {
  return { _tag: "Rejected", retryable, cause };
}

/**
 * A URL as messages show it: scheme, host and path, without credentials, query or fragment (where tokens live).
 * @param url the URL
 * @returns the shown form; `(invalid URL)` when it does not parse
 */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}

/** A JSON object a service answered with. */
export type Answer = Readonly<Record<string, unknown>>;

/**
 * Reads an answer that must be a JSON object; anything else is a refusal naming the request and the status
 * (retryable when the status is).
 * @param what the request, as a message names it (`telegram sendMessage`)
 * @param response the response
 * @returns `{ answer }`, or the `Rejected` result
 */
export function jsonAnswer(what: string, response: HttpResponse): { readonly answer: Answer } | StepResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return { answer: parsed as Answer };
  return reject(
    `${what} answered status ${response.status} with something that is not a JSON object: ${excerpt(response.body)}`,
    isRetryableStatus(response.status),
  );
}
