/**
 * `notifications-engine template get` and `template notify`, as `argocd admin notifications template` has them:
 * `notify` renders through the core's `renderNotifications` (the rendering of `evaluate`) and the provider's
 * `prepare`, and prints the exact request.
 * @module
 */
import { parse } from "yaml";
import { formatDiagnostic } from "../../diagnostics.ts";
import { type Notification, renderNotifications } from "../../engine/mod.ts";
import type { Either } from "../../fp.ts";
import type { Destination } from "../../subscriptions/mod.ts";
import { didYouMean } from "../../suggest.ts";
import { deliver } from "../deliver.ts";
import type { CliIO } from "./cli-io.ts";
import { loadResource, resourceNameOf, type SourceFlags, startVerb } from "./config-input.ts";
import { serialize, textStyle } from "./output.ts";
import { parseNow } from "./parse-now.ts";
import { prepareRequest, type RequestView } from "./prepare-request.ts";

/** The flags of the `template` verbs. */
export type TemplateFlags = SourceFlags & {
  readonly output?: string | undefined;
  readonly as?: string | undefined;
  readonly now?: string | undefined;
  readonly recipient?: readonly string[] | undefined;
  readonly send?: boolean | undefined;
};

function messagePreview(source: string | undefined): string {
  try {
    const doc = parse(source ?? "") as { message?: unknown } | null;
    const message = typeof doc?.message === "string" ? doc.message.trim().split("\n")[0] ?? "" : "";
    return message.length > 80 ? `${message.slice(0, 80)}…` : message;
  } catch {
    return "";
  }
}

/**
 * `template get [name]`.
 * @param name the template to show; all when absent
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @returns the exit code
 */
export async function templateGetCommand(name: string | undefined, flags: TemplateFlags, io: CliIO): Promise<number> {
  const started = await startVerb(flags, io, { verb: "template get" });
  if (typeof started === "number") return started;
  const { loaded, format } = started;
  const templates = [...loaded.config.templates.values()].filter((t) => name === undefined || t.name === name);
  if (name !== undefined && templates.length === 0) {
    const hint = didYouMean(name, [...loaded.config.templates.keys()]);
    io.stderr(`template get: the template "${name}" is not configured${hint !== undefined ? `; ${hint}` : ""}\n`);
    return 1;
  }
  const rows = templates.map((t) => ({
    name: t.name,
    language: t.language,
    source: loaded.data[`template.${t.name}`] ?? "",
  }));
  if (format !== "text") {
    io.stdout(loaded.redact(serialize(rows, format)));
    return 0;
  }
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  const lines = [
    `${"NAME".padEnd(width)}  LANG    PREVIEW`,
    ...rows.map((r) => `${r.name.padEnd(width)}  ${r.language.padEnd(6)}  ${messagePreview(r.source)}`),
  ];
  io.stdout(loaded.redact(`${lines.join("\n")}\n`));
  return 0;
}

function parseRecipients(values: readonly string[] | undefined): Destination[] | string {
  const out: Destination[] = [];
  for (const v of values ?? ["console:stdout"]) {
    const colon = v.indexOf(":");
    if (colon <= 0) return `--recipient must be service:recipient (e.g. slack:my-channel), not "${v}"`;
    out.push({ service: v.slice(0, colon), recipient: v.slice(colon + 1) });
  }
  return out;
}

function requestText(r: RequestView): string {
  const headers = (h: Readonly<Record<string, string>>): string =>
    Object.entries(h).map(([k, v]) => `${k}: ${v}\n`).join("");
  switch (r.kind) {
    case "print":
      return r.text.endsWith("\n") ? r.text : `${r.text}\n`;
    case "http":
      return `${r.method} ${r.url}\n${headers(r.headers)}${r.body !== undefined ? `\n${r.body}\n` : ""}`;
    case "any-of":
      return r.requests.map((q, i) => `(${i + 1} of ${r.requests.length}, the first that succeeds)\n${requestText(q)}`)
        .join("\n");
    case "smtp": {
      const m = r.message;
      return `SMTP ${r.server.host}:${r.server.port}${r.server.secure ? " (TLS)" : ""}\nFrom: ${m.from}\nTo: ${
        m.to.join(", ")
      }\nSubject: ${m.subject}\n\n${m.body}\n`;
    }
    case "nats":
      return `NATS ${r.servers.join(", ")} subject ${r.subject}\n${headers(r.headers)}\n${r.data}\n`;
  }
}

