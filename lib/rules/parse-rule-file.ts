/**
 * Reads a rule test file (YAML) into a {@linkcode RuleFile}, reporting every schema problem at once with its line.
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { didYouMean } from "../suggest.ts";
import { parseDuration, parseRfc3339 } from "../values/mod.ts";
import { readYamlText, type YamlSource } from "./_yaml-source.ts";
import { compileMatcher, isMatcherSpec } from "./matcher.ts";
import type {
  ConfigSource,
  Expectation,
  FieldMatchers,
  Position,
  RuleFile,
  RuleFileError,
  Scenario,
  Sourced,
  Step,
} from "./rule-file.ts";

type Path = readonly (string | number)[];

interface Reader {
  readonly file: string;
  readonly yaml: YamlSource;
  readonly errors: RuleFileError[];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(r: Reader, path: Path, message: string, key = false): void {
  r.errors.push({ file: r.file, ...r.yaml.at(path, { key }), message });
}

function fields(
  r: Reader,
  value: unknown,
  path: Path,
  what: string,
  allowed: readonly string[],
): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) {
    fail(r, path, `${what} must be a map`);
    return {};
  }
  for (const k of Object.keys(value)) {
    if (allowed.includes(k)) continue;
    const hint = didYouMean(k, allowed);
    fail(r, [...path, k], `"${k}" is not a field of ${what}${hint !== undefined ? `; ${hint}` : ""}`, true);
  }
  return value;
}

function string(r: Reader, value: unknown, path: Path, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  fail(r, path, `${what} must be a string`);
  return undefined;
}

function stringMap(r: Reader, value: unknown, path: Path, what: string): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    fail(r, path, `${what} must be a map of strings`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string") out[k] = v;
    else fail(r, [...path, k], `${what} "${k}" must be a string (quote it, or use a "|" block)`);
  }
  return out;
}

function time(r: Reader, value: unknown, path: Path, what: string): number | undefined {
  const text = value instanceof Date ? value.toISOString() : string(r, value, path, what);
  if (text === undefined) return undefined;
  const t = parseRfc3339(text);
  if (t._tag === "Right") return t.right.sec * 1000 + Math.floor(t.right.nsec / 1e6);
  fail(r, path, `${what} must be an RFC 3339 time such as 2024-01-02T03:04:05Z: ${t.left}`);
  return undefined;
}

function sourced(r: Reader, value: unknown, path: Path, what: string): Sourced | undefined {
  if (value === undefined) return undefined;
  const at = r.yaml.at(path);
  if (typeof value === "string") return { _tag: "File", path: value, at };
  if (isRecord(value)) return { _tag: "Inline", value, at };
  fail(r, path, `${what} must be a map (written here) or a string (the path of a YAML file, relative to this file)`);
  return undefined;
}

function readConfig(r: Reader, value: unknown): ConfigSource {
  const c = fields(r, value, ["config"], "config", ["configMap", "secret", "data", "secretData"]);
  const configMap = sourced(r, c["configMap"], ["config", "configMap"], "config.configMap");
  const secret = sourced(r, c["secret"], ["config", "secret"], "config.secret");
  const data = stringMap(r, c["data"], ["config", "data"], "config.data key");
  if (isRecord(value) && configMap === undefined && c["data"] === undefined) {
    fail(r, ["config"], "config needs a configMap (a path or a map) or data (ConfigMap keys)");
  }
  return {
    ...(configMap !== undefined ? { configMap } : {}),
    ...(secret !== undefined ? { secret } : {}),
    data,
    secretData: stringMap(r, c["secretData"], ["config", "secretData"], "config.secretData key"),
    at: r.yaml.at(["config"]),
  };
}

function readMatchers(r: Reader, value: unknown, path: Path, what: string): FieldMatchers | undefined {
  if (!isRecord(value)) {
    fail(r, path, `${what} must be a map of fields to matchers`);
    return undefined;
  }
  const out: Record<string, FieldMatchers[string]> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isRecord(v) && !isMatcherSpec(v)) {
      const nested = readMatchers(r, v, [...path, k], `${what}.${k}`);
      if (nested !== undefined) out[k] = nested;
      continue;
    }
    const m = compileMatcher(v);
    if (m._tag === "Left") fail(r, [...path, k], `${what}.${k}: ${m.left}`);
    else out[k] = m.right;
  }
  return out;
}

const expectationFields = ["trigger", "service", "recipient", "template", "message", "content", "request"] as const;

function readExpectation(r: Reader, value: unknown, path: Path): Expectation {
  const e = fields(r, value, path, "an expectation", expectationFields);
  const out: { -readonly [K in keyof Expectation]: Expectation[K] } = { at: r.yaml.at(path) };
  for (const k of ["trigger", "service", "recipient", "template"] as const) {
    const s = string(r, e[k], [...path, k], k);
    if (s !== undefined) out[k] = s;
  }
  const content = e["content"] === undefined
    ? {}
    : readMatchers(r, e["content"], [...path, "content"], "content") ?? {};
  if (e["message"] !== undefined) {
    if (e["content"] !== undefined && isRecord(e["content"]) && "message" in e["content"]) {
      fail(r, [...path, "message"], "message is given twice (here and under content)", true);
    }
    const m = compileMatcher(e["message"]);
    if (m._tag === "Left") fail(r, [...path, "message"], `message: ${m.left}`);
    else out.content = { ...content, message: m.right };
  } else if (e["content"] !== undefined) out.content = content;
  if (e["request"] !== undefined) {
    const request = readMatchers(r, e["request"], [...path, "request"], "request");
    if (request !== undefined) out.request = request;
  }
  return out;
}

function readExpect(r: Reader, value: unknown, path: Path): readonly Expectation[] | undefined {
  if (value === undefined) return undefined;
  if (value === "none" || value === null) return [];
  if (!Array.isArray(value)) {
    fail(r, path, 'expect must be a list of expected notifications, or "none"');
    return undefined;
  }
  return value.map((e, i) => readExpectation(r, e, [...path, i]));
}

const stepFields = ["name", "resource", "patch", "event", "at", "after", "expect"] as const;

function readStep(r: Reader, value: unknown, path: Path, index: number): Step {
  const s = fields(r, value, path, "a step", stepFields);
  const resource = sourced(r, s["resource"], [...path, "resource"], "resource");
  if (resource !== undefined && s["patch"] !== undefined) {
    fail(r, [...path, "patch"], "a step has either a resource or a patch, not both", true);
  }
  let after: number | undefined;
  const afterText = string(r, s["after"], [...path, "after"], "after");
  if (afterText !== undefined) {
    const d = parseDuration(afterText);
    if (d._tag === "Left" || d.right.ns < 0) {
      fail(
        r,
        [...path, "after"],
        `after must be a duration such as 90s or 1h30m: ${d._tag === "Left" ? d.left : "it is negative"}`,
      );
    } else after = d.right.ns / 1e6;
  }
  if (after !== undefined && s["at"] !== undefined) {
    fail(r, [...path, "at"], "a step has either at or after, not both", true);
  }
  const at = time(r, s["at"], [...path, "at"], "at");
  const name = string(r, s["name"], [...path, "name"], "name");
  const event = string(r, s["event"], [...path, "event"], "event");
  const expect = readExpect(r, s["expect"], [...path, "expect"]);
  return {
    name: name ?? `step ${index + 1}`,
    index,
    ...(resource !== undefined ? { resource } : {}),
    ...(s["patch"] !== undefined ? { patch: { value: s["patch"], at: r.yaml.at([...path, "patch"]) } } : {}),
    ...(event !== undefined ? { event } : {}),
    ...(at !== undefined ? { at } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(expect !== undefined ? { expect } : {}),
    position: r.yaml.at(path),
  };
}

function readScenario(r: Reader, value: unknown, path: Path, index: number): Scenario {
  const s = fields(r, value, path, "a scenario", ["name", "resource", "steps"]);
  const resource = sourced(r, s["resource"], [...path, "resource"], "resource");
  const stepsValue = s["steps"];
  if (!Array.isArray(stepsValue) || stepsValue.length === 0) {
    fail(r, [...path, "steps"], "a scenario needs a non-empty list of steps");
  }
  const steps = Array.isArray(stepsValue) ? stepsValue.map((v, i) => readStep(r, v, [...path, "steps", i], i)) : [];
  if (isRecord(value) && steps.length > 0 && steps.every((st) => st.expect === undefined)) {
    fail(r, path, 'the scenario expects nothing: give at least one step an expect (a list, or "none")');
  }
  const first = steps[0];
  if (first !== undefined && first.resource === undefined && resource === undefined) {
    fail(r, [...path, "steps", 0], "the first step needs a resource: give the step or the scenario a resource");
  }
  return {
    name: string(r, s["name"], [...path, "name"], "name") ?? `scenario ${index + 1}`,
    ...(resource !== undefined ? { resource } : {}),
    steps,
    position: r.yaml.at(path),
  };
}

const topFields = ["config", "now", "resourceName", "vars", "annotationPrefix", "scenarios"] as const;

/**
 * Parses a rule test file.
 *
 * @param text the file's text (YAML)
 * @param file the file's path, for messages
 * @returns the rule file, or every problem found, each with its line
 * @example A file with a misspelt field
 * ```ts
 * import { parseRuleFile } from "./parse-rule-file.ts";
 * import { expect } from "expect";
 * const parsed = parseRuleFile("config: {data: {}}\nnow: 2024-01-02T03:04:05Z\nscenarios:\n- name: x\n  stepz: []\n", "x.yaml");
 * expect(parsed._tag).toBe("Left");
 * ```
 */
