/**
 * Matchers on rendered fields: `exact`, `contains`, `regex` (RE2 syntax, Go's `regexp`: linear time, so a pattern in
 * a rule file cannot hang the run) and `json` (a subset: every key written must be there with that value; lists
 * element by element, same length).
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { compileGoRegexp, type GoRegexp } from "../go/mod.ts";

/** A matcher on one field. */
export type Matcher =
  | { readonly _tag: "Exact"; readonly value: unknown }
  | { readonly _tag: "Contains"; readonly text: string }
  | { readonly _tag: "Regex"; readonly source: string; readonly regexp: GoRegexp }
  | { readonly _tag: "Json"; readonly subset: unknown };

/** The keys that make a map a matcher (`{ contains: "ready" }`). */
export const matcherKeys: readonly string[] = ["exact", "contains", "regex", "json"];

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a written value is a matcher: a map with exactly one of {@linkcode matcherKeys}. */
export function isMatcherSpec(value: unknown): value is Readonly<Record<string, unknown>> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && matcherKeys.includes(keys[0]!);
}

/**
 * Reads a matcher as written: a scalar or a list is `exact`; a map with one matcher key is that matcher.
 * @param value the written value
 * @returns the matcher, or why it is not one
 */
export function compileMatcher(value: unknown): Either<string, Matcher> {
  if (!isMatcherSpec(value)) return E.right({ _tag: "Exact", value });
  const [[kind, arg]] = Object.entries(value) as [[string, unknown]];
  switch (kind) {
    case "contains":
      return typeof arg === "string" ? E.right({ _tag: "Contains", text: arg }) : E.left("contains: takes a string");
    case "regex": {
      if (typeof arg !== "string") return E.left("regex: takes a string (RE2 syntax)");
      const re = compileGoRegexp(arg);
      return re._tag === "Left"
        ? E.left(`regex: ${re.left}`)
        : E.right({ _tag: "Regex", source: arg, regexp: re.right });
    }
    case "json":
      return E.right({ _tag: "Json", subset: arg });
    default:
      return E.right({ _tag: "Exact", value: arg });
  }
}

/** Shows a value in one line, shortened past `max` characters. */
export function show(value: unknown, max = 200): string {
  const text = value === undefined ? "(absent)" : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function asText(actual: unknown): string | undefined {
  if (typeof actual === "string") return actual;
  if (actual === undefined) return undefined;
  return JSON.stringify(actual);
}

/**
 * Runs a matcher on a field's value.
 * @param matcher the matcher
 * @param actual the field's value (`undefined` when the field is absent)
 * @returns `undefined` when it matches, else what differs, in a sentence
 */
export function runMatcher(matcher: Matcher, actual: unknown): string | undefined {
  switch (matcher._tag) {
    case "Exact":
      if (deepEqual(matcher.value, actual)) return undefined;
      if (
        typeof matcher.value === "string" && typeof actual === "string" && `${matcher.value}${actual}`.includes("\n")
      ) {
        return `differs (- expected, + got):\n${lineDiff(matcher.value, actual).join("\n")}`;
      }
      return `expected ${show(matcher.value)}, got ${show(actual)}`;
    case "Contains": {
      const text = asText(actual);
      return text !== undefined && text.includes(matcher.text)
        ? undefined
        : `expected it to contain ${show(matcher.text)}, got ${show(actual)}`;
    }
    case "Regex": {
      const text = asText(actual);
      let matched = false;
      try {
        matched = text !== undefined && matcher.regexp.matchString(text);
      } catch (e) {
        return `regex ${show(matcher.source)} could not run: ${e instanceof Error ? e.message : String(e)}`;
      }
      return matched ? undefined : `expected it to match the regex ${show(matcher.source)}, got ${show(actual)}`;
    }
    case "Json": {
      let value = actual;
      if (typeof actual === "string") {
        try {
          value = JSON.parse(actual);
        } catch {
          return `expected JSON, got ${show(actual)}`;
        }
      }
      const diff = subsetDiff(matcher.subset, value, "");
      return diff === undefined ? undefined : `JSON differs at ${diff}`;
    }
  }
}

/** Describes a matcher for a failure message (`contains "ready"`). */
export function describeMatcher(matcher: Matcher): string {
  switch (matcher._tag) {
    case "Exact":
      return show(matcher.value);
    case "Contains":
      return `contains ${show(matcher.text)}`;
    case "Regex":
      return `matches ${show(matcher.source)}`;
    case "Json":
      return `JSON ⊇ ${show(matcher.subset)}`;
  }
}

/** Whether two JSON-like values are equal (maps by keys, lists in order). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a)) {
    if (!isRecord(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The first place where `actual` does not contain `expected`, as `path: expected x, got y`; else `undefined`. */
function subsetDiff(expected: unknown, actual: unknown, path: string): string | undefined {
  const here = path === "" ? "the top" : path;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${here}: expected a list of ${expected.length}, got ${show(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = subsetDiff(expected[i], actual[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return `${here}: expected a map, got ${show(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const d = subsetDiff(v, Object.hasOwn(actual, k) ? actual[k] : undefined, path === "" ? k : `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return deepEqual(expected, actual) ? undefined : `${here}: expected ${show(expected)}, got ${show(actual)}`;
}

/**
 * A line diff of two texts: common lines prefixed `  `, removed `- `, added `+ ` (longest common subsequence; texts
 * of more than 500 lines are compared as wholes).
 * @param expected the expected text
 * @param actual the actual text
 * @returns the diff's lines
 */
export function lineDiff(expected: string, actual: string): readonly string[] {
  const a = expected.split("\n");
  const b = actual.split("\n");
  if (a.length > 500 || b.length > 500) return [`- ${show(expected)}`, `+ ${show(actual)}`];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i++]}`);
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out;
}
