/**
 * The `alertmanager:` template block: labels, annotations and the generator URL of one alert.
 * @module
 */
import type { BlockCheck, BlockSpec } from "../../lib/templates/mod.ts";
import { argoRepoURL } from "../fields.ts";

/** The Go engine refuses a block without labels, and names the alert after the template by default. */
function check(block: Readonly<Record<string, unknown>>, template: string): BlockCheck {
  const labels = Object.entries(block).find(([k]) => k.toLowerCase() === "labels")?.[1];
  if (typeof labels !== "object" || labels === null || Array.isArray(labels) || Object.keys(labels).length === 0) {
    return { error: "alertmanager.labels: at least one label pair required" };
  }
  return "alertname" in labels ? {} : { defaults: [{ path: ["labels", "alertname"], value: template }] };
}

/** Rewrites `git@host:org/repo` to `https://host/org/repo`, as the Go templater does. */
function gitToHttps(url: string): string {
  return url.startsWith("git@") ? `https://${url.slice(4).replace(":", "/")}` : url;
}

function finish(block: Readonly<Record<string, unknown>>, now: number): Readonly<Record<string, unknown>> {
  const url = block["generatorURL"];
  return {
    ...block,
    ...(typeof url === "string" ? { generatorURL: gitToHttps(url) } : {}),
    startsAt: new Date(now).toISOString(),
  };
}

/** The `alertmanager:` block. */
export const alertmanagerBlock: BlockSpec = {
  merge: "merge",
  check,
  finish,
  fields: {
    generatorURL: { kind: "text", omitEmpty: true, fallback: argoRepoURL },
    labels: { kind: "text-map", keepRawWhenEmpty: true },
    annotations: { kind: "text-map", keepRawWhenEmpty: true, emptyIsAbsent: true },
  },
};
