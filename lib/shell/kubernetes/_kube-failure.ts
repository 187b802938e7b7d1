/**
 * What a failed request to the API server becomes: a {@linkcode KubeFailure}, made from whatever the client library or
 * our JSON sender threw. Its own file so that the client (`_client.ts`) and the informers (`_informer.ts`), which the
 * client creates, both use it without importing each other.
 * @module
 */
import { ApiException } from "@kubernetes/client-node";
import { StatusError } from "./_raw-sender.ts";

/** A failed request, without response bodies or headers. */
export interface KubeFailure {
  readonly _tag: "KubeFailure";
  /** The HTTP status; absent when no answer came (connection refused, reset, timed out). */
  readonly status?: number;
  /** The `reason` of the API server's Status (`Conflict`, `NotFound`, `Forbidden`…). */
  readonly reason?: string;
  /** `<METHOD> <path>: <status> <reason>: <the Status's message>`, at most 500 characters. */
  readonly message: string;
  /** Whether the same request may pass later: no answer, 408, 409, 429, 5xx. */
  readonly retryable: boolean;
}

const retryableStatus = (status: number | undefined): boolean =>
  status === undefined || status === 0 || status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * Converts what a client-node call threw into a {@linkcode KubeFailure}: the status, and the API server's Status
 * reason and message; never its headers or any other part of the body.
 * @param e the thrown value
 * @param what `<METHOD> <path>`
 * @returns the failure
 */
export function fromApiException(e: unknown, what: string): KubeFailure {
  let status: number | undefined;
  let reason: string | undefined;
  let detail: string;
  if (e instanceof ApiException) {
    status = e.code;
    const body = typeof e.body === "string" ? safeJson(e.body) : e.body;
    if (typeof body === "object" && body !== null) {
      const b = body as { reason?: unknown; message?: unknown };
      if (typeof b.reason === "string") reason = b.reason;
      detail = typeof b.message === "string" ? b.message : "";
    } else detail = "";
  } else if (e instanceof StatusError) {
    status = e.statusCode;
    const b = (typeof e.body === "object" && e.body !== null ? e.body : {}) as { reason?: unknown; message?: unknown };
    if (typeof b.reason === "string") reason = b.reason;
    detail = typeof b.message === "string" ? b.message : "";
  } else if (typeof e === "object" && e !== null && typeof (e as { statusCode?: unknown }).statusCode === "number") {
    status = (e as { statusCode: number }).statusCode;
    detail = (e as Error).message ?? "";
  } else {
    detail = e instanceof Error ? `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` : String(e);
  }
  const head = status === undefined
    ? `${what}: no answer`
    : `${what}: ${status}${reason !== undefined ? ` ${reason}` : ""}`;
  const message = (detail === "" ? head : `${head}: ${detail}`).slice(0, 500);
  return {
    _tag: "KubeFailure",
    ...(status !== undefined ? { status } : {}),
    ...(reason !== undefined ? { reason } : {}),
    message,
    retryable: retryableStatus(status),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
