/**
 * The shape of a template document, service by service, as the Go engine's `GetTemplater` methods define it:
 * which fields are templates, which are literals, which are parsed after rendering, their defaults, and how a later
 * template of the same condition merges into an earlier one. Blocks are listed in the order the Go engine renders them.
 * @module
 */

/** How a templated string is used after rendering. */
export type ParseMode = "text" | "json-array" | "json" | "yaml-array";

/** A field of a block. */
export type FieldSpec =
  | {
    readonly kind: "text";
    /** Parsed after rendering; an empty rendering leaves the field out. */
    readonly parse?: ParseMode;
    /** Set only when the rendering is not empty (otherwise an earlier template's value stays). */
    readonly omitEmpty?: boolean;
    /** The template used when the field is absent or empty, per language. */
    readonly fallback?: { readonly go: string; readonly liquid: string };
    /** The key in the rendered block, when it differs from the document's (github `repoURLPath` → `repoURL`). */
    readonly as?: string;
  }
  | { readonly kind: "bool"; readonly fallback: boolean }
  | { readonly kind: "literal" }
  | { readonly kind: "delivery-policy" }
  | { readonly kind: "literal-list" }
  | { readonly kind: "text-list" }
  | {
    readonly kind: "text-map";
    /** A value that renders to "" keeps its template text (alertmanager, awssqs, gcppubsub). */
    readonly keepRawWhenEmpty?: boolean;
    /** A value that does not parse is kept verbatim (awssqs `messageAttributes`). */
    readonly keepUnparsable?: boolean;
    /** An empty map counts as absent (the Go code checks `len(...) > 0`). */
    readonly emptyIsAbsent?: boolean;
  }
  | { readonly kind: "object"; readonly fields: Fields }
  | { readonly kind: "object-list"; readonly fields: Fields };

/** The fields of a block or sub-object, in the order the Go engine renders them. */
export type Fields = Readonly<Record<string, FieldSpec>>;

/**
 * How a later template's block combines with an earlier one's (`send: [a, b]`):
 * - `replace`: the Go templater overwrites every field, so the later block replaces the earlier one;
 * - `merge`: field by field, fields the later template leaves out (empty `omitEmpty` fields, undefined maps) stay;
 * - `deep`: like `merge`, recursively (github: sub-blocks from earlier templates survive).
 */
export type MergeStrategy = "replace" | "merge" | "deep";

/** One service block of the template document. */
export interface BlockSpec {
  readonly fields: Fields;
  readonly merge: MergeStrategy;
  /** When set, the block maps names to objects with these fields (webhook: service name → request). */
  readonly entries?: Fields;
}

const text = { kind: "text" } as const;
const textOmitEmpty = { kind: "text", omitEmpty: true } as const;
const jsonArray = { kind: "text", parse: "json-array" } as const;
const jsonArrayOmitEmpty = { kind: "text", parse: "json-array", omitEmpty: true } as const;
/** Teams' fields; the Teams Workflows block has the same plus `adaptiveCard`. */
const teamsFields: Fields = {
  template: textOmitEmpty,
  title: textOmitEmpty,
  summary: textOmitEmpty,
  text: textOmitEmpty,
  themeColor: textOmitEmpty,
  facts: jsonArrayOmitEmpty,
  sections: jsonArrayOmitEmpty,
  potentialAction: jsonArrayOmitEmpty,
};
const argoRepoURL = { go: "{{.app.spec.source.repoURL}}", liquid: "{{ app.spec.source.repoURL | default: '' }}" };
const argoRevision = {
  go: "{{.app.status.operationState.syncResult.revision}}",
  liquid: "{{ app.status.operationState.syncResult.revision | default: '' }}",
};

