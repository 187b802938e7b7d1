/**
 * One HTTP request of a delivery, sent with ky: the only place requests leave the process. ky sends (with the
 * injected `fetch`) and times out; retries are not ky's, because the delivery policy waits through the injected
 * clock and sleep, with a total deadline and per-service gates that ky's retry cannot share. Every failure becomes a
 * value, converted once in {@linkcode toDeliveryFailure}.
 * @module
 */
import ky, { isTimeoutError } from "ky";
import type { HttpRequest, HttpResponse } from "../../providers/provider.ts";
import { E, type Either } from "../fp.ts";

/** A request that got no usable response. */
export interface HttpFailure {
  readonly retryable: boolean;
  readonly cause: string;
}

/** Options of {@linkcode deliverHttp}. */
export interface DeliverHttpOptions {
  readonly fetch: typeof globalThis.fetch;
  /** For the response's headers and its body. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

class ResponseTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the response is larger than ${limit} bytes`);
  }
}

class BodyTimeout extends Error {}

/** Reads a body up to `limit` bytes; the reader is cancelled beyond it. */
async function readBounded(response: Response, limit: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(limit);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const onAbort = (): void => void reader.cancel(new BodyTimeout()).catch(() => undefined);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new BodyTimeout();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw new ResponseTooLarge(limit);
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

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
  if (isTimeoutError(e) || e instanceof BodyTimeout) return { retryable: true, cause: `no response within ${timeoutMs} ms` };
  if (e instanceof ResponseTooLarge) return { retryable: false, cause: e.message };
  const root = rootOf(e);
  if (/redirect/i.test(root.message)) return { retryable: false, cause: `too many redirects (${root.message})` };
  if (/invalid url|unsupported protocol|cannot have body|invalid header/i.test(root.message)) {
    return { retryable: false, cause: `the request cannot be sent: ${root.message}` };
  }
  const code = root.code === "" ? "" : ` (${root.code})`;
  return { retryable: true, cause: `the connection failed: ${root.message}${code}` };
}

/**
 * Sends one request and reads the response (status, headers, body up to the limit). Never rejects.
 * @param request the request as data
 * @param options the `fetch` to use, the timeout and the body limit
 * @returns the response, or why there is none
 */
export async function deliverHttp(request: HttpRequest, options: DeliverHttpOptions): Promise<Either<HttpFailure, HttpResponse>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await ky(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: new TextEncoder().encode(request.body) } : {}),
      timeout: options.timeoutMs,
      retry: 0,
      throwHttpErrors: false,
      fetch: options.fetch,
      signal: controller.signal,
    });
    const body = await readBounded(response, options.maxResponseBytes, controller.signal);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return E.right({ status: response.status, headers, body });
  } catch (e) {
    return E.left(toDeliveryFailure(controller.signal.aborted && !(e instanceof ResponseTooLarge) ? new BodyTimeout() : e, options.timeoutMs));
  } finally {
    clearTimeout(timer);
  }
}
