/**
 * The request a notification's service would receive, as data: what the service's provider `prepare`s, the same
 * code path `deliver` sends. Used by `template notify` and by rule tests' `request` matchers.
 * @module
 */
import type { ServiceConfig } from "../../config/mod.ts";
import type { Notification } from "../../engine/mod.ts";
import type { Either } from "../../fp.ts";
import { E } from "../../fp.ts";
import type { Outgoing } from "../../../providers/provider.ts";
import { isProvider } from "../../../providers/provider.ts";

/** A prepared request as plain data. */
export type RequestView =
  | { readonly kind: "http"; readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body?: string }
  | { readonly kind: "print"; readonly text: string };

/**
 * Prepares the first request of a notification's delivery, as the service's provider builds it.
 * @param n the notification
 * @param service the configured service it goes to
 * @param now unix ms (some providers put the time in the request)
 * @returns the request, or why the service cannot prepare one
 */
export function prepareRequest(n: Outgoing & Partial<Pick<Notification, "stateKey">>, service: ServiceConfig, now: number): Either<string, RequestView> {
  if (!isProvider(service.serviceType)) return E.left(`the service type "${service.type}" has no provider`);
  const prepared = service.serviceType.prepare(n, service.decoded, {
    now,
    ...(n.stateKey !== undefined ? { idempotencyKey: n.stateKey } : {}),
  });
  if (prepared._tag === "Left") return E.left(prepared.left.message);
  const d = prepared.right;
  if (d.kind === "print") return E.right({ kind: "print", text: d.text });
  const { method, url, headers, body } = d.request;
  return E.right({ kind: "http", method, url, headers, ...(body !== undefined ? { body } : {}) });
}

/**
 * The secret values of a service's settings (tokens, passwords, webhook URLs), to redact.
 * @param service the configured service
 * @returns the values; none when the service type has no provider
 */
export function serviceSecrets(service: ServiceConfig): readonly string[] {
  return isProvider(service.serviceType) ? service.serviceType.secrets(service.decoded) : [];
}
