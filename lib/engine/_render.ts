/**
 * Rendering a list of templates for one destination, as a decision does: shared by `evaluate` and
 * `renderNotifications`.
 * @module
 */
import type { Config, Plan } from "../config/mod.ts";
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import type { Destination } from "../subscriptions/mod.ts";
import { mergeRendered, type RenderedContent } from "../templates/mod.ts";
import type { Outcome } from "./explanation.ts";

/** What rendering needs of a decision in progress. */
export interface RenderScope {
  readonly config: Config;
  readonly options: {
    readonly now: number;
    readonly vars?: Readonly<Record<string, unknown>> | undefined;
    readonly resourceName?: string | undefined;
  };
  /** The configuration's plan (its helpers). */
  readonly plan: Plan;
  /** The resource, as templates see it. */
  readonly resource: Readonly<Record<string, unknown>>;
  /** The variables of templates: the helpers, then the rest (there a host variable wins); made at the first render. */
  templateVars?: Readonly<Record<string, unknown>>;
}

/** Why a destination got no content: the template that failed and its diagnostic. */
interface RenderFailure {
  readonly _tag: "RenderFailure";
  readonly template: string;
  readonly error: Diagnostic;
}

/**
 * Renders templates for one destination and merges them.
 * @param scope The decision in progress.
 * @param send The templates, in order.
 * @param to The destination, its service's type, and the diagnostic key of what sends (`trigger.<name>`).
 * @returns The merged content, or the first failure (an unknown template is keyed `key`, a failed render
 *   `template.<name>`).
 */
function renderFor(
  scope: RenderScope,
  send: readonly string[],
  to: { readonly destination: Destination; readonly serviceType: string; readonly key: string },
): RenderedContent | RenderFailure {
  const { config, options } = scope;
  const vars = scope.templateVars ??= {
    ...scope.plan.helpersAt(options.now),
    context: config.context,
    ...options.vars,
    [options.resourceName ?? "obj"]: scope.resource,
  };
  const destinationVars = { ...vars, serviceType: to.destination.service, recipient: to.destination.recipient };
  const contents: RenderedContent[] = [];
  for (const name of send) {
    const template = config.templates.get(name);
    if (template === undefined) {
      const message = `the condition sends the template "${name}", which is not configured`;
      return { _tag: "RenderFailure", template: name, error: diagnostic("UnknownTemplate", message, { key: to.key }) };
    }
    const rendered = template.render(destinationVars, {
      now: options.now,
      service: to.serviceType,
      limits: config.limits,
    });
    if (rendered._tag === "Left") {
      return { _tag: "RenderFailure", template: name, error: { ...rendered.left, key: `template.${name}` } };
    }
    contents.push(rendered.right);
  }
  return mergeRendered(contents, config.blocks);
}

/** What a destination of a configured service renders to. */
export interface DestinationContent {
  readonly serviceType: string;
  readonly content: RenderedContent;
}

/**
 * Renders templates for one destination, as `evaluate` and `renderNotifications` both do: the service's type and the
 * merged content, or the outcome that says why there is none (its diagnostic pushed to `to.diagnostics`).
 * @param scope The decision in progress.
 * @param send The templates, in order.
 * @param to The destination, the diagnostic key of what sends (`trigger.<name>`), and the decision's diagnostics.
 * @returns The content, or a `ServiceNotConfigured` or `TemplateFailed` outcome.
 */
export function renderDestination(
  scope: RenderScope,
  send: readonly string[],
  to: { readonly destination: Destination; readonly key: string; readonly diagnostics: Diagnostic[] },
): DestinationContent | Outcome {
  const { destination, key } = to;
  const service = scope.config.services.get(destination.service);
  if (service === undefined) {
    to.diagnostics.push(diagnostic("UnknownService", `the service "${destination.service}" is not configured`, {
      key,
      hint: `add service.${destination.service} to the ConfigMap`,
    }));
    return { _tag: "ServiceNotConfigured", service: destination.service };
  }
  const content = renderFor(scope, send, { destination, serviceType: service.type, key });
  if (isRenderFailure(content)) {
    to.diagnostics.push(content.error);
    return { _tag: "TemplateFailed", template: content.template, error: content.error };
  }
  return { serviceType: service.type, content };
}

function isRenderFailure(r: RenderedContent | RenderFailure): r is RenderFailure {
  return (r as Partial<RenderFailure>)._tag === "RenderFailure";
}
