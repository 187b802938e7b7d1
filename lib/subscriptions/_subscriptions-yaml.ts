/**
 * The YAML `<prefix>/subscriptions` annotation: a list of `{trigger: [..], destinations: [{service, recipients}]}`,
 * read the way `sigs.k8s.io/yaml` decodes it into the Go engine's `[]Subscription`.
 * @module
 */
import { readYaml } from "../yaml/mod.ts";
import type { YamlLimits } from "../yaml/mod.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import { E } from "../fp.ts";
import { defaultLimits } from "../limits.ts";
import { suggest } from "../suggest.ts";

/** One entry, shape-checked. An empty `triggers` means the default triggers. */
export interface SubscriptionEntry {
  readonly triggers: readonly string[];
  readonly destinations: readonly {
    readonly service: string;
    readonly recipients: readonly string[];
  }[];
}

/** What one `subscriptions` annotation yields: the usable entries and what was wrong with the others. */
export interface SubscriptionsYaml {
  readonly entries: readonly SubscriptionEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses the annotation's value. Entries are checked one by one: a malformed entry is reported and dropped, the
 * others are kept. Field names match case-insensitively and unknown fields are ignored (with a warning), as Go's
 * `encoding/json` does. A value that passes a YAML limit is refused with a `LimitExceeded` diagnostic.
 */
export function parseSubscriptionsYaml(
  source: string,
  annotation: string,
  limits: YamlLimits = defaultLimits,
): SubscriptionsYaml {
  const at = { key: annotation };
  if (source.trim() === "") {
    return {
      entries: [],
      diagnostics: [
        diagnostic(
          "InvalidSubscription",
          "the subscriptions annotation is empty",
          { ...at, severity: "warning" },
        ),
      ],
    };
  }
  const read = readYaml(source, { version: "1.1", limits });
  const firstError = read.errors[0];
  const data = firstError === undefined ? read.toData() : E.left(firstError);
  if (E.isLeft(data)) {
    const problem = data.left;
    const pos = problem.offset === undefined ? undefined : read.lines.position(problem.offset);
    const where = { ...at, line: pos?.line, column: pos?.column };
    const d = problem.tag === "LimitExceeded" ? diagnostic("LimitExceeded", problem.message, where) : diagnostic(
      "InvalidSubscription",
      `the subscriptions annotation is not valid YAML: ${problem.message}`,
      where,
    );
    return { entries: [], diagnostics: [d] };
  }
  const value = data.right;
  if (value === null || value === undefined) {
    return { entries: [], diagnostics: [] };
  }
  if (!Array.isArray(value)) {
    return {
      entries: [],
      diagnostics: [
        diagnostic(
          "InvalidSubscription",
          `the subscriptions annotation must be a list, not ${kind(value)}`,
          at,
        ),
      ],
    };
  }
  const entries: SubscriptionEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  value.forEach((raw: unknown, i) => {
    const r = decodeEntry(raw, `subscriptions[${i}]`);
    for (const d of r.diagnostics) diagnostics.push({ ...d, key: annotation });
    if (r.entry !== undefined) entries.push(r.entry);
  });
  return { entries, diagnostics };
}

type Decoded<A> = { readonly ok: true; readonly value: A } | {
  readonly ok: false;
  readonly message: string;
};

function decodeEntry(
  raw: unknown,
  path: string,
): { entry?: SubscriptionEntry; diagnostics: readonly Diagnostic[] } {
  if (raw === null) return { diagnostics: [] };
  if (!isRecord(raw)) {
    return {
      diagnostics: [invalid(`${path} must be a map, not ${kind(raw)}`)],
    };
  }
  const fields = fold(raw, ["trigger", "destinations"], path);
  const triggers = stringList(fields.values.get("trigger"), `${path}.trigger`);
  if (!triggers.ok) {
    return { diagnostics: [...fields.diagnostics, invalid(triggers.message)] };
  }
  const destinations = destinationList(
    fields.values.get("destinations"),
    `${path}.destinations`,
  );
  if (!destinations.ok) {
    return {
      diagnostics: [...fields.diagnostics, invalid(destinations.message)],
    };
  }
  return {
    entry: { triggers: triggers.value, destinations: destinations.value.list },
    diagnostics: [...fields.diagnostics, ...destinations.value.diagnostics],
  };
}

function destinationList(
  raw: unknown,
  path: string,
): Decoded<
  {
    list: SubscriptionEntry["destinations"];
    diagnostics: readonly Diagnostic[];
  }
> {
  if (raw === undefined || raw === null) {
    return { ok: true, value: { list: [], diagnostics: [] } };
  }
  if (!Array.isArray(raw)) {
    return { ok: false, message: `${path} must be a list, not ${kind(raw)}` };
  }
  const list: { service: string; recipients: readonly string[] }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, item] of raw.entries()) {
    const at = `${path}[${i}]`;
    if (item === null) continue;
    if (!isRecord(item)) {
      return { ok: false, message: `${at} must be a map, not ${kind(item)}` };
    }
    const fields = fold(item, ["service", "recipients"], at);
    for (const d of fields.diagnostics) diagnostics.push(d);
    const service = scalarString(
      fields.values.get("service") ?? "",
      `${at}.service`,
    );
    if (!service.ok) return service;
    const recipients = stringList(
      fields.values.get("recipients"),
      `${at}.recipients`,
    );
    if (!recipients.ok) return recipients;
    list.push({ service: service.value, recipients: recipients.value });
  }
  return { ok: true, value: { list, diagnostics } };
}

