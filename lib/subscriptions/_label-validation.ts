/**
 * Kubernetes' label key and value validation (`IsQualifiedName`, `IsValidLabelValue`), with its messages.
 * @module
 */
import { utf8Length } from "../go/mod.ts";

const nameRegex = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const valueRegex = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const dnsSubdomainRegex = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const nameMessage =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const valueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const dnsMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** Kubernetes limits lengths in UTF-8 bytes. */
const maxLen = (n: number): string => `must be no more than ${n} bytes`;

/** Why `key` is not a valid label key (empty when it is): an optional DNS-subdomain prefix and `/`, then a name. */
export function labelKeyErrors(key: string): readonly string[] {
  const parts = key.split("/");
  if (parts.length > 2) {
    return [
      `a valid label key ${nameMessage} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const errors: string[] = [];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === "") errors.push("prefix part must be non-empty");
    else {
      if (utf8Length(prefix) > 253) errors.push(`prefix part ${maxLen(253)}`);
      if (!dnsSubdomainRegex.test(prefix)) {
        errors.push(`prefix part ${dnsMessage}`);
      }
    }
  }
  if (name === "") errors.push("name part must be non-empty");
  else if (utf8Length(name) > 63) errors.push(`name part ${maxLen(63)}`);
  if (!nameRegex.test(name)) errors.push(`name part ${nameMessage}`);
  return errors;
}

/** Why `value` is not a valid label value (empty when it is); the empty string is valid. */
export function labelValueErrors(value: string): readonly string[] {
  const errors: string[] = [];
  if (utf8Length(value) > 63) errors.push(maxLen(63));
  if (!valueRegex.test(value)) errors.push(valueMessage);
  return errors;
}
