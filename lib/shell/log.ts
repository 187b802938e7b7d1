/**
 * Structured JSON logs through pino, one object per line, with secrets redacted twice: by value (every value of the
 * Secrets in use, through the configuration's redactor, looked up at each line so a new Secret counts at once) and by
 * field name (`token`, `password`, `authorization`… anywhere in the fields, through pino's `redact`).
 * @module
 */
import { pino } from "pino";

/** Fields of a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A logger; `child` adds fields to every line. */
export interface Log {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Log;
}

/** Options of {@linkcode createLog}. */
export interface LogOptions {
  /** `debug`, `info` (default), `warn`, `error` or `silent`. */
  readonly level?: string;
  /** Where lines go (default standard output); each call gets one JSON line. */
  readonly write?: (line: string) => void;
  /** Redacts secret values from a text (the configuration's `redact`). */
  readonly redact?: (text: string) => string;
}

const secretFields = ["token", "password", "secret", "authorization", "apiKey", "apiToken", "webhookUrl"];
const redactPaths = [...secretFields, ...secretFields.map((f) => `*.${f}`), ...secretFields.map((f) => `*.*.${f}`)];

function redactDeep(value: unknown, redact: (text: string) => string, depth: number): unknown {
  if (typeof value === "string") return redact(value);
  if (depth > 8 || typeof value !== "object" || value === null) return value;
  if (value instanceof Error) return redact(value.message);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redact, depth + 1);
  return out;
}

function wrap(logger: pino.Logger, redact: (text: string) => string): Log {
  const at = (level: "debug" | "info" | "warn" | "error") => (message: string, fields?: LogFields): void => {
    if (!logger.isLevelEnabled(level)) return;
    if (fields === undefined) logger[level](redact(message));
    else logger[level](redactDeep(fields, redact, 0) as object, redact(message));
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => wrap(logger.child(redactDeep(fields, redact, 0) as pino.Bindings), redact),
  };
}

/**
 * Creates a logger writing JSON lines (`level`, `time`, `msg`, the fields).
 * @param options level, destination and value redaction
 * @returns the logger
 * @example Secret values and secret fields never reach a line
 * ```ts
 * import { createLog } from "./log.ts";
 * import { expect } from "expect";
 * const lines: string[] = [];
 * const log = createLog({ write: (l) => lines.push(l), redact: (t) => t.replaceAll("xoxb-1", "***") });
 * log.warn("slack refused xoxb-1", { settings: { token: "abc" } });
 * const line = JSON.parse(lines[0]!);
 * expect(line.msg).toBe("slack refused ***");
 * expect(line.settings.token).toBe("[Redacted]");
 * ```
 */
export function createLog(options: LogOptions = {}): Log {
  const write = options.write;
  const destination = write === undefined
    ? pino.destination({ sync: true })
    : { write: (line: string) => write(line.trimEnd()) };
  const logger = pino({ level: options.level ?? "info", redact: redactPaths, base: null }, destination);
  return wrap(logger, options.redact ?? ((text) => text));
}
