/**
 * One HTTP request of a delivery, sent with ky: the only place requests leave the process. ky builds the request
 * and calls the injected `fetch`; one timer of ours covers the response and its body (ky's timeout stops at the
 * headers); retries are not ky's, because the delivery policy waits through the injected clock and sleep, with a
 * total deadline and per-service gates that ky's retry cannot share. The body goes straight to `fetch`: ky clones
 * each request for its own retries (a tee of the body stream), which costs about as much as sending it. Every
 * failure becomes a value, converted once in `toDeliveryFailure`. A `GET` or `HEAD` with a body (the Go engine's
 * webhook sends the message that way when no template entry names the service) cannot go through `fetch`; it goes
 * through `node:http`, which Node and Deno have and edge runtimes do not.
 * @module
 */
import ky from "ky";
import type { HttpRequest, HttpResponse } from "../../providers/provider.ts";
import { E, type Either } from "../fp.ts";
import { BodyTimeout, type HttpFailure, ResponseTooLarge, toDeliveryFailure } from "./delivery-failure.ts";
import { sendWithNodeHttp } from "./_node-http.ts";

const encoder = new TextEncoder();

/** Options of {@linkcode deliverHttp}. */
export interface DeliverHttpOptions {
  readonly fetch: typeof globalThis.fetch;
  /** For the response's headers and its body. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/** Reads a body up to `limit` bytes; the reader is cancelled beyond it. */
async function readBounded(response: Response, limit: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(limit);
  }
  if (declared <= limit) return response.text();
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

/**
 * Sends one request and reads the response (status, headers, body up to the limit). Never rejects.
 * @param request the request as data
 * @param options the `fetch` to use, the timeout and the body limit
 * @returns the response, or why there is none
 */
export async function deliverHttp(
  request: HttpRequest,
  options: DeliverHttpOptions,
): Promise<Either<HttpFailure, HttpResponse>> {
  if ((request.method === "GET" || request.method === "HEAD") && request.body !== undefined && request.body !== "") {
    return sendWithNodeHttp(request, options);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const body = request.body !== undefined ? encoder.encode(request.body) : undefined;
  try {
    const response = await ky(request.url, {
      method: request.method,
      headers: request.headers,
      timeout: false,
      retry: 0,
      throwHttpErrors: false,
      fetch: (input, init) => {
        const r = input instanceof Request ? input : new Request(input, init);
        return options.fetch(r.url, {
          method: r.method,
          headers: request.headers,
          signal: controller.signal,
          ...(body !== undefined ? { body } : {}),
        });
      },
    });
    const text = await readBounded(response, options.maxResponseBytes, controller.signal);
    const headers: Record<string, string> = {};
    for (const [name, value] of response.headers) headers[name] = value;
    return E.right({ status: response.status, headers, body: text });
  } catch (e) {
    return E.left(
      toDeliveryFailure(
        controller.signal.aborted && !(e instanceof ResponseTooLarge) ? new BodyTimeout() : e,
        options.timeoutMs,
      ),
    );
  } finally {
    clearTimeout(timer);
  }
}
