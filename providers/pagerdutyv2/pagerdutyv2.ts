/**
 * The `pagerdutyv2` service: a `trigger` event to the Events API v2 (`POST https://events.pagerduty.com/v2/enqueue`),
 * the routing key chosen by the recipient from `serviceKeys`, as go-pagerduty sends it. Only 202 is success.
 *
 * De-duplication: PagerDuty folds events with the same `dedup_key` into one open alert. The template's `dedupKey`
 * is sent as written; without one (where the Go engine sends none and PagerDuty draws one per event), the key is
 * derived from the notification, so a retry after a lost answer or a crash cannot open a second incident. `apiURL`
 * (ours) replaces the public host.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { goMarshal } from "../go-json.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { HttpResponse, Provider, StepResult } from "../provider.ts";
import { excerpt, isRetryableStatus } from "../rejection.ts";
import { pagerdutyv2Block } from "./block.ts";
import { decodePagerdutyv2Settings, type PagerDutyV2Settings } from "./settings.ts";

/** Reads PagerDuty's answer: 202, or its error (`status`, `message`, `errors`). */
function read(response: HttpResponse): StepResult {
  let answer: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (typeof parsed === "object" && parsed !== null) answer = parsed as Record<string, unknown>;
  } catch {
    // described below
  }
  if (response.status === 202) {
    return { _tag: "Done", ...(typeof answer["dedup_key"] === "string" ? { messageRef: answer["dedup_key"] } : {}) };
  }
  const errors = Array.isArray(answer["errors"]) ? `: ${answer["errors"].join(", ")}` : "";
  const detail = "status" in answer || "message" in answer
    ? `status: ${String(answer["status"] ?? "")}, message: ${String(answer["message"] ?? "")}${errors}`
    : `body: ${excerpt(response.body)}`;
  return {
    _tag: "Rejected",
    retryable: isRetryableStatus(response.status),
    cause: `pagerduty events API answered status ${response.status}, ${detail}`,
  };
}

/** The `pagerdutyv2` provider. */
export const pagerdutyv2Provider: Provider<PagerDutyV2Settings> = {
  type: "pagerdutyv2",
  block: pagerdutyv2Block,
  decodeSettings: decodePagerdutyv2Settings,
  secrets: (settings) => Object.values(settings.serviceKeys),
  prepare(n, settings, options) {
    const r = n.destination.recipient;
    if (!Object.hasOwn(settings.serviceKeys, r)) {
      return E.left(invalidDelivery(`no API key configured for recipient ${r}`));
    }
    const block = blockOf(n.content, "pagerdutyv2");
    if (block === undefined) return E.left(invalidDelivery("no config found for pagerdutyv2"));
    const f = (k: string): string => textOf(block, k);
    const key = options.idempotencyKey;
    const dedup = f("dedupKey") || (key !== undefined ? idempotencyToken(key, [n.destination.service, r]) : "");
    const event = {
      routing_key: settings.serviceKeys[r],
      event_action: "trigger",
      ...(dedup !== "" ? { dedup_key: dedup } : {}),
      client: "ArgoCD",
      ...(f("url") !== "" ? { client_url: f("url") } : {}),
      payload: {
        summary: f("summary"),
        source: f("source"),
        severity: f("severity"),
        ...(f("component") !== "" ? { component: f("component") } : {}),
        ...(f("group") !== "" ? { group: f("group") } : {}),
        ...(f("class") !== "" ? { class: f("class") } : {}),
      },
    };
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.apiURL}/v2/enqueue`,
        headers: { "User-Agent": "go-pagerduty/1.8.0", "Content-Type": "application/json" },
        body: goMarshal(event),
      },
      read,
    });
  },
};
