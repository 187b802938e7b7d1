/**
 * The `notified.<prefix>` annotation: reading it, and writing it exactly as the Go engine's `Persist` does.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { NotifiedState } from "./notified-state.ts";
import { quoteGoJson } from "../go/mod.ts";
import { toWellFormed } from "../go/mod.ts";
import { compareGoStrings } from "../gofmt/mod.ts";
import { defaultLimits, limitMessage, type Limits } from "../limits.ts";
import { textExceedsBytes } from "../subscriptions/mod.ts";

// --- model

/** How many entries the Go engine keeps (`notifiedHistoryMaxSize`). */
export const notifiedHistoryMaxSize = 100;

/** Options for the annotation's name and size. */
export interface NotifiedAnnotationOptions {
  /** The annotation prefix, `notifications.argoproj.io` by default; the annotation is `notified.<prefix>`. */
  readonly prefix?: string;
  /** How many entries to keep when writing (the newest ones); 100 by default, as in the Go engine. */
  readonly maxEntries?: number;
  /** The largest annotation read (`maxAnnotationBytes`, 256 KiB by default). */
  readonly limits?: Pick<Limits, "maxAnnotationBytes">;
}

/** A decoded state and what was wrong with the annotation, if anything. */
export interface DecodedNotifiedState {
  readonly state: NotifiedState;
  readonly diagnostics: readonly Diagnostic[];
}

// --- api

/**
 * The name of the state annotation: `notified.<prefix>`.
 *
 * @param options The annotation prefix.
 * @returns `notified.notifications.argoproj.io` by default.
 */
export function notifiedAnnotationKey(
  options: Pick<NotifiedAnnotationOptions, "prefix"> = {},
): string {
  return `notified.${options.prefix ?? "notifications.argoproj.io"}`;
}

/**
 * Decodes the annotation's value as Go's `json.Unmarshal` into `map[string]int64` does. An absent or empty value is
 * the empty state; a value Go cannot decode (not an object, a value that is not an integer) is the empty state plus
 * an `InvalidState` warning, since the Go engine silently starts over in that case. A value larger than
 * `maxAnnotationBytes` (more than Kubernetes stores) is not read: the empty state plus a `LimitExceeded` warning.
 * The work is linear in the size of the value.
 *
 * @param value The annotation's value.
 * @param options The size limit.
 * @returns The state, and diagnostics.
 *
 * @example Round trip
 * ```ts
 * import { expect } from "expect";
 * import { decodeNotifiedState, encodeNotifiedState } from "./annotation.ts";
 *
 * const { state } = decodeNotifiedState('{"b:0:slack:x":2,"a:0:slack:x":1}');
 * expect(encodeNotifiedState(state)).toBe('{"a:0:slack:x":1,"b:0:slack:x":2}');
 * ```
 */
export function decodeNotifiedState(
  value: string | null | undefined,
  options: Pick<NotifiedAnnotationOptions, "limits"> = {},
): DecodedNotifiedState {
  if (value === undefined || value === null || value === "") {
    return { state: {}, diagnostics: [] };
  }
  const limits = options.limits ?? defaultLimits;
  if (textExceedsBytes(value, limits.maxAnnotationBytes)) {
    const what = "the notified state is larger, so it is treated as empty";
    return {
      state: {},
      diagnostics: [
        diagnostic("LimitExceeded", limitMessage("maxAnnotationBytes", limits.maxAnnotationBytes, what), {
          severity: "warning",
          hint: "every notification it recorded may be sent again",
        }),
      ],
    };
  }
  const fail = (why: string): DecodedNotifiedState => ({
    state: {},
    diagnostics: [
      diagnostic(
        "InvalidState",
        `the notified state cannot be read (${why}); it is treated as empty`,
        {
          severity: "warning",
          hint: "every notification it recorded may be sent again",
        },
      ),
    ],
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail("it is not JSON");
  }
  if (parsed === null) return { state: {}, diagnostics: [] };
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    return fail("it is not a JSON object");
  }
  const entries = Object.entries(parsed);
  for (const [key, v] of entries) {
    if (v !== null && typeof v !== "number") {
      return fail(`the value of "${key}" is not a number`);
    }
    if (typeof v === "number" && !Number.isSafeInteger(v)) {
      return fail(`the value of "${key}" is not an integer`);
    }
  }
  if (!numbersAreIntegers(value)) return fail("a value is not an integer");
  // Go decodes `null` into an int64 map entry as 0.
  return {
    state: Object.fromEntries(
      entries.map(([k, v]) => [toWellFormed(k), v ?? 0]),
    ),
    diagnostics: [],
  };
}

/**
 * Encodes the state byte for byte like Go's `json.Marshal` of a `map[string]int64`: keys sorted by their UTF-8
 * bytes, no spaces, `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026`. It does not truncate (see
 * {@linkcode truncateNotifiedState}).
 *
 * @param state The state; values must be integers.
 * @returns The annotation's value, `{}` for the empty state.
 */
