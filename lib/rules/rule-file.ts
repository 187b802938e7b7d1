/**
 * The model of a rule test file, as {@linkcode parseRuleFile} reads it. Paths are kept as written (relative to the
 * rule file); the shell reads them and hands their text to `runRuleFile`.
 * @module
 */
import type { Matcher } from "./matcher.ts";

/** Where something is in a rule file (1-based). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A value written in the rule file, or the path of a YAML file holding it. */
export type Sourced =
  | { readonly _tag: "Inline"; readonly value: unknown; readonly at: Position }
  | { readonly _tag: "File"; readonly path: string; readonly at: Position };

/** The configuration under test: ConfigMap and Secret (inline or files), plus keys written in the rule file. */
export interface ConfigSource {
  readonly configMap?: Sourced;
  readonly secret?: Sourced;
  /** ConfigMap keys added to (or replacing those of) `configMap`. */
  readonly data: Readonly<Record<string, string>>;
  /** Secret keys added to (or replacing those of) `secret`, as plain text. */
  readonly secretData: Readonly<Record<string, string>>;
  readonly at: Position;
}

/** Expectations on one notification; every field left out matches anything. */
export interface Expectation {
  readonly trigger?: string;
  readonly service?: string;
  readonly recipient?: string;
  /** A template the notification was rendered from. */
  readonly template?: string;
  /** Matchers on the rendered content: `message`, and block fields by service (`slack.attachments`). */
  readonly content?: FieldMatchers;
  /** Matchers on the request the service's provider prepares (`method`, `url`, `headers`, `body`). */
  readonly request?: FieldMatchers;
  readonly at: Position;
}

/** Matchers by field name; nested for blocks (`{ slack: { attachments: … } }`). */
export interface FieldMatchers {
  readonly [field: string]: Matcher | FieldMatchers;
}

/** One state of the resource and what must be sent then. */
export interface Step {
  /** `step 2` unless named. */
  readonly name: string;
  readonly index: number;
  /** The whole resource, or a JSON merge patch (RFC 7386) over the previous step's resource. */
  readonly resource?: Sourced;
  readonly patch?: { readonly value: unknown; readonly at: Position };
  /**
   * The Argo Rollouts way: the controller emitted the event of this trigger, which sends its first condition's
   * templates to the trigger's destinations, whatever its `when`, and records no state.
   */
  readonly event?: string;
  /** When the step happens, unix ms: `at:`, else the previous step's time plus `after:` (1 minute by default). */
  readonly at?: number;
  readonly after?: number;
  /** The notifications that must be sent (all of them, in any order); `[]` for none. Absent: not checked. */
  readonly expect?: readonly Expectation[];
  readonly position: Position;
}

/** A sequence of steps over one resource; the notified state carries from step to step. */
export interface Scenario {
  readonly name: string;
  /** The resource before the first step, when the first step patches it. */
  readonly resource?: Sourced;
  readonly steps: readonly Step[];
  readonly position: Position;
}

/** A parsed rule test file. */
export interface RuleFile {
  /** The file's path as given (for messages). */
  readonly path: string;
  readonly config: ConfigSource;
  /** The time of the first step, unix ms. */
  readonly now: number;
  /** The resource's variable name in conditions and templates (`app`, `cert`); `obj` by default. */
  readonly resourceName?: string;
  readonly vars?: Readonly<Record<string, unknown>>;
  readonly annotationPrefix?: string;
  readonly scenarios: readonly Scenario[];
}

/** A problem with a rule file: the file, where in it, and a sentence. */
export interface RuleFileError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The scenario and step it is about, when it is about one (`scenario "x", step 2 "ready"`). */
  readonly where?: string;
  readonly message: string;
}

/** Formats a rule-file error as `file:line:column: [where: ]message`. */
export function formatRuleFileError(e: RuleFileError): string {
  const at = e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ""}` : "";
  return `${e.file}${at}: ${e.where !== undefined ? `${e.where}: ` : ""}${e.message}`;
}
