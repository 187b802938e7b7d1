/**
 * The base URL setting of services the Go engine sends to a fixed public host (PagerDuty, Telegram): ours, so a
 * proxy or a test receiver can stand in for the host.
 * @module
 */
import type { SettingsDiagnostic } from "../lib/config/mod.ts";
import { settingProblem } from "./settings-decoder.ts";

/**
 * Reads a base URL setting: the default when absent, trailing slashes removed, an absolute http(s) URL required.
 * @param value the setting as written
 * @param fallback the default
 * @param key the setting's name, for the problem
 * @param problems where a problem goes
 * @returns the base URL without a trailing slash
 */
export function baseUrl(
  value: string | undefined,
  fallback: string,
  key: string,
  problems: SettingsDiagnostic[],
): string {
  const url = (value === undefined || value === "" ? fallback : value).replace(/\/+$/, "");
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new TypeError("not http");
  } catch {
    problems.push(settingProblem([key], `"${key}" is not an absolute http or https URL`));
  }
  return url;
}
