/**
 * Limits: the budget of every expression run and template render, and the bounds on the inputs the core reads.
 * Templates and conditions are written by admins and tenants and read values written by anyone who may edit a
 * resource, so each run counts its work inside the language (never with a timer) and fails with a `LimitExceeded`
 * diagnostic that names the limit, instead of hanging or crashing the process.
 * @module
 */

/** The bounds one evaluation works within. Every field has a safe default ({@linkcode defaultLimits}). */
export interface Limits {
  /** Work units one expression run may take: predicate iterations, calls, elements built, copied or compared, characters scanned (one per 16). */
  readonly exprSteps: number;
  /** Work units one template render may take: actions, range iterations, function calls, elements built or compared. */
  readonly templateSteps: number;
  /** Most elements a list (or entries a map) built by an expression or template function may have. */
  readonly maxListLength: number;
  /** Longest string (UTF-16 code units) an expression or template function may build. */
  readonly maxStringLength: number;
  /** Longest rendered template field (UTF-16 code units). */
  readonly maxOutputLength: number;
  /** Deepest nesting of a value walked, compared, printed or copied (the resource's own nesting included). */
  readonly maxValueDepth: number;
  /** Deepest nesting of template calls (`template`, `include`, `tpl`). */
  readonly maxTemplateDepth: number;
  /**
   * Most bytes (UTF-8) of the annotations the engine reads: the subscription annotations, names and values together,
   * and the notified state. More is refused unread (Kubernetes keeps at most 256 KiB of annotations per object, all
   * of them together).
   */
  readonly maxAnnotationBytes: number;
  /**
   * Most aliases (`*name`, merge keys' included) one YAML value may use — a ConfigMap value or the `subscriptions`
   * annotation — each counted once per copy: an alias inside an aliased node counts again for every alias of it.
   */
  readonly maxYamlAliases: number;
  /**
   * Most nodes (scalars, lists and maps) one YAML value may expand to, every alias counted as a copy of the node it
   * names: the bound on "billion laughs" expansion.
   */
  readonly maxYamlNodes: number;
  /**
   * Deepest nesting of lists and maps in one YAML value. The YAML reader recurses once per level: a thousand levels fit
   * a default stack; deeper than the host's stack allows, a value is refused as if over this limit.
   */
  readonly maxYamlDepth: number;
}

/**
 * The default limits: generous for every real configuration (the Argo CD and Argo Rollouts catalogs use a tiny
 * fraction), small enough that the worst a run can do takes well under a second and a few tens of MB.
 */
export const defaultLimits: Limits = Object.freeze({
  exprSteps: 1_000_000,
  templateSteps: 1_000_000,
  maxListLength: 100_000,
  maxStringLength: 1 << 20,
  maxOutputLength: 1 << 20,
  maxValueDepth: 100,
  maxTemplateDepth: 100,
  maxAnnotationBytes: 256 * 1024,
  maxYamlAliases: 100,
  maxYamlNodes: 1_000_000,
  maxYamlDepth: 100,
});

/**
 * The limits with some fields replaced; fields left out keep their defaults.
 * @param overrides the fields to change
 * @returns a frozen, complete set of limits
 * @throws RangeError when a field is not a positive integer
 */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const out = { ...defaultLimits };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(defaultLimits, name)) throw new RangeError(`Cannot set limit "${name}": there is no such limit`);
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`Cannot set limit "${name}": ${String(value)} is not a positive integer`);
    }
    (out as Record<string, number>)[name] = value;
  }
  return Object.freeze(out);
}

/** The message of a `LimitExceeded` diagnostic: which limit, its value, and what was about to pass it. */
export function limitMessage(limit: keyof Limits, value: number, what: string): string {
  return `limit exceeded: ${limit} (${value}): ${what}`;
}
