/**
 * Turns a rule file's sourced values (inline, or the text of a referenced file) into plain data.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { readYamlText } from "./_yaml-source.ts";
import type { RuleFileError, Sourced } from "./rule-file.ts";

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a load needs: the rule file's path and the texts of the files it references, by path as written. */
export interface LoadContext {
  readonly file: string;
  readonly files: ReadonlyMap<string, string>;
}

/**
 * The value of a sourced field. A file must hold one YAML document, or, with `kind`, the documents are searched for
 * the one of that kind (a ConfigMap and its Secret may share a file).
 */
export function loadSourced(
  ctx: LoadContext,
  s: Sourced,
  options: { readonly what: string; readonly kind?: string; readonly where?: string },
): Either<RuleFileError, Readonly<Record<string, unknown>>> {
  const error = (message: string, at = s.at): Either<RuleFileError, never> =>
    E.left({
      file: ctx.file,
      line: at.line,
      column: at.column,
      ...(options.where !== undefined ? { where: options.where } : {}),
      message,
    });
  if (s._tag === "Inline") return isRecord(s.value) ? E.right(s.value) : error(`${options.what} must be a map`);
  const text = ctx.files.get(s.path);
  if (text === undefined) return error(`${options.what}: cannot read "${s.path}"`);
  const parsed = readYamlText(text);
  if (parsed._tag === "Invalid") {
    const [first] = parsed.errors;
    return error(`${options.what}: "${s.path}" is not valid YAML: line ${first?.line ?? 1}: ${first?.message ?? ""}`);
  }
  const docs = parsed.documents.map((d) => d.value).filter(isRecord);
  const byKind = options.kind === undefined ? [] : docs.filter((d) => d["kind"] === options.kind);
  const picked = byKind.length === 1 ? byKind[0] : docs.length === 1 ? docs[0] : undefined;
  if (picked === undefined) {
    const count = parsed.documents.length;
    return error(
      count === 0
        ? `${options.what}: "${s.path}" is empty`
        : `${options.what}: "${s.path}" holds ${count} documents; it must hold one${
          options.kind !== undefined ? ` ${options.kind}` : " map"
        }`,
    );
  }
  return E.right(picked);
}
