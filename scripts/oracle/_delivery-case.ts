/**
 * A case of the delivery differential, as scripts/oracle/delivery/main.go reads it. Folder-private.
 * @module
 */

/** How the loopback receiver answers one request. */
export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** One case: see scripts/oracle/delivery/main.go for what each field does on the Go side. */
export interface Case {
  readonly name: string;
  readonly type: string;
  readonly service: string;
  readonly settings: string;
  readonly template: string;
  readonly vars: Record<string, unknown>;
  readonly recipient: string;
  readonly sends?: number;
  readonly replies?: readonly Reply[];
  readonly replyAlways?: Reply;
  readonly tsSettings?: string;
  /** How the loopback SMTP server answers the end of a message instead of accepting it. */
  readonly mailReply?: { readonly code: number; readonly message: string };
  readonly deviations?: readonly string[];
}
