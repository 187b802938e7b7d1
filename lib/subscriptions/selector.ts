/**
 * Kubernetes label selectors (equality and set-based), parsed as `k8s.io/apimachinery/pkg/labels.Parse` does.
 * CONTRACT (owned by the subscriptions work): replace the stub bodies, keep the signatures.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";

/** One requirement: `key`, `key=v`, `key!=v`, `key in (a,b)`, `key notin (a)`, `!key`. */
export interface Requirement {
  readonly key: string;
  readonly operator: "=" | "==" | "!=" | "in" | "notin" | "exists" | "!";
  readonly values: readonly string[];
}

/** A parsed selector: all requirements must hold. Empty matches everything. */
export interface LabelSelector {
  readonly source: string;
  readonly requirements: readonly Requirement[];
}

/** Parses a selector string; an invalid one is an `InvalidSelector` diagnostic. */
export function parseSelector(source: string): Either<Diagnostic, LabelSelector> {
  return E.left({ _tag: "InvalidSelector", severity: "error", message: `not implemented: ${source}` });
}

/** Whether the labels satisfy every requirement. */
export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  void selector;
  void labels;
  return false;
}
