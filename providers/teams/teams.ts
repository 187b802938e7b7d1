/**
 * The `teams` service (Office 365 connector): a MessageCard (or the template's raw `template` body) posted to the
 * recipient's webhook URL, as the Go engine sends it — including its `context` key where the schema says `@context`.
 * The webhook answers `1` when it took the card, whatever the status.
 * @module
 */
import { E } from "../../lib/fp.ts";
import { type Block, blockOf, invalidDelivery, jsonOf, textOf } from "../content.ts";
import { goMarshal, sortKeys } from "../go-json.ts";
import type { Provider } from "../provider.ts";
import { excerpt, isRetryableStatus } from "../rejection.ts";
import { type RecipientUrlSettings, urlOf } from "../recipient-urls.ts";
import { teamsBlock } from "./block.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import type { Either } from "../../lib/fp.ts";
import { decodeTeamsSettings } from "./settings.ts";

/** A JSON list of objects from the block, or the Go engine's unmarshalling error. */
function objects(
  block: Block | undefined,
  key: string,
  what: string,
): Either<Diagnostic, readonly unknown[] | undefined> {
  const v = jsonOf(block, key, `teams.${key}`);
  if (v._tag === "Left") return E.left(invalidDelivery(`teams ${what} unmarshalling error: ${v.left.message}`));
  if (v.right === undefined) return E.right(undefined);
  if (!Array.isArray(v.right) || v.right.some((x) => typeof x !== "object" || x === null || Array.isArray(x))) {
    return E.left(invalidDelivery(`teams ${what} unmarshalling error: teams.${key} must be a JSON list of objects`));
  }
  return E.right(v.right.map(sortKeys));
}

/** The MessageCard body (Go's `teamsNotificationToMessage`), or the raw template. */
function bodyOf(message: string, block: Block | undefined): Either<Diagnostic, string> {
  const template = textOf(block, "template");
  if (template !== "") return E.right(template);
  const sections = objects(block, "sections", "sections");
  if (sections._tag === "Left") return sections;
  const facts = objects(block, "facts", "facts");
  if (facts._tag === "Left") return facts;
  const actions = objects(block, "potentialAction", "potential action");
  if (actions._tag === "Left") return actions;
  const allSections = [...(sections.right ?? []), ...(facts.right === undefined ? [] : [{ facts: facts.right }])];
  const themeColor = textOf(block, "themeColor");
  return E.right(goMarshal({
    "@type": "MessageCard",
    context: "https://schema.org/extensions",
    title: textOf(block, "title"),
    summary: textOf(block, "summary"),
    text: textOf(block, "text") || message,
    ...(themeColor === "" ? {} : { themeColor }),
    ...(actions.right !== undefined && actions.right.length > 0 ? { potentialAction: actions.right } : {}),
    ...(allSections.length > 0 ? { sections: allSections } : {}),
  }));
}

/** The `teams` provider. */
export const teamsProvider: Provider<RecipientUrlSettings> = {
  type: "teams",
  block: teamsBlock,
  decodeSettings: decodeTeamsSettings,
  secrets: (settings) => Object.values(settings.urls),
  prepare(n, settings) {
    const url = urlOf(settings, n.destination.recipient);
    if (url === undefined) {
      return E.left(invalidDelivery(`no teams webhook configured for recipient ${n.destination.recipient}`));
    }
    const body = bodyOf(n.content.message, blockOf(n.content, "teams"));
    if (body._tag === "Left") return body;
    return E.right({
      kind: "http",
      request: { method: "POST", url, headers: { "Content-Type": "application/json" }, body: body.right },
      read: (response) =>
        response.body === "1" ? { _tag: "Done" } : {
          _tag: "Rejected",
          retryable: isRetryableStatus(response.status),
          cause: `teams webhook of recipient ${n.destination.recipient} answered status ${response.status}: ${
            excerpt(response.body)
          }`,
        },
    });
  },
};
