/**
 * The types a template renders to; re-exported by `mod.ts`, which is the contract other modules import.
 * @module
 */
import type { Limits } from "../limits.ts";

/**
 * Options of one render. `now` is unix milliseconds (sprig's `now`, Liquid's `"now" | date`, alertmanager's
 * `startsAt`).
 */
export interface RenderOptions {
  readonly now: number;
  /**
   * The service type of the destination (`slack`, `teams`, `webhook`, …), when the render is for one destination.
   * The Go engine parses a block's JSON fields only when it sends to that service, so a Slack `attachments` that is
   * not valid JSON fails Slack deliveries but not e-mail ones. With `service` set, JSON fields of other blocks that do
   * not parse are kept as their rendered text; without it, any such field fails the render.
   */
  readonly service?: string;
  /** The budget of the render; {@linkcode defaultLimits} when left out. */
  readonly limits?: Limits;
}

/**
 * What a template renders to: the message, and per service type the rendered block with its fields
 * (JSON-valued fields such as Slack `attachments` already parsed), e.g. `{ slack: { attachments: [...] } }`.
 */
export interface RenderedContent {
  readonly message: string;
  readonly blocks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}
