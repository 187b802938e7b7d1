/**
 * `subscriptions`: the ConfigMap's default subscriptions, each with a label selector.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import { E } from "../fp.ts";
import type { Destination } from "../subscriptions/mod.ts";
import { parseSelector } from "../subscriptions/mod.ts";
import { subscriptionCodec, subscriptionFields, subscriptionListCodec } from "./_codecs.ts";
import { decoded, failed, hasError, refAt } from "./_decoded.ts";
import type { Decoded, Ref } from "./_decoded.ts";
import { checkFields, reportErrors } from "./_report.ts";
import { parseYaml } from "./_yaml-position.ts";
import type { YamlValue } from "./_yaml-position.ts";
import type { DefaultSubscription } from "./config.ts";
import type { YamlLimits } from "../yaml/mod.ts";

/** The default subscriptions that decoded, and the triggers and services they name. */
export interface DecodedSubscriptions {
  readonly subscriptions: readonly DefaultSubscription[];
  readonly triggers: readonly Ref[];
  readonly services: readonly Ref[];
}

/** Splits `service:recipient` as the Go engine does: a missing recipient is empty, parts after a second `:` are dropped. */
export function parseRecipient(text: string): Destination {
  const [service = "", recipient = ""] = text.split(":");
  return { service, recipient };
}

/**
 * Decodes `subscriptions` entry by entry: an entry with a wrong field type or an invalid selector is reported and
 * left out, the others are kept. A missing selector matches every resource.
 */
export function decodeSubscriptions(
  source: string,
  options: { readonly limits?: YamlLimits } = {},
): Decoded<DecodedSubscriptions> {
  const key = "subscriptions";
  const parsed = parseYaml(source, "1.1", options.limits);
  if (E.isLeft(parsed)) return failed(key, parsed.left);
  const yaml = parsed.right;
  const list = subscriptionListCodec.decode(yaml.value);
  if (E.isLeft(list)) return failed(key, [...yaml.warnings, ...reportErrors(list.left, yaml, [], "subscriptions")]);
  const entries = list.right.map((entry, i) => decodeEntry(entry, i, yaml));
  const kept = entries.flatMap((e) => (e.subscription === undefined || hasError(e.diagnostics) ? [] : [e]));
  const diagnostics = [...yaml.warnings, ...entries.flatMap((e) => e.diagnostics)];
  return {
    value: {
      subscriptions: kept.flatMap((e) => (e.subscription === undefined ? [] : [e.subscription])),
      triggers: kept.flatMap((e) => e.triggers),
      services: kept.flatMap((e) => e.services),
    },
    diagnostics: decoded(key, undefined, diagnostics).diagnostics,
  };
}

interface Entry {
  readonly subscription: DefaultSubscription | undefined;
  readonly triggers: readonly Ref[];
  readonly services: readonly Ref[];
  readonly diagnostics: readonly Diagnostic[];
}

function decodeEntry(entry: unknown, i: number, yaml: YamlValue): Entry {
  const checked = checkFields(entry, subscriptionFields, "a subscription", yaml, [i]);
  const raw = subscriptionCodec.decode(checked.value);
  const empty = { subscription: undefined, triggers: [], services: [] };
  if (E.isLeft(raw)) {
    return { ...empty, diagnostics: [...checked.diagnostics, ...reportErrors(raw.left, yaml, [i], `"[${i}]"`)] };
  }
  const source = raw.right.selector ?? "";
  const selector = parseSelector(source);
  if (E.isLeft(selector)) {
    const d = selector.left;
    const at = d.column !== undefined
      ? yaml.insideScalar([i, "selector"], { line: d.line ?? 1, column: d.column })
      : yaml.valueAt([i, "selector"]);
    const problem = diagnostic("InvalidSelector", d.message, {
      line: at?.line,
      column: at?.column,
      hint: d.hint,
    });
    return { ...empty, diagnostics: [...checked.diagnostics, problem] };
  }
  const recipients = (raw.right.recipients ?? []).map(parseRecipient);
  return {
    subscription: { recipients, triggers: raw.right.triggers ?? [], selector: selector.right },
    triggers: (raw.right.triggers ?? []).map((name, j): Ref => refAt(name, () => yaml.valueAt([i, "triggers", j]))),
    services: recipients.map((r, j): Ref => refAt(r.service, () => yaml.valueAt([i, "recipients", j]))),
    diagnostics: checked.diagnostics,
  };
}