/** Every service block, in the Go engine's render order. */
export const blockSpecs: Readonly<Record<string, BlockSpec>> = {
  awssqs: {
    merge: "merge",
    fields: {
      messageAttributes: { kind: "text-map", keepRawWhenEmpty: true, keepUnparsable: true, emptyIsAbsent: true },
      messageGroupId: textOmitEmpty,
    },
  },
  gcppubsub: {
    merge: "merge",
    fields: { attributes: { kind: "text-map", keepRawWhenEmpty: true, emptyIsAbsent: true } },
  },
  slack: {
    merge: "replace",
    fields: {
      username: text,
      icon: text,
      attachments: jsonArray,
      blocks: jsonArray,
      groupingKey: text,
      notifyBroadcast: { kind: "bool", fallback: false },
      deliveryPolicy: { kind: "delivery-policy" },
    },
  },
  mattermost: { merge: "replace", fields: { attachments: jsonArray } },
  rocketchat: { merge: "replace", fields: { attachments: jsonArray } },
  email: { merge: "merge", fields: { subject: textOmitEmpty, body: textOmitEmpty } },
  webhook: { merge: "merge", fields: {}, entries: { method: { kind: "literal" }, body: text, path: text } },
  opsgenie: {
    merge: "merge",
    fields: {
      description: text,
      alias: text,
      note: text,
      entity: text,
      user: text,
      priority: text,
      details: { kind: "text-map" },
      visibleTo: {
        kind: "object-list",
        fields: { id: text, type: text, name: text, username: text },
      },
      actions: { kind: "text-list" },
      tags: { kind: "text-list" },
    },
  },
  github: {
    merge: "deep",
    fields: {
      repoURLPath: { kind: "text", fallback: argoRepoURL, as: "repoURL" },
      revisionPath: { kind: "text", fallback: argoRevision, as: "revision" },
      status: { kind: "object", fields: { state: text, label: text, targetURL: text } },
      deployment: {
        kind: "object",
        fields: {
          state: text,
          environment: text,
          environmentURL: text,
          logURL: text,
          autoMerge: { kind: "bool", fallback: true },
          transientEnvironment: { kind: "bool", fallback: false },
          reference: text,
          requiredContexts: { kind: "literal-list" },
        },
      },
      pullRequestComment: { kind: "object", fields: { content: text, commentTag: { kind: "literal" } } },
      checkRun: {
        kind: "object",
        fields: {
          name: text,
          details_url: text,
          status: text,
          conclusion: text,
          started_at: text,
          completed_at: text,
          output: { kind: "object", fields: { title: text, summary: text, text } },
        },
      },
      repositoryDispatch: {
        kind: "object",
        fields: { event_type: text, client_payload: { kind: "text", parse: "json" } },
      },
    },
  },
  teams: { merge: "merge", fields: teamsFields },
  "teams-workflows": {
    merge: "merge",
    fields: { ...teamsFields, adaptiveCard: { kind: "text", parse: "json", omitEmpty: true } },
  },
  alertmanager: {
    merge: "merge",
    fields: {
      generatorURL: { kind: "text", omitEmpty: true, fallback: argoRepoURL },
      labels: { kind: "text-map", keepRawWhenEmpty: true },
      annotations: { kind: "text-map", keepRawWhenEmpty: true, emptyIsAbsent: true },
    },
  },
  googlechat: {
    merge: "merge",
    fields: {
      cards: { kind: "text", parse: "yaml-array", omitEmpty: true },
      cardsV2: { kind: "text", parse: "yaml-array", omitEmpty: true },
      threadKey: textOmitEmpty,
    },
  },
  pagerduty: { merge: "replace", fields: { title: text, body: text, urgency: text, priorityId: text } },
  pagerdutyv2: {
    merge: "replace",
    fields: {
      summary: text,
      severity: text,
      source: text,
      component: text,
      group: text,
      class: text,
      url: text,
      dedupKey: text,
    },
  },
  newrelic: {
    merge: "replace",
    fields: {
      revision: { kind: "text", fallback: argoRevision },
      changelog: {
        kind: "text",
        fallback: { go: "{{(call .repo.GetCommitMetadata .app.status.sync.revision).Message}}", liquid: "" },
      },
      description: text,
      user: {
        kind: "text",
        fallback: { go: "{{(call .repo.GetCommitMetadata .app.status.sync.revision).Author}}", liquid: "" },
      },
    },
  },
};