/**
 * `template notify <template> <resource>`.
 * @param args the template and the resource
 * @param flags the parsed flags
 * @param io the CLI's capabilities
 * @returns the exit code: 0 every recipient rendered (and, with `--send`, delivered), 1 otherwise, 2 a usage error
 */
export async function templateNotifyCommand(args: readonly string[], flags: TemplateFlags, io: CliIO): Promise<number> {
  if (args.length !== 2) {
    io.stderr("template notify: give a template and a resource (see notifications-engine template --help)\n");
    return 2;
  }
  const [template, resourceArg] = args as [string, string];
  const to = parseRecipients(flags.recipient);
  const now = parseNow(flags.now, io);
  if (typeof to === "string" || typeof now === "string") {
    io.stderr(`template notify: ${typeof to === "string" ? to : now}\n`);
    return 2;
  }
  const started = await startVerb(flags, io, { verb: "template notify", console: true });
  if (typeof started === "number") return started;
  const { loaded, format } = started;
  const { config, redact } = loaded;
  if (!config.templates.has(template)) {
    const hint = didYouMean(template, [...config.templates.keys()]);
    io.stderr(
      `template notify: the template "${template}" is not configured${hint !== undefined ? `; ${hint}` : ""}\n`,
    );
    return 1;
  }
  const resource = await loadResource(resourceArg, flags, io);
  if (typeof resource === "string") {
    io.stderr(`template notify: ${resource}\n`);
    return 1;
  }
  const decision = renderNotifications(resource, config, {
    now,
    trigger: "template-notify",
    send: [template],
    to,
    resourceName: resourceNameOf(resource, flags.as, config),
  });
  const results = [];
  let ok = decision.notifications.length === to.length;
  for (const n of decision.notifications) {
    const service = config.services.get(n.destination.service)!;
    const request = prepareRequest(n, service, now);
    const outcome = flags.send === true ? await deliver(n, config, io.delivery()) : undefined;
    if (request._tag === "Left" || outcome?._tag === "Failed") ok = false;
    results.push({ n, request, outcome });
  }
  const problems = decision.diagnostics.map(formatDiagnostic);
  if (format !== "text") {
    const data = {
      template,
      notifications: results.map(({ n, request, outcome }) => ({
        destination: n.destination,
        content: n.content,
        ...(request._tag === "Right" ? { request: request.right } : { error: request.left }),
        ...(outcome !== undefined ? { outcome } : {}),
      })),
      diagnostics: problems,
    };
    io.stdout(redact(serialize(data, format)));
    return ok ? 0 : 1;
  }
  const style = textStyle(io);
  for (const { n, request, outcome } of results) io.stdout(redact(notifyText(n, request, outcome, style)));
  for (const p of problems) io.stderr(redact(`${style.red("error")}: ${p}\n`));
  return ok ? 0 : 1;
}

function notifyText(
  n: Notification,
  request: Either<string, RequestView>,
  outcome: Awaited<ReturnType<typeof deliver>> | undefined,
  style: ReturnType<typeof textStyle>,
): string {
  const head = style.bold(`→ ${n.destination.service}:${n.destination.recipient}`);
  const body = request._tag === "Right"
    ? requestText(request.right)
    : `${style.red("cannot prepare")}: ${request.left}\n`;
  const sent = outcome === undefined
    ? ""
    : outcome._tag === "Delivered"
    ? `${style.green("delivered")} (HTTP ${outcome.status}, ${outcome.attempts} attempt(s))\n`
    : `${style.red("failed")}: ${outcome.cause}\n`;
  return `${head}\n${body}${sent}\n`;
}
