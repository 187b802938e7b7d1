/**
 * The `opsgenie` service: an alert created through the Alert API (`POST https://<apiUrl>/v2/alerts`) with the
 * integration key the recipient picks from `apiKeys` and the recipient as the responding team, as the Opsgenie Go SDK
 * sends it: `Authorization: GenieKey <key>`, the body written by `json.Encoder` (newline-terminated), `source: Argo CD`.
 * `apiUrl` is a bare host (`api.opsgenie.com`, `api.eu.opsgenie.com`), reached over `http` when it does not contain
 * `api`, as the SDK does; a full `https://…` URL (ours) is used as the base.
 *
 * De-duplication: Opsgenie folds alerts with the same `alias` into one open alert. The template's `alias` is sent as
 * written; without one (where the Go engine sends none), the alias is derived from the notification, so a retry
 * cannot open a second alert.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { type Block, blockOf, invalidDelivery, textOf } from "../content.ts";
import { goMarshal, sortKeys } from "../go-json.ts";
import { idempotencyToken } from "../idempotency.ts";
import type { HttpResponse, Provider, StepResult } from "../provider.ts";
import { excerpt, isRetryableStatus } from "../rejection.ts";
import { opsgenieBlock } from "./block.ts";
import { decodeOpsgenieSettings, type OpsgenieSettings } from "./settings.ts";

const listOf = (block: Block, key: string): readonly string[] =>
  Array.isArray(block[key]) ? (block[key] as unknown[]).map(String) : [];

/** The alert's optional fields from the block, in the SDK's field order. */
function alertFields(block: Block | undefined): Record<string, unknown> {
  if (block === undefined) return {};
  const f = (k: string): string => textOf(block, k);
  const visibleTo = Array.isArray(block["visibleTo"])
    ? (block["visibleTo"] as Readonly<Record<string, unknown>>[])
    : [];
  const details = typeof block["details"] === "object" && block["details"] !== null
    ? block["details"] as Readonly<Record<string, string>>
    : {};
  return {
    description: f("description"),
    visibleTo: visibleTo.map((v) => ({
      type: String(v["type"] ?? ""),
      ...(v["name"] ? { name: String(v["name"]) } : {}),
      ...(v["id"] ? { id: String(v["id"]) } : {}),
      username: String(v["username"] ?? ""),
    })),
    actions: listOf(block, "actions"),
    tags: listOf(block, "tags"),
    details: sortKeys(details),
    entity: f("entity"),
    priority: f("priority"),
    user: f("user"),
    note: f("note"),
  };
}

function read(response: HttpResponse): StepResult {
  let answer: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (typeof parsed === "object" && parsed !== null) answer = parsed as Record<string, unknown>;
  } catch {
    answer = undefined;
  }
  if (response.status < 400) {
    if (answer === undefined) {
      return {
        _tag: "Rejected",
        retryable: false,
        cause: `opsgenie answered status ${response.status} with a body that is not JSON: ${excerpt(response.body)}`,
      };
    }
    return { _tag: "Done", ...(typeof answer["requestId"] === "string" ? { messageRef: answer["requestId"] } : {}) };
  }
  const message = answer !== undefined ? String(answer["message"] ?? "") : excerpt(response.body);
  const type = response.headers["x-opsgenie-errortype"];
  return {
    _tag: "Rejected",
    retryable: isRetryableStatus(response.status),
    cause: `Error occurred with Status code: ${response.status}, Message: ${message}${
      type !== undefined ? `, Error Header: ${type}` : ""
    }`,
  };
}

const omitEmpty = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) =>
      v !== "" && v !== undefined && !(Array.isArray(v) && v.length === 0) &&
      !(typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
    ),
  );

/** The `opsgenie` provider. */
export const opsgenieProvider: Provider<OpsgenieSettings> = {
  type: "opsgenie",
  block: opsgenieBlock,
  decodeSettings: decodeOpsgenieSettings,
  secrets: (settings) => Object.values(settings.apiKeys),
  prepare(n, settings, options) {
    const r = n.destination.recipient;
    if (!Object.hasOwn(settings.apiKeys, r)) return E.left(invalidDelivery(`no API key configured for recipient ${r}`));
    const block = blockOf(n.content, "opsgenie");
    if (block !== undefined && textOf(block, "description") === "") {
      return E.left(invalidDelivery("opsgenie notification description is missing"));
    }
    if (n.content.message === "") return E.left(invalidDelivery("message can not be empty"));
    const fields = alertFields(block);
    const key = options.idempotencyKey;
    const alias = textOf(block, "alias") ||
      (key !== undefined ? idempotencyToken(key, [n.destination.service, r]) : "");
    const alert = {
      message: n.content.message,
      ...omitEmpty({ alias, description: fields["description"] }),
      responders: [{ type: "team", ...(r !== "" ? { id: r } : {}), username: "" }],
      ...omitEmpty({
        visibleTo: fields["visibleTo"],
        actions: fields["actions"],
        tags: fields["tags"],
        details: fields["details"],
        entity: fields["entity"],
      }),
      source: "Argo CD",
      ...omitEmpty({ priority: fields["priority"], user: fields["user"], note: fields["note"] }),
    };
    return E.right({
      kind: "http",
      request: {
        method: "POST",
        url: settings.alertsURL,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          Accept: "application/json",
          Authorization: `GenieKey ${settings.apiKeys[r]}`,
        },
        body: `${goMarshal(alert)}\n`,
      },
      read,
    });
  },
};
