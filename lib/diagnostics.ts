/**
 * Diagnostics: the one error type of the pure core. Every expected failure — bad configuration, an expression that
 * does not compile or throws, a template that fails, a subscription naming an unknown trigger — is a value of this
 * type, never an exception.
 * @module
 */

// --- model

/**
 * What went wrong, as a tag:
 * - `YamlSyntax`: a ConfigMap value or annotation is not valid YAML.
 * - `InvalidField`: a field has the wrong type or an unusable value.
 * - `UnknownField`: a field that the object does not have (often a typo; `hint` suggests the near one).
 * - `InvalidKey`: a ConfigMap key that is not one of the known forms.
 * - `UnknownTrigger`, `UnknownTemplate`, `UnknownService`: a reference to something the configuration lacks.
 * - `InvalidSelector`: a label selector that Kubernetes would reject.
 * - `InvalidSubscription`: a malformed subscription annotation.
 * - `InvalidResource`: the resource is not an object, lacks metadata, or has non-string annotations.
 * - `ExprCompile`, `ExprEval`: a trigger expression failed to compile or to run.
 * - `TemplateParse`, `TemplateRender`: a template failed to parse or to render.
 * - `InvalidState`: the notified-state annotation could not be read (it is then treated as empty).
 * - `SecretMissing`: a `$key` in service settings names no key of the Secret (left as written).
 * - `LimitExceeded`: an expression, a template or an input passed one of its limits; the message names it (see `lib/limits.ts`).
 * - `InvalidDelivery`: a notification its service cannot send (a recipient the settings lack, a block field that is
 *   not the JSON the service needs); the provider's `prepare` says which.
 */
export type DiagnosticTag =
  | "YamlSyntax"
  | "InvalidField"
  | "UnknownField"
  | "InvalidKey"
  | "UnknownTrigger"
  | "UnknownTemplate"
  | "UnknownService"
  | "InvalidSelector"
  | "InvalidSubscription"
  | "InvalidResource"
  | "ExprCompile"
  | "ExprEval"
  | "TemplateParse"
  | "TemplateRender"
  | "InvalidState"
  | "SecretMissing"
  | "LimitExceeded"
  | "InvalidDelivery";

/** One problem, with where it is and a sentence a person understands. */
export interface Diagnostic {
  readonly _tag: DiagnosticTag;
  readonly severity: "error" | "warning";
  /** The ConfigMap key or annotation name the problem is in, e.g. `trigger.on-x`. */
  readonly key?: string;
  /** 1-based line and column inside the key's value (YAML, expression or template source). */
  readonly line?: number;
  readonly column?: number;
  /** The sentence, without the key or position (those are added by {@linkcode formatDiagnostic}). */
  readonly message: string;
  /** A suggestion, e.g. `did you mean "send"?`. */
  readonly hint?: string;
  /** A source excerpt with a caret under the column, when one helps. */
  readonly snippet?: string;
}

// --- constructors

/** Builds a diagnostic; optional fields that are `undefined` are left out. */
export function diagnostic(
  tag: DiagnosticTag,
  message: string,
  fields: {
    readonly severity?: "error" | "warning";
    readonly key?: string | undefined;
    readonly line?: number | undefined;
    readonly column?: number | undefined;
    readonly hint?: string | undefined;
    readonly snippet?: string | undefined;
  } = {},
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    _tag: tag,
    severity: fields.severity ?? "error",
    message,
  };
  if (fields.key !== undefined) d.key = fields.key;
  if (fields.line !== undefined) d.line = fields.line;
  if (fields.column !== undefined) d.column = fields.column;
  if (fields.hint !== undefined) d.hint = fields.hint;
  if (fields.snippet !== undefined) d.snippet = fields.snippet;
  return d;
}

/** Returns the diagnostic with `key` set (and line/column shifted when the source sits at an offset in a file). */
export function withKey(d: Diagnostic, key: string): Diagnostic {
  return { ...d, key };
}

// --- utils

/**
 * Formats a diagnostic as one line: `trigger.on-x: line 2: "sned" is not a field of a condition; did you mean "send"?`
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [
    d.key,
    d.line !== undefined ? `line ${d.line}${d.column !== undefined ? `, column ${d.column}` : ""}` : undefined,
  ].filter((s) => s !== undefined).join(": ");
  const text = d.hint !== undefined ? `${d.message}; ${d.hint}` : d.message;
  return where === "" ? text : `${where}: ${text}`;
}
