/**
 * The request a notification's service would receive, as data: what the service's provider `prepare`s, the same
 * code path `deliver` sends. Used by `template notify` and by rule tests' `request` matchers.
 * @module
 */
import type { ServiceConfig } from "../../config/mod.ts";
import type { Notification } from "../../engine/mod.ts";
import type { Either } from "../../fp.ts";
import { E } from "../../fp.ts";
import type { Delivery, HttpDelivery, Outgoing, SmtpDelivery } from "../../../providers/provider.ts";
import { providerOf } from "../../../providers/mod.ts";

/** An HTTP request as plain data. */
export interface HttpView {
  readonly kind: "http";
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** A prepared delivery as plain data (credentials of SMTP and NATS left out). */
export type RequestView =
  | HttpView
  | { readonly kind: "any-of"; readonly requests: readonly HttpView[] }
  | { readonly kind: "print"; readonly text: string }
  | {
    readonly kind: "smtp";
    readonly server: Pick<SmtpDelivery["server"], "host" | "port" | "secure">;
    readonly message: Pick<SmtpDelivery["message"], "from" | "to" | "subject" | "body" | "html">;
  }
  | {
    readonly kind: "credentials";
    /** Where the shell looks for them. */
    readonly from: string;
    /** What follows with the credentials found (the region shown as `$AWS_REGION` when the settings have none). */
    readonly next?: RequestView;
  }
  | {
    readonly kind: "nats";
    readonly servers: readonly string[];
    readonly subject: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly data: string;
  };

function httpView(d: HttpDelivery): HttpView {
  const { method, url, headers, body } = d.request;
  return { kind: "http", method, url, headers, ...(body !== undefined ? { body } : {}) };
}

function viewOf(d: Delivery): RequestView {
  switch (d.kind) {
    case "http":
      return httpView(d);
    case "any-of":
      return { kind: "any-of", requests: d.deliveries.map(httpView) };
    case "print":
      return { kind: "print", text: d.text };
    case "smtp": {
      const { from, to, subject, body, html } = d.message;
      return {
        kind: "smtp",
        server: { host: d.server.host, port: d.server.port, secure: d.server.secure },
        message: { from, to, subject, body, html },
      };
    }
    case "nats":
      return { kind: "nats", servers: d.servers, subject: d.subject, headers: d.headers, data: d.data };
    case "aws-credentials": {
      const next = d.then({ region: d.region || "$AWS_REGION", accessKeyId: "", secretAccessKey: "" });
      return {
        kind: "credentials",
        from: d.keys !== undefined ? "the AWS region of the environment" : "the AWS default credential chain",
        ...(next._tag === "Next" ? { next: viewOf(next.next) } : {}),
      };
    }
    case "gcp-credentials": {
      if (d.keyFile !== "") return { kind: "credentials", from: `the key file ${d.keyFile}` };
      const next = d.then(undefined);
      return {
        kind: "credentials",
        from: "the key file of GOOGLE_APPLICATION_CREDENTIALS, else the metadata server",
        ...(next._tag === "Next" ? { next: viewOf(next.next) } : {}),
      };
    }
  }
}

/**
 * Prepares the first request of a notification's delivery, as the service's provider builds it.
 * @param n the notification
 * @param service the configured service it goes to
 * @param now unix ms (some providers put the time in the request)
 * @returns the request, or why the service cannot prepare one
 */
export function prepareRequest(
  n: Outgoing & Partial<Pick<Notification, "stateKey">>,
  service: ServiceConfig,
  now: number,
): Either<string, RequestView> {
  const provider = providerOf(service.serviceType);
  if (provider === undefined) return E.left(`the service type "${service.type}" has no provider`);
  const prepared = provider.prepare(n, service.decoded, {
    now,
    ...(n.stateKey !== undefined ? { idempotencyKey: n.stateKey } : {}),
  });
  if (prepared._tag === "Left") return E.left(prepared.left.message);
  return E.right(viewOf(prepared.right));
}

/**
 * The secret values of a service's settings (tokens, passwords, webhook URLs), to redact.
 * @param service the configured service
 * @returns the values; none when the service type has no provider
 */
export function serviceSecrets(service: ServiceConfig): readonly string[] {
  return providerOf(service.serviceType)?.secrets(service.decoded) ?? [];
}
