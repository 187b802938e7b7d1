/**
 * The `--now` flag: an RFC 3339 time, or the clock.
 * @module
 */
import { parseRfc3339 } from "../../values/time.ts";
import type { CliIO } from "./cli-io.ts";

/**
 * Reads `--now`.
 * @param value the flag's value
 * @param io the clock, when the flag is absent
 * @returns unix milliseconds, or why the value is not a time
 */
export function parseNow(value: string | undefined, io: Pick<CliIO, "now">): number | string {
  if (value === undefined) return io.now();
  const t = parseRfc3339(value);
  return t._tag === "Right"
    ? t.right.sec * 1000 + Math.floor(t.right.nsec / 1e6)
    : `--now must be an RFC 3339 time such as 2024-01-02T03:04:05Z: ${t.left}`;
}
