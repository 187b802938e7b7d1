/**
 * Field specs the providers' template blocks share, and the Argo CD defaults some Go templaters fall back to.
 * @module
 */
import type { FieldSpec } from "../lib/templates/mod.ts";

/** A templated string, always written (even empty). */
export const text: FieldSpec = { kind: "text" };
/** A templated string, written only when it renders to something. */
export const textOmitEmpty: FieldSpec = { kind: "text", omitEmpty: true };
/** A templated JSON list, parsed after rendering. */
export const jsonArray: FieldSpec = { kind: "text", parse: "json-array" };
/** A templated JSON list, parsed after rendering, written only when it renders to something. */
export const jsonArrayOmitEmpty: FieldSpec = { kind: "text", parse: "json-array", omitEmpty: true };

/** Argo CD's repository URL, the Go engine's default for GitHub's `repoURLPath` and Alertmanager's `generatorURL`. */
export const argoRepoURL: { readonly go: string; readonly liquid: string } = {
  go: "{{.app.spec.source.repoURL}}",
  liquid: "{{ app.spec.source.repoURL | default: '' }}",
};
/** Argo CD's synced revision, the Go engine's default for GitHub's `revisionPath` and New Relic's `revision`. */
export const argoRevision: { readonly go: string; readonly liquid: string } = {
  go: "{{.app.status.operationState.syncResult.revision}}",
  liquid: "{{ app.status.operationState.syncResult.revision | default: '' }}",
};
