/**
 * The `pagerduty` service: an incident created through the REST API (`POST https://api.pagerduty.com/incidents`) on
 * the service the recipient names, as go-pagerduty sends it: `Authorization: Token token=<token>`, `From: <from>`.
 *
 * De-duplication: PagerDuty refuses a second incident with the same `incident_key` on a service while the first is
 * open; the key is derived from the notification (the Go engine sends none), so a retry cannot open a second
 * incident, and that refusal counts as delivered. Differences, on purpose: `priority` is left out without a
 * `priorityId` (Go sends `{"type":"priority"}`, which PagerDuty refuses); a template without a `pagerduty:` block is
 * a clear failure (Go dereferences nil). `apiURL` (ours) replaces the public host.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { goMarshal } from "../go-json.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { HttpResponse, Provider, StepResult } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { pagerdutyBlock } from "./block.ts";
import { decodePagerdutySettings, type PagerDutySettings } from "./settings.ts";

function read(response: HttpResponse): StepResult {
  if (response.status >= 200 && response.status <= 299) {
    try {
      const incident = (JSON.parse(response.body) as { incident?: { id?: unknown } }).incident;
      return { _tag: "Done", ...(typeof incident?.id === "string" ? { messageRef: incident.id } : {}) };
    } catch {
      return {
        _tag: "Rejected",
        retryable: false,
        cause: `pagerduty POST /incidents answered status ${response.status} with a body that is not JSON`,
      };
    }
  }
  // the incident of this key is open already: an earlier attempt created it
  if (
    response.status === 400 && /matching dedup key|incident_key/i.test(response.body) &&
    /open incident|already exists/i.test(response.body)
  ) return { _tag: "Done" };
  return rejectStatus("pagerduty POST /incidents", response);
}

/** The `pagerduty` provider. */
export const pagerdutyProvider: Provider<PagerDutySettings> = {
  type: "pagerduty",
  block: pagerdutyBlock,
  decodeSettings: decodePagerdutySettings,
  secrets: (settings) => [settings.token],
  prepare(n, settings, options) {
    const block = blockOf(n.content, "pagerduty");
    if (block === undefined) return E.left(invalidDelivery("no config found for pagerduty"));
    const r = n.destination.recipient;
    if (r === "") return E.left(invalidDelivery("the recipient must be a PagerDuty service ID"));
    const f = (k: string): string => textOf(block, k);
    const key = options.idempotencyKey;
    const incident = {
      type: "incident",
      title: f("title"),
      service: { id: r, type: "service_reference" },
      ...(f("priorityId") !== "" ? { priority: { id: f("priorityId"), type: "priority" } } : {}),
      ...(f("urgency") !== "" ? { urgency: f("urgency") } : {}),
      ...(key !== undefined ? { incident_key: idempotencyToken(key, [n.destination.service, r]) } : {}),
      body: { type: "incident_details\t", ...(f("body") !== "" ? { details: f("body") } : {}) },
    };
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: `${settings.apiURL}/incidents`,
        headers: {
          Accept: "application/vnd.pagerduty+json;version=2",
          "Content-Type": "application/json",
          From: settings.from,
          Authorization: `Token token=${settings.token}`,
          "User-Agent": "go-pagerduty/1.8.0",
        },
        body: goMarshal({ incident }),
      },
      read,
    });
  },
};
