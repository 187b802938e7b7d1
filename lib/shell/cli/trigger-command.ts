/**
 * `notifications-engine trigger get` and `trigger run`, as `argocd admin notifications trigger` has them, and with
 * the explanation of what the engine would do.
 * @module
 */
import type { Trigger } from "../../config/mod.ts";
import { formatDiagnostic } from "../../diagnostics.ts";
import { evaluate, type ExplainedCondition, type ExplanationEntry } from "../../engine/mod.ts";
import { formatExplanation } from "../../rules/mod.ts";
import { show } from "../../rules/matcher.ts";
import { didYouMean } from "../../suggest.ts";
import type { CliIO } from "./cli-io.ts";
import { loadResource, resourceNameOf, type SourceFlags, startVerb } from "./config-input.ts";
import { serialize, textStyle } from "./output.ts";
import { parseNow } from "./parse-now.ts";

/** The flags of the `trigger` verbs. */
export type TriggerFlags = SourceFlags & {
  readonly output?: string | undefined;
  readonly as?: string | undefined;
  readonly now?: string | undefined;
};

function describeTrigger(t: Trigger): Record<string, unknown> {
  return {
    name: t.name,
    conditions: t.conditions.map((c) => ({
      key: c.key,
      when: c.when,
      ...(c.oncePer !== undefined ? { oncePer: c.oncePer } : {}),
      send: c.send,
      ...(c.description !== undefined ? { description: c.description } : {}),
    })),
  };
}

function unknown(kind: string, name: string, known: Iterable<string>): string {
  const hint = didYouMean(name, [...known]);
  return `the ${kind} "${name}" is not configured${hint !== undefined ? `; ${hint}` : ""}`;
}

function textTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd()).join(
    "\n",
  ) + "\n";
}

/**
 * `trigger get [name]`.
 * @param name the trigger to show; all when absent
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @returns the exit code
 */
export async function triggerGetCommand(name: string | undefined, flags: TriggerFlags, io: CliIO): Promise<number> {
  const started = await startVerb(flags, io, { verb: "trigger get" });
  if (typeof started === "number") return started;
  const { loaded, format } = started;
  const triggers = [...loaded.config.triggers.values()].filter((t) => name === undefined || t.name === name);
  if (name !== undefined && triggers.length === 0) {
    io.stderr(`trigger get: ${unknown("trigger", name, loaded.config.triggers.keys())}\n`);
    return 1;
  }
  if (format !== "text") {
    io.stdout(loaded.redact(serialize(triggers.map(describeTrigger), format)));
    return 0;
  }
  const rows = [["NAME", "TEMPLATES", "CONDITION"]];
  for (const t of triggers) {
    t.conditions.forEach((c, i) =>
      rows.push([i === 0 ? t.name : "", c.send.join(", "), c.when === "" ? "(none)" : c.when])
    );
    if (t.conditions.length === 0) rows.push([t.name, "", "(no conditions)"]);
  }
  io.stdout(loaded.redact(textTable(rows)));
  return 0;
}

/** Each condition of the trigger as the decision evaluated it (from its explanation), as data. */
function conditionsOf(trigger: Trigger, entries: readonly ExplanationEntry[]): Record<string, unknown>[] {
  const evaluated = new Map<number, ExplainedCondition>();
  for (const e of entries) if (e.condition !== undefined) evaluated.set(e.condition.index, e.condition);
  return trigger.conditions.map((c, index) => {
    const ran = evaluated.get(index);
    const result = ran === undefined
      ? { error: "not evaluated: the decision stopped before it" }
      : "value" in ran.result
      ? { result: ran.result.value }
      : { error: formatDiagnostic(ran.result.error) };
    const once = ran?.oncePerValue !== undefined
      ? { oncePerValue: ran.oncePerValue }
      : ran?.oncePerError !== undefined
      ? { oncePerError: formatDiagnostic(ran.oncePerError) }
      : {};
    return {
      index,
      key: c.key,
      when: c.when,
      ...result,
      ...(c.oncePer !== undefined ? { oncePer: c.oncePer, ...once } : {}),
      send: c.send,
    };
  });
}

/**
 * `trigger run <trigger> <resource>`.
 * @param args the trigger and the resource
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @returns the exit code: 0 ran (whatever the result), 1 unknown trigger or unreadable resource, 2 a usage error
 */
export async function triggerRunCommand(args: readonly string[], flags: TriggerFlags, io: CliIO): Promise<number> {
  if (args.length !== 2) {
    io.stderr("trigger run: give a trigger and a resource (see notifications-engine trigger --help)\n");
    return 2;
  }
  const [name, resourceArg] = args as [string, string];
  const now = parseNow(flags.now, io);
  if (typeof now === "string") {
    io.stderr(`trigger run: ${now}\n`);
    return 2;
  }
  const started = await startVerb(flags, io, { verb: "trigger run" });
  if (typeof started === "number") return started;
  const { loaded, format } = started;
  const { config } = loaded;
  const trigger = config.triggers.get(name);
  if (trigger === undefined) {
    io.stderr(`trigger run: ${unknown("trigger", name, config.triggers.keys())}\n`);
    return 1;
  }
  const resource = await loadResource(resourceArg, flags, io);
  if (typeof resource === "string") {
    io.stderr(`trigger run: ${resource}\n`);
    return 1;
  }
  const resourceName = resourceNameOf(resource, flags.as, config);
  // One pass: the decision's explanation holds each condition's result, subscribed or not.
  const { explanation } = evaluate(resource, config, { now, resourceName, explain: true });
  const entries = explanation.entries.filter((e) => e.trigger === name);
  const conditions = conditionsOf(trigger, entries);
  if (format !== "text") {
    const data = {
      trigger: name,
      resourceName,
      time: new Date(now).toISOString(),
      conditions,
      explanation: { ...explanation, entries },
    };
    io.stdout(loaded.redact(serialize(data, format)));
    return 0;
  }
  const style = textStyle(io);
  const lines = [`${style.bold(name)} on ${resourceName} at ${new Date(now).toISOString()}`];
  for (const c of conditions) {
    lines.push(`  [${String(c["index"])}] ${c["when"] === "" ? "(no when: false)" : String(c["when"])}`);
    lines.push(
      `      result: ${
        "error" in c
          ? style.red(`error: ${String(c["error"])}`)
          : c["result"] === true
          ? style.green("true")
          : show(c["result"], 120)
      }`,
    );
    if ("oncePer" in c) {
      const value = "oncePerValue" in c
        ? show(c["oncePerValue"])
        : "oncePerError" in c
        ? `error: ${String(c["oncePerError"])}`
        : "(not run: the condition is not true)";
      lines.push(`      oncePer ${String(c["oncePer"])}: ${value}`);
    }
    lines.push(`      send: ${(c["send"] as string[]).join(", ")}`);
  }
  lines.push("", "what the engine would do now (subscriptions and notified state from the resource):");
  lines.push(...formatExplanation({ ...explanation, entries }, { style }).map((l) => `  ${l}`));
  io.stdout(loaded.redact(`${lines.join("\n")}\n`));
  return 0;
}
