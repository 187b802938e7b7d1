/**
 * The `teams-workflows` service (Power Automate workflows): an Adaptive Card in a message envelope, posted to the
 * recipient's workflow URL, as the Go engine builds it — the template's `adaptiveCard` as given, or a card made of
 * the title, text, facts, the sections' facts and the `OpenUri` actions. Any 2xx is success.
 * @module
 */
import { E, type Either } from "../../lib/fp.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { sprint } from "../../lib/gofmt/mod.ts";
import { toFloatValue } from "../../lib/values/float.ts";
import { type Block, blockOf, invalidDelivery, jsonOf, textOf } from "../content.ts";
import { goMarshal } from "../go-json.ts";
import type { Provider } from "../provider.ts";
import { excerpt, isRetryableStatus } from "../rejection.ts";
import { type RecipientUrlSettings, urlOf } from "../recipient-urls.ts";
import { teamsWorkflowsBlock } from "./block.ts";
import { decodeTeamsWorkflowsSettings } from "./settings.ts";

type Obj = Readonly<Record<string, unknown>>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Go values from JSON: numbers are float64, so `%v` prints them as Go does (`1.234567e+06`). */
function goValue(v: unknown): unknown {
  if (typeof v === "number") return toFloatValue(v);
  if (Array.isArray(v)) return v.map(goValue);
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, goValue(x)]));
  return v;
}

/** Facts with a string `name`; the value as is when a string, else as Go's `%v` prints it. */
function factSet(facts: readonly unknown[]): Obj[] {
  const out: Obj[] = [];
  for (const f of facts) {
    if (!isObj(f) || typeof f["name"] !== "string") continue;
    const v = f["value"];
    out.push({
      title: f["name"],
      value: typeof v === "string" ? v : Object.hasOwn(f, "value") ? sprint([goValue(v)]) : "",
    });
  }
  return out;
}

function list(block: Block | undefined, key: string, what: string): Either<Diagnostic, readonly unknown[]> {
  const v = jsonOf(block, key, `teams-workflows.${key}`);
  if (v._tag === "Left") {
    return E.left(invalidDelivery(`teams-workflows ${what} unmarshalling error: ${v.left.message}`));
  }
  if (v.right === undefined) return E.right([]);
  if (!Array.isArray(v.right) || v.right.some((x) => x !== null && !isObj(x))) {
    return E.left(
      invalidDelivery(
        `teams-workflows ${what} unmarshalling error: teams-workflows.${key} must be a JSON list of objects`,
      ),
    );
  }
  return E.right(v.right);
}

/** Go's `buildAdaptiveCard`. */
function buildCard(message: string, block: Block | undefined): Either<Diagnostic, Obj> {
  const sections = list(block, "sections", "sections");
  if (sections._tag === "Left") return sections;
  const facts = list(block, "facts", "facts");
  if (facts._tag === "Left") return facts;
  const actions = list(block, "potentialAction", "potential action");
  if (actions._tag === "Left") return actions;
  const body: Obj[] = [];
  const title = textOf(block, "title");
  const color = textOf(block, "themeColor");
  if (title !== "") {
    body.push({
      type: "TextBlock",
      text: title,
      size: "Large",
      weight: "Bolder",
      ...(color === "" ? {} : { color }),
      wrap: true,
    });
  }
  const text = textOf(block, "text") || message;
  if (text !== "") body.push({ type: "TextBlock", text, wrap: true });
  for (
    const set of [facts.right, ...sections.right.map((s) => (isObj(s) && Array.isArray(s["facts"]) ? s["facts"] : []))]
  ) {
    const converted = factSet(set);
    if (converted.length > 0) body.push({ type: "FactSet", facts: converted });
  }
  const opened = actions.right.flatMap((a) => {
    if (!isObj(a) || a["@type"] !== "OpenUri") return [];
    const target = Array.isArray(a["targets"]) ? a["targets"][0] : undefined;
    const url = isObj(target) && typeof target["uri"] === "string" ? target["uri"] : "";
    const name = typeof a["name"] === "string" ? a["name"] : "";
    return url === "" ? [] : [{ type: "Action.OpenUrl", ...(name === "" ? {} : { title: name }), url }];
  });
  return E.right({ type: "AdaptiveCard", version: "1.4", body, ...(opened.length > 0 ? { actions: opened } : {}) });
}

/** The Go engine's checks of a workflow URL, in its order. */
function checkUrl(url: string): string | undefined {
  if (url === "") return "webhook URL cannot be empty";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "invalid webhook URL format";
  }
  const local = u.hostname === "localhost" || u.hostname.startsWith("127.");
  if (u.protocol !== "https:" && !local) return "webhook URL must use HTTPS scheme";
  if (u.protocol !== "https:" && u.protocol !== "http:") return "webhook URL must use HTTP or HTTPS scheme";
  if (u.host === "") return "webhook URL must have a valid host";
  if (
    !/api\.(powerautomate|powerplatform)\.com|flow\.microsoft\.com|webhook\.office\.com\/workflows|\/powerautomate\//i
      .test(url)
  ) {
    return "webhook URL does not appear to be a valid Microsoft Teams Workflows URL (Power Automate)";
  }
  return undefined;
}

/** The `teams-workflows` provider. */
export const teamsWorkflowsProvider: Provider<RecipientUrlSettings> = {
  type: "teams-workflows",
  block: teamsWorkflowsBlock,
  decodeSettings: decodeTeamsWorkflowsSettings,
  secrets: (settings) => Object.values(settings.urls),
  prepare(n, settings) {
    const r = n.destination.recipient;
    const url = urlOf(settings, r);
    if (url === undefined) return E.left(invalidDelivery(`no teams-workflows webhook configured for recipient ${r}`));
    const bad = checkUrl(url);
    if (bad !== undefined) return E.left(invalidDelivery(`invalid webhook URL for recipient ${r}: ${bad}`));
    const block = blockOf(n.content, "teams-workflows");
    const custom = jsonOf(block, "adaptiveCard", "teams-workflows.adaptiveCard");
    if (custom._tag === "Left") {
      return E.left(invalidDelivery(`teams-workflows adaptiveCard unmarshalling error: ${custom.left.message}`));
    }
    const card = custom.right !== undefined ? E.right(custom.right) : buildCard(n.content.message, block);
    if (card._tag === "Left") return card;
    const envelope = {
      type: "message",
      attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card.right }],
    };
    return E.right({
      kind: "http",
      request: { method: "POST", url, headers: { "Content-Type": "application/json" }, body: goMarshal(envelope) },
      read: (response) =>
        response.status >= 200 && response.status <= 299 ? { _tag: "Done" } : {
          _tag: "Rejected",
          retryable: isRetryableStatus(response.status),
          cause: `teams workflows webhook of recipient ${r} answered status ${response.status}: ${
            response.body === "" ? "no error details provided" : excerpt(response.body)
          }`,
        },
    });
  },
};
