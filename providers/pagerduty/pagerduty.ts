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
import type { DecodedSettings, SettingsDiagnostic } from "../../lib/config/mod.ts";
import { E } from "../../lib/fp.ts";
import { baseUrl } from "../api-url.ts";
import { blockOf, invalidDelivery, textOf } from "../content.ts";
import { defaultPolicy } from "../delivery-policy.ts";
import { goString } from "../go-codecs.ts";
import { goMarshal } from "../go-json.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { DeliveryPolicy, HttpResponse, Provider, StepResult } from "../provider.ts";
import { rejectStatus } from "../rejection.ts";
import { settingProblem, settingsDecoder } from "../settings-decoder.ts";
import { pagerdutyBlock } from "./block.ts";

/** Decoded settings, as the Go engine's `PagerDutyOptions` (`serviceId` is read and unused, as in Go). */
export interface PagerDutySettings {
  readonly token: string;
  readonly from: string;
  readonly apiURL: string;
  readonly delivery: DeliveryPolicy;
}

/** Decodes the `pagerduty` service settings. */
export const decodePagerdutySettings: (raw: Readonly<Record<string, unknown>>) => DecodedSettings<PagerDutySettings> =
  settingsDecoder({
    type: "pagerduty",
    props: { token: goString, from: goString, serviceId: goString, apiURL: goString },
    policy: defaultPolicy,
    build(raw, policy) {
      const problems: SettingsDiagnostic[] = [];
      if ((raw.token ?? "") === "") problems.push(settingProblem(["token"], "the pagerduty service needs a token"));
      const apiURL = baseUrl(raw.apiURL, "https://api.pagerduty.com", "apiURL", problems);
      return { problems, value: { token: raw.token ?? "", from: raw.from ?? "", apiURL, delivery: policy } };
    },
  });

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
