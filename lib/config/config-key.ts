/**
 * What a ConfigMap key is: the forms the Go engine reads (plus Argo CD's `context`).
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { suggest } from "../suggest.ts";

/** A recognised ConfigMap key. Names are everything after the first dot, dots included (except for services). */
export type ConfigKey =
  | { readonly kind: "trigger"; readonly name: string }
  | { readonly kind: "template"; readonly name: string }
  | { readonly kind: "service"; readonly type: string; readonly name: string }
  | { readonly kind: "subscriptions" }
  | { readonly kind: "defaultTriggers" }
  | { readonly kind: "serviceDefaultTriggers"; readonly service: string }
  | { readonly kind: "context" };

const prefixed = ["trigger", "template", "service", "defaultTriggers"] as const;
const exact = ["subscriptions", "defaultTriggers", "context"] as const;

/**
 * Classifies a key. An unknown key is an `InvalidKey` warning (the Go engine ignores it) with a suggestion; a
 * known form with an empty name, or a service key with more than three parts, is an `InvalidKey` error.
 */
export function parseConfigKey(key: string): Either<Diagnostic, ConfigKey> {
  if ((exact as readonly string[]).includes(key)) return E.right({ kind: key } as ConfigKey);
  const dot = key.indexOf(".");
  const prefix = dot < 0 ? key : key.slice(0, dot);
  const name = dot < 0 ? "" : key.slice(dot + 1);
  if (dot >= 0 && (prefixed as readonly string[]).includes(prefix)) {
    if (name === "") return E.left(invalid(key, `"${key}" has an empty name, so it is left out`));
    if (prefix === "trigger") return E.right({ kind: "trigger", name });
    if (prefix === "template") return E.right({ kind: "template", name });
    if (prefix === "defaultTriggers") return E.right({ kind: "serviceDefaultTriggers", service: name });
    const parts = name.split(".");
    if (parts.length > 2 || parts.some((p) => p === "")) {
      return E.left(
        invalid(key, `"${key}" is not a service key; expected "service.<type>" or "service.<type>.<name>"`),
      );
    }
    return E.right({ kind: "service", type: parts[0]!, name: parts[1] ?? parts[0]! });
  }
  return E.left(diagnostic("InvalidKey", `"${key}" is not a known key; the Go engine ignores it too`, {
    severity: "warning",
    key,
    hint: hintFor(prefix, name, dot >= 0),
  }));
}

const invalid = (key: string, message: string): Diagnostic => diagnostic("InvalidKey", message, { key });

function hintFor(prefix: string, name: string, dotted: boolean): string | undefined {
  if (dotted) {
    const p = suggest(prefix, prefixed);
    return p === undefined ? undefined : `did you mean "${p}.${name}"?`;
  }
  const s = suggest(prefix, [...exact, ...prefixed]);
  if (s === undefined) return undefined;
  return (exact as readonly string[]).includes(s) ? `did you mean "${s}"?` : `did you mean "${s}.<name>"?`;
}
