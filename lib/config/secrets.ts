/**
 * Secret values and `$key` references in service settings.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { decodeBase64 } from "../go/mod.ts";
import { decodeUtf8 } from "../go/mod.ts";
import type { YamlPath, YamlValue } from "./_yaml-position.ts";
import type { SecretLike } from "./config.ts";

/** The Secret's values by key, and warnings about entries that could not be read (never showing a value). */
export interface SecretValues {
  readonly values: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads a Secret: `data` is base64, `stringData` is plain and wins, as when Kubernetes stores it. */
export function readSecret(secret: SecretLike | undefined): SecretValues {
  const values = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [k, v] of Object.entries(secret?.data ?? {})) {
    const bytes = typeof v === "string" ? decodeSecretData(v) : undefined;
    if (bytes === undefined || bytes._tag === "Left") {
      diagnostics.push(diagnostic("InvalidField", `the Secret's data "${k}" is not base64, so it is ignored`, {
        severity: "warning",
      }));
    } else values.set(k, decodeUtf8(bytes.right));
  }
  for (const [k, v] of Object.entries(secret?.stringData ?? {})) {
    if (typeof v === "string") values.set(k, v);
    else {
      diagnostics.push(diagnostic("InvalidField", `the Secret's stringData "${k}" is not a string, so it is ignored`, {
        severity: "warning",
      }));
    }
  }
  return { values, diagnostics };
}

/** The Go engine's reference pattern: `$` then word characters or dashes (`\w` is ASCII in both Go and JS). */
const reference = /[$][\w-]+/g;

/**
 * Replaces every `$key` in every string of `value` (map keys included, as the Go engine walks every string node)
 * with the Secret's value. An unknown key is left as written, with a `SecretMissing` warning that names the key;
 * no diagnostic ever holds a secret value.
 */
export function substituteSecrets(
  value: unknown,
  secrets: ReadonlyMap<string, string>,
  yaml: YamlValue,
): { readonly value: unknown; readonly diagnostics: readonly Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const replace = (s: string, path: YamlPath, isKey: boolean): string =>
    s.replace(reference, (ref) => {
      const found = secrets.get(ref.slice(1));
      if (found !== undefined) return found;
      const at = isKey ? yaml.keyAt(path) : yaml.valueAt(path);
      diagnostics.push(diagnostic("SecretMissing", `"${ref}" names no key of the Secret, so it is left as written`, {
        severity: "warning",
        line: at?.line,
        column: at?.column,
      }));
      return ref;
    });
  const walk = (v: unknown, path: YamlPath): unknown => {
    if (typeof v === "string") return replace(v, path, false);
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        Object.defineProperty(out, replace(k, [...path, k], true), {
          value: walk(item, [...path, k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, []), diagnostics };
}

/** Standard base64, more lenient than Go: padding optional and ASCII whitespace ignored, as line-wrapped data is. */
function decodeSecretData(text: string): Either<string, Uint8Array> {
  return decodeBase64(text.replace(/[\t\n\r ]/g, "").replace(/=+$/, ""), { padding: false });
}
