/**
 * Sends a request that `fetch` refuses to (a `GET` or `HEAD` with a body) through `node:http`/`node:https`, loaded
 * only when needed. Node and Deno have them; elsewhere the request fails with a clear cause. Private to
 * `lib/shell`.
 * @module
 */
import type { HttpRequest, HttpResponse } from "../../providers/provider.ts";
import { E, type Either } from "../fp.ts";
import { BodyTimeout, type HttpFailure, ResponseTooLarge, toDeliveryFailure } from "./delivery-failure.ts";

interface Limits {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/**
 * Sends one request with Node's HTTP client: no redirects followed, the body read up to the limit.
 * @param request the request
 * @param limits the timeout and the body limit
 * @returns the response, or why there is none
 */
export async function sendWithNodeHttp(
  request: HttpRequest,
  limits: Limits,
): Promise<Either<HttpFailure, HttpResponse>> {
  let mod: { readonly request: typeof import("node:http").request };
  try {
    mod = request.url.startsWith("https:") ? await import("node:https") : await import("node:http");
  } catch {
    return E.left({ retryable: false, cause: `this runtime cannot send a ${request.method} request with a body` });
  }
  return new Promise((resolve) => {
    const done = (r: Either<HttpFailure, HttpResponse>): void => {
      clearTimeout(timer);
      resolve(r);
    };
    const fail = (e: unknown): void => done(E.left(toDeliveryFailure(e, limits.timeoutMs)));
    let req: ReturnType<typeof mod.request>;
    try {
      const body = new TextEncoder().encode(request.body ?? "");
      const headers = { ...request.headers, "Content-Length": String(body.byteLength) };
      req = mod.request(request.url, { method: request.method, headers }, (res) => {
        const chunks: Uint8Array[] = [];
        let size = 0;
        res.on("data", (c: Uint8Array) => {
          size += c.byteLength;
          if (size > limits.maxResponseBytes) res.destroy(new ResponseTooLarge(limits.maxResponseBytes));
          else chunks.push(c);
        });
        res.on("error", fail);
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) {
              headers[k] = Array.isArray(v) ? v.join(", ") : v;
            }
          }
          const bytes = new Uint8Array(size);
          let offset = 0;
          for (const c of chunks) {
            bytes.set(c, offset);
            offset += c.byteLength;
          }
          done(E.right({ status: res.statusCode ?? 0, headers, body: new TextDecoder().decode(bytes) }));
        });
      });
    } catch (e) {
      fail(e);
      return;
    }
    const timer = setTimeout(() => req.destroy(new BodyTimeout()), limits.timeoutMs);
    req.on("error", fail);
    req.end(request.body ?? "");
  });
}
