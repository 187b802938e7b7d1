/**
 * Turns io-ts errors into diagnostics with YAML positions, and checks for unknown fields (which io-ts ignores).
 * @module
 */
import type * as t from "io-ts";
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import { didYouMean } from "../suggest.ts";
import type { YamlPath, YamlValue } from "./_yaml-position.ts";

/** How a value is described after "not": `a string`, `a list`, `a map`, … */
export function describeValue(u: unknown): string {
  if (u === null || u === undefined) return "empty";
  if (Array.isArray(u)) return "a list";
  if (typeof u === "object") return "a map";
  if (typeof u === "boolean") return `a boolean (${u})`;
  return typeof u === "number" ? "a number" : "a string";
}

/** A path as a person reads it: `send[1]` for `[0, "send", 1]`, `[2]` when there is no field name. */
export function pathLabel(path: YamlPath): string {
  let from = 0;
  path.forEach((s, i) => {
    if (typeof s === "string") from = i;
  });
  return path.slice(from).map((s) => (typeof s === "number" ? `[${s}]` : s)).join("");
}

const toPath = (context: t.Context): YamlPath =>
  context.slice(1).map((entry, i) => (Array.isArray(context[i]?.actual) ? Number(entry.key) : entry.key));

/**
 * One `InvalidField` error per io-ts error, positioned at the offending value; `base` is the path of the decoded
 * value inside the YAML, `whole` names it when the error is about the value itself (`the trigger`).
 */
export function reportErrors(errors: t.Errors, yaml: YamlValue, base: YamlPath, whole: string): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const expected = e.context[e.context.length - 1]?.type.name ?? "something else";
    const path = [...base, ...toPath(e.context)];
    const label = path.length === base.length ? whole : `"${pathLabel(path)}"`;
    const at = yaml.valueAt(path);
    const message = `${label} must be ${expected}, not ${describeValue(e.value)}`;
    const id = `${message}@${at?.line}:${at?.column}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(diagnostic("InvalidField", message, { line: at?.line, column: at?.column }));
  }
  return out;
}

/** The result of the unknown-field check: the map with case-insensitive matches renamed, and the warnings. */
export interface FieldCheck {
  readonly value: unknown;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Warns about fields a map does not have, with a suggestion. Go's JSON decoding ignores unknown fields, so they are
 * warnings and the rest of the map is used; it also matches field names without regard to case, so `When` is read
 * as `when` (with a warning) unless `when` is also present.
 */
export function checkFields(
  value: unknown,
  known: readonly string[],
  what: string,
  yaml: YamlValue,
  path: YamlPath,
): FieldCheck {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { value, diagnostics: [] };
  const out: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  const entries = Object.entries(value);
  for (const [field, v] of entries) {
    if (known.includes(field)) {
      Object.defineProperty(out, field, { value: v, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const at = yaml.keyAt([...path, field]);
    const where = { severity: "warning", line: at?.line, column: at?.column } as const;
    const same = known.find((k) => k.toLowerCase() === field.toLowerCase());
    if (same !== undefined && !Object.hasOwn(value, same)) {
      out[same] = v;
      diagnostics.push(
        diagnostic(
          "UnknownField",
          `"${field}" is read as "${same}", as Go matches field names without regard to case`,
          {
            ...where,
            hint: `write "${same}"`,
          },
        ),
      );
      continue;
    }
    diagnostics.push(diagnostic("UnknownField", `"${field}" is not a field of ${what}`, {
      ...where,
      hint: didYouMean(field, known),
    }));
  }
  return { value: out, diagnostics };
}
