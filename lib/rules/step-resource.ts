/**
 * The resource of a rule test's step: the step's own, a merge patch over the previous step's, or the previous one
 * again; and the notified state carried into it as the controller carries it (in the resource's annotation).
 * @module
 */
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { notifiedAnnotationKey, type NotifiedState, writeNotifiedState } from "../state/mod.ts";
import { type LoadContext, loadSourced } from "./_load.ts";
import { mergePatch } from "./merge-patch.ts";
import type { Scenario, Step } from "./rule-file.ts";

type Resource = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Resource {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function annotationsOf(resource: Resource): Readonly<Record<string, string>> {
  const metadata = resource["metadata"];
  const annotations = isRecord(metadata) ? metadata["annotations"] : undefined;
  if (!isRecord(annotations)) return {};
  return Object.fromEntries(Object.entries(annotations).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function withAnnotations(resource: Resource, annotations: Readonly<Record<string, string>>): Resource {
  const metadata = isRecord(resource["metadata"]) ? resource["metadata"] : {};
  return { ...resource, metadata: { ...metadata, annotations } };
}

/**
 * Writes the state into the resource's notified annotation, as the controller patches it after a pass (the
 * annotation removed when the state is empty).
 * @param resource the resource of the step
 * @param state the state after the step
 * @param prefix the annotation prefix, when not the default
 * @returns the resource as the next step sees it
 */
export function carryState(resource: Resource, state: NotifiedState, prefix?: string): Resource {
  const options = prefix !== undefined ? { prefix } : {};
  const before = annotationsOf(resource);
  const key = notifiedAnnotationKey(options);
  if (Object.keys(state).length === 0 && !Object.hasOwn(before, key)) return resource;
  return withAnnotations(resource, writeNotifiedState(before, state, options));
}

/** What resolving a step's resource needs. */
export interface StepInput {
  readonly scenario: Scenario;
  readonly step: Step;
  /** The previous step's resource, with the state it left. */
  readonly previous: Resource | undefined;
  readonly annotationPrefix?: string | undefined;
}

/**
 * The resource a step evaluates.
 * - a `resource` replaces the previous one; it keeps the previous step's notified annotation unless it has its own;
 * - a `patch` is a JSON merge patch over the previous resource (or the scenario's `resource` for the first step);
 * - neither: the previous resource again (or the scenario's).
 * @param ctx the rule file and the texts it references
 * @param input the scenario, the step and the previous resource
 * @returns the resource, or why the step cannot run
 */
export function resolveStepResource(ctx: LoadContext, input: StepInput): Either<string, Resource> {
  const { scenario, step, previous } = input;
  const load = (s: NonNullable<Scenario["resource"]>): Either<string, Resource> => {
    const loaded = loadSourced(ctx, s, { what: "resource" });
    return loaded._tag === "Left"
      ? E.left(`line ${loaded.left.line ?? "?"}: ${loaded.left.message}`)
      : E.right(loaded.right);
  };
  let base: Either<string, Resource> | undefined = previous !== undefined ? E.right(previous) : undefined;
  if (base === undefined && scenario.resource !== undefined) base = load(scenario.resource);
  if (step.resource !== undefined) {
    const own = load(step.resource);
    if (own._tag === "Left" || previous === undefined) return own;
    const key = notifiedAnnotationKey(input.annotationPrefix !== undefined ? { prefix: input.annotationPrefix } : {});
    const carried = annotationsOf(previous)[key];
    const annotations = annotationsOf(own.right);
    if (carried === undefined || Object.hasOwn(annotations, key)) return own;
    return E.right(withAnnotations(own.right, { ...annotations, [key]: carried }));
  }
  if (base === undefined) return E.left("there is no resource: give the step or the scenario a resource");
  if (base._tag === "Left" || step.patch === undefined) return base;
  if (!isRecord(step.patch.value)) {
    return E.left(
      `line ${step.patch.at.line}: the patch does not apply: a patch is a map (a JSON merge patch over the previous resource), not ${
        Array.isArray(step.patch.value) ? "a list" : typeof step.patch.value
      }`,
    );
  }
  const patched = mergePatch(base.right, step.patch.value);
  if (!isRecord(patched)) {
    return E.left(`line ${step.patch.at.line}: the patch does not apply: the resource is no longer a map`);
  }
  const metadata = patched["metadata"];
  if (metadata !== undefined && !isRecord(metadata)) {
    return E.left(
      `line ${step.patch.at.line}: the patch does not apply: it makes metadata ${JSON.stringify(metadata)}, not a map`,
    );
  }
  return E.right(patched);
}