export function encodeNotifiedState(state: NotifiedState): string {
  const entries = Object.entries(state).sort(([a], [b]) => compareGoStrings(a, b));
  return `{${entries.map(([k, v]) => `${quoteGoJson(k)}:${formatInt(v, k)}`).join(",")}}`;
}

/**
 * Keeps the `maxEntries` newest entries, dropping the oldest timestamps first, as the Go engine does before writing.
 * Among equal timestamps the Go engine drops in random order; here the smaller key (in byte order) goes first.
 *
 * @param state The state (not modified).
 * @param maxEntries How many entries to keep; 100 by default.
 * @returns The same object when nothing is dropped, else a new state.
 */
export function truncateNotifiedState(
  state: NotifiedState,
  maxEntries: number = notifiedHistoryMaxSize,
): NotifiedState {
  if (fewerKeys(state, maxEntries)) return state;
  const entries = Object.entries(state);
  const excess = entries.length - Math.max(0, maxEntries);
  if (excess <= 0) return state;
  const oldestFirst = [...entries].sort(([ka, a], [kb, b]) => a - b || compareGoStrings(ka, kb));
  const dropped = new Set(oldestFirst.slice(0, excess).map(([k]) => k));
  return Object.fromEntries(entries.filter(([k]) => !dropped.has(k)));
}

/**
 * Reads the state from a resource's annotations.
 *
 * @param annotations The resource's `metadata.annotations`.
 * @param options The annotation prefix and the size limit.
 * @returns The state (empty when the annotation is absent, unreadable or too large) and diagnostics naming it.
 */
export function readNotifiedState(
  annotations: Readonly<Record<string, unknown>> | null | undefined,
  options: NotifiedAnnotationOptions = {},
): DecodedNotifiedState {
  const key = notifiedAnnotationKey(options);
  const value = annotations !== null && annotations !== undefined &&
      Object.hasOwn(annotations, key)
    ? annotations[key]
    : undefined;
  if (value !== undefined && typeof value !== "string") {
    return {
      state: {},
      diagnostics: [
        diagnostic(
          "InvalidState",
          "the notified state is not a string; it is treated as empty",
          { key, severity: "warning" },
        ),
      ],
    };
  }
  const decoded = decodeNotifiedState(value, options);
  return {
    state: decoded.state,
    diagnostics: decoded.diagnostics.map((d) => ({ ...d, key })),
  };
}

/**
 * Writes the state into a copy of the annotations, as the Go engine's `Persist` does: truncated to the newest
 * entries, encoded like Go, and the annotation removed when the state is empty.
 *
 * @param annotations The resource's current annotations (not modified).
 * @param state The state to write.
 * @param options The annotation prefix and the number of entries kept.
 * @returns The new annotations.
 *
 * @example Empty state removes the annotation
 * ```ts
 * import { expect } from "expect";
 * import { writeNotifiedState } from "./annotation.ts";
 *
 * expect(writeNotifiedState({ "notified.notifications.argoproj.io": "{}", a: "b" }, {})).toEqual({ a: "b" });
 * ```
 */
export function writeNotifiedState(
  annotations: Readonly<Record<string, string>> | null | undefined,
  state: NotifiedState,
  options: NotifiedAnnotationOptions = {},
): Readonly<Record<string, string>> {
  const key = notifiedAnnotationKey(options);
  const kept = truncateNotifiedState(state, options.maxEntries);
  const others = Object.entries(annotations ?? {}).filter(([k]) => k !== key);
  return Object.fromEntries(
    Object.keys(kept).length === 0 ? others : [...others, [key, encodeNotifiedState(kept)]],
  );
}

// --- utils

/** Whether `state` has at most `max` own keys, counted without building the list of entries. */
function fewerKeys(state: NotifiedState, max: number): boolean {
  let n = 0;
  for (const k in state) if (Object.hasOwn(state, k) && ++n > max) return false;
  return true;
}

function formatInt(v: number, key: string): string {
  if (!Number.isInteger(v)) {
    throw new RangeError(
      `Cannot encode notified state: the value of "${key}" is not an integer: ${v}`,
    );
  }
  return Number.isSafeInteger(v) ? String(v + 0) : BigInt(v).toString();
}

/**
 * Whether every number in a JSON text (already known to be valid JSON) is written as an integer, as Go needs to
 * decode it into an `int64`: no fraction and no exponent.
 */
function numbersAreIntegers(json: string): boolean {
  for (const m of json.matchAll(tokens)) {
    if (m[1] !== undefined && !integer.test(m[1])) return false;
  }
  return true;
}

/** A JSON string (skipped) or a number (captured). */
const tokens = /"(?:[^"\\]|\\.)*"|(-?[0-9][-+.eE0-9]*)/g;
const integer = /^-?(0|[1-9][0-9]*)$/;
