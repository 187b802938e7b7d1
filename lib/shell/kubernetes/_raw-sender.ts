/**
 * JSON requests to the API server over node:https with a kubeconfig's credentials. Written here rather than through
 * client-node's generated clients because those deserialize every answer into their typed models, which drops fields
 * they do not know (a list's `metadata.continue`, so paged lists stop after the first page), and open a new TLS
 * connection for every request; this keeps one keep-alive agent per set of TLS credentials and returns the JSON as
 * sent. Credentials are applied by client-node on every request, so rotating tokens keep working.
 * @module
 */
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions as HttpsRequestOptions } from "node:https";
import { request as httpRequest } from "node:http";
import type { KubeConfig } from "@kubernetes/client-node";

/** Query, body and content type of a request. */
export interface SendOptions {
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly contentType?: string;
}

/** An API server's refusal: its status and Status object (never its headers). */
export class StatusError extends Error {
  constructor(readonly statusCode: number, readonly body: unknown) {
    super(`HTTP ${statusCode}`);
  }
}

/** Sends JSON requests with a kubeconfig's credentials; one keep-alive agent per set of TLS credentials. */
export class RawSender {
  #agent: { readonly key: string; readonly agent: HttpsAgent } | undefined;
  constructor(private readonly kc: KubeConfig, private readonly server: string) {}

  async send(method: string, path: string, options: SendOptions): Promise<unknown> {
    const url = new URL(this.server.replace(/\/$/, "") + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const tls: HttpsRequestOptions = {};
    await this.kc.applyToHTTPSOptions(tls);
    const headers: Record<string, string> = { accept: "application/json" };
    for (const [k, v] of Object.entries(tls.headers ?? {})) if (typeof v === "string") headers[k] = v;
    if (tls.auth !== undefined && tls.auth !== null) {
      headers["authorization"] = `Basic ${Buffer.from(tls.auth).toString("base64")}`;
    }
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    const secure = url.protocol === "https:";
    const request = secure ? httpsRequest : httpRequest;
    return await new Promise<unknown>((resolve, reject) => {
      const req = request(url, {
        method,
        headers,
        ...(secure ? { agent: this.agentFor(tls) } : {}),
        timeout: 60_000,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          if (status >= 200 && status < 300) resolve(json);
          else reject(new StatusError(status, json));
        });
      });
      req.on("timeout", () => req.destroy(new Error("the request timed out")));
      req.on("error", reject);
      req.end(body);
    });
  }

  close(): void {
    this.#agent?.agent.destroy();
    this.#agent = undefined;
  }

  private agentFor(tls: HttpsRequestOptions): HttpsAgent {
    const material = {
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      pfx: tls.pfx,
      passphrase: tls.passphrase,
      rejectUnauthorized: tls.rejectUnauthorized,
      servername: tls.servername,
    };
    const key = JSON.stringify(material, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : v));
    if (this.#agent?.key !== key) {
      this.#agent?.agent.destroy();
      const defined = Object.fromEntries(Object.entries(material).filter(([, v]) => v !== undefined));
      this.#agent = { key, agent: new HttpsAgent({ ...defined, keepAlive: true, maxSockets: 32 }) };
    }
    return this.#agent.agent;
  }
}
