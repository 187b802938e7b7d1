/**
 * Reads what the decision needs from an untrusted resource: its annotations and labels as string maps.
 * @module
 */
import { type Diagnostic, diagnostic } from "../diagnostics.ts";

/** The parts of a resource's metadata the decision reads. */
export interface ResourceMeta {
  readonly object: Readonly<Record<string, unknown>>;
  /** `metadata.uid` when it is a string. */
  readonly uid: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringMap(
  value: unknown,
  field: "annotations" | "labels",
  diagnostics: Diagnostic[],
): Readonly<Record<string, string>> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    diagnostics.push(diagnostic("InvalidResource", `metadata.${field} must be a map of strings; it is ignored`));
    return {};
  }
  if (allStrings(value)) return value as Readonly<Record<string, string>>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string") out[k] = v;
    else {
      diagnostics.push(
        diagnostic(
          "InvalidResource",
          `metadata.${field}["${k}"] is a ${v === null ? "null" : typeof v}, not a string; it is ignored`,
        ),
      );
    }
  }
  return out;
}

/** Whether every own enumerable value is a string (then the map is used as it is, without a copy). */
function allStrings(value: Readonly<Record<string, unknown>>): boolean {
  for (const k in value) {
    if (Object.hasOwn(value, k) && typeof value[k] !== "string") return false;
  }
  return true;
}

/**
 * Returns the resource's metadata maps, or `undefined` with a diagnostic when the resource is not an object.
 * Non-string annotations and labels are dropped with a diagnostic each; the rest is kept.
 */
export function readResource(
  resource: unknown,
  diagnostics: Diagnostic[],
): ResourceMeta | undefined {
  if (!isRecord(resource)) {
    const what = resource === null ? "null" : Array.isArray(resource) ? "an array" : `a ${typeof resource}`;
    diagnostics.push(diagnostic("InvalidResource", `the resource must be an object, not ${what}`));
    return undefined;
  }
  const metadata = resource["metadata"];
  if (metadata === undefined || metadata === null) {
    diagnostics.push(
      diagnostic("InvalidResource", "the resource has no metadata; it has no subscriptions or state", {
        severity: "warning",
      }),
    );
    return { object: resource, uid: undefined, annotations: {}, labels: {} };
  }
  if (!isRecord(metadata)) {
    diagnostics.push(diagnostic("InvalidResource", "the resource's metadata must be an object; it is ignored"));
    return { object: resource, uid: undefined, annotations: {}, labels: {} };
  }
  const uid = metadata["uid"];
  return {
    object: resource,
    uid: typeof uid === "string" ? uid : undefined,
    annotations: stringMap(metadata["annotations"], "annotations", diagnostics),
    labels: stringMap(metadata["labels"], "labels", diagnostics),
  };
}