/**
 * Picks the known fields, matching names case-insensitively (the last match wins, as when Go decodes JSON into a
 * struct); unknown names are reported as warnings.
 */
function fold(
  raw: Readonly<Record<string, unknown>>,
  known: readonly string[],
  path: string,
): {
  values: ReadonlyMap<string, unknown>;
  diagnostics: readonly Diagnostic[];
} {
  const values = new Map<string, unknown>();
  const diagnostics: Diagnostic[] = [];
  for (const [name, v] of Object.entries(raw)) {
    const field = known.find((k) => k === name.toLowerCase());
    if (field !== undefined) values.set(field, v);
    else {
      const near = suggest(name, known);
      diagnostics.push(
        diagnostic(
          "InvalidSubscription",
          `${path}: "${name}" is not a field and is ignored`,
          {
            severity: "warning",
            hint: near !== undefined
              ? `did you mean "${near}"?`
              : `the fields are ${known.map((k) => `"${k}"`).join(", ")}`,
          },
        ),
      );
    }
  }
  return { values, diagnostics };
}

function stringList(raw: unknown, path: string): Decoded<readonly string[]> {
  if (raw === undefined || raw === null) return { ok: true, value: [] };
  if (!Array.isArray(raw)) {
    return {
      ok: false,
      message: `${path} must be a list of strings, not ${kind(raw)}`,
    };
  }
  const out: string[] = [];
  for (const [i, item] of raw.entries()) {
    const s = scalarString(item, `${path}[${i}]`);
    if (!s.ok) return s;
    out.push(s.value);
  }
  return { ok: true, value: out };
}

/** A string, or a number or boolean turned into one, as `sigs.k8s.io/yaml` does for string targets. */
function scalarString(raw: unknown, path: string): Decoded<string> {
  if (typeof raw === "string") return { ok: true, value: raw };
  if (
    typeof raw === "number" || typeof raw === "boolean" ||
    typeof raw === "bigint"
  ) return { ok: true, value: String(raw) };
  return { ok: false, message: `${path} must be a string, not ${kind(raw)}` };
}

const invalid = (message: string): Diagnostic => diagnostic("InvalidSubscription", message);

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  !(v instanceof Map) && !(v instanceof Set);

function kind(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  return `the ${typeof v} ${JSON.stringify(v)}`;
}