export function parseRuleFile(text: string, file: string): Either<readonly RuleFileError[], RuleFile> {
  const parsed = readYamlText(text);
  if (parsed._tag === "Invalid") {
    return E.left(parsed.errors.map((e) => ({ file, ...e, message: `not valid YAML: ${e.message}` })));
  }
  const [yaml, ...rest] = parsed.documents;
  if (yaml === undefined) return E.left([{ file, line: 1, column: 1, message: "the file is empty" }]);
  const r: Reader = { file, yaml, errors: [] };
  if (rest.length > 0) fail(r, [], "a rule file holds one YAML document");
  const top = fields(r, yaml.value, [], "a rule file", topFields);
  if (top["config"] === undefined && isRecord(yaml.value)) fail(r, [], "a rule file needs config");
  const config = readConfig(r, top["config"]);
  if (top["now"] === undefined && isRecord(yaml.value)) fail(r, [], "a rule file needs now (an RFC 3339 time)");
  const now = time(r, top["now"], ["now"], "now");
  const resourceName = string(r, top["resourceName"], ["resourceName"], "resourceName");
  const annotationPrefix = string(r, top["annotationPrefix"], ["annotationPrefix"], "annotationPrefix");
  if (top["vars"] !== undefined && !isRecord(top["vars"])) fail(r, ["vars"], "vars must be a map");
  const scenariosValue = top["scenarios"];
  if (!Array.isArray(scenariosValue) || scenariosValue.length === 0) {
    if (isRecord(yaml.value)) {
      fail(r, top["scenarios"] === undefined ? [] : ["scenarios"], "a rule file needs a non-empty list of scenarios");
    }
  }
  const scenarios = Array.isArray(scenariosValue)
    ? scenariosValue.map((s, i) => readScenario(r, s, ["scenarios", i], i))
    : [];
  if (r.errors.length > 0) return E.left(r.errors);
  return E.right({
    path: file,
    config,
    now: now ?? 0,
    ...(resourceName !== undefined ? { resourceName } : {}),
    ...(isRecord(top["vars"]) ? { vars: top["vars"] } : {}),
    ...(annotationPrefix !== undefined ? { annotationPrefix } : {}),
    scenarios,
  });
}

/** The positions of a file's referenced files, for the shell to read them. */
export function referencedFiles(rules: RuleFile): readonly { readonly path: string; readonly at: Position }[] {
  const out: { path: string; at: Position }[] = [];
  const add = (s: Sourced | undefined): void => {
    if (s?._tag === "File") out.push({ path: s.path, at: s.at });
  };
  add(rules.config.configMap);
  add(rules.config.secret);
  for (const scenario of rules.scenarios) {
    add(scenario.resource);
    for (const step of scenario.steps) add(step.resource);
  }
  return out;
}
