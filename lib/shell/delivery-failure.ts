/**
 * How a request that got no usable response failed, converted once from whatever sending threw.
 * @module
 */
/** A request that got no usable response. */
export interface HttpFailure {
  readonly retryable: boolean;
  readonly cause: string;
}

/** A response body over the policy's limit. */
export class ResponseTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the response is larger than ${limit} bytes`);
  }
}

/** No complete response within the timeout. */
export class BodyTimeout extends Error {}

/** The innermost `cause` of an error and its code (`ECONNRESET`, `UND_ERR_SOCKET`). */
function rootOf(e: unknown): { readonly message: string; readonly code: string } {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur instanceof Error && cur.cause !== undefined; i++) cur = cur.cause;
  const code = typeof cur === "object" && cur !== null && "code" in cur ? String((cur as { code: unknown }).code) : "";
  return { message: cur instanceof Error ? cur.message : String(cur), code };
}

/**
 * Converts what sending threw into a failure: timeouts and connection errors may pass on a retry; a redirect loop,
 * an oversized body, an unusable URL or request may not. Only the error's kind and code reach the message — no
 * headers or bodies.
 * @param e what was thrown
 * @param timeoutMs the timeout, for the message
 * @returns the failure
 */
export function toDeliveryFailure(e: unknown, timeoutMs: number): HttpFailure {
  if (e instanceof BodyTimeout) return { retryable: true, cause: `no response within ${timeoutMs} ms` };
  if (e instanceof ResponseTooLarge) return { retryable: false, cause: e.message };
  const root = rootOf(e);
  if (/redirect/i.test(root.message)) return { retryable: false, cause: `too many redirects (${root.message})` };
  if (/invalid url|unsupported protocol|cannot have body|invalid header/i.test(root.message)) {
    return { retryable: false, cause: `the request cannot be sent: ${root.message}` };
  }
  const code = root.code === "" ? "" : ` (${root.code})`;
  return { retryable: true, cause: `the connection failed: ${root.message}${code}` };
}
