/**
 * The Liquid dialect, through liquidjs: templates parsed once, rendered with `renderSync` from memory (no file system:
 * `include`/`render` find nothing), with `ownPropertyOnly` (no prototype or constructor access), unknown filters
 * rejected at parse time, UTC dates, and the render's clock instead of the machine's for `"now" | date`.
 *
 * Variables are not strict: a missing one renders as empty and loops over it run zero times, as Go's `range` does
 * over a missing key. Resources often lack optional fields (`status.conditions`, `operationState` before the first
 * sync), and a notification that fails on them is worse than one with an empty value.
 *
 * No way from a value to code: liquidjs reads own properties only (`ownPropertyOnly`), and it calls a function it
 * finds as a property. Each render gets its own scope object (so `{% increment %}`, which writes to the scope, never
 * changes the caller's variables), in which a top-level function and the functions of a helper namespace (a
 * null-prototype table such as `time` or `strings`) are getters: `{{ time.Now }}` calls `Now()`, and no function is
 * ever a value a template can enumerate, print (its source) or read a property of.
 *
 * The budget (`options.limits`, {@linkcode defaultLimits} when left out), as liquidjs can enforce it:
 * - `templateSteps` is liquidjs's `memoryLimit`, one count per render of the elements and characters its tags and
 *   filters allocate (ranges, `join`, `split`, `concat`, `map`, `sort`…), to which every template node rendered (a
 *   tag, an output, each loop iteration's body) adds a few; that count also bounds every single string and list, so
 *   `maxStringLength` and `maxListLength` hold within it;
 * - `maxOutputLength` is checked as the output grows and once more at the end;
 * - liquidjs's `renderLimit` is a wall-clock timer (not used: the core reads no clock), and its `templateLimit` is
 *   declared but not enforced by liquidjs 10.30; `parseLimit` bounds the template source, at 1 MiB (a ConfigMap's
 *   size); Liquid has no template calls (`maxTemplateDepth`) and builds no nested values; when liquidjs runs out of
 *   stack printing data nested deeper than `maxValueDepth`, the failure is that limit's.
 *
 * Speed: liquidjs evaluates through generators (`toValueSync` drives them), which is where its time goes; measured on
 * the catalog twin, its options (`ownPropertyOnly`, `memoryLimit`, per-render options) and the per-field `renderSync`
 * call (about 1 µs of a 30 µs field) make no measurable difference, so each field keeps its own render.
 * @module
 */
import { type Context, type Emitter, type FilterImplOptions, Liquid, type Template } from "liquidjs";
import { type Diagnostic, diagnostic } from "../diagnostics.ts";
import { E, type Either } from "../fp.ts";
import { defaultLimits, limitMessage, type Limits } from "../limits.ts";
import { measureValue } from "../values/mod.ts";
import type { TextCompiler, TextRenderOptions, TextTemplate } from "../templates/mod.ts";

const nowKey: unique symbol = Symbol("now");
const limitsKey: unique symbol = Symbol("limits");
const dateFilters = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"];

/** The longest template source liquidjs parses (`parseLimit`): what a ConfigMap can hold. */
const maxSourceLength = 1 << 20;
/**
 * The steps one template node rendered counts: rendering a node takes liquidjs about as long as Go's executor takes
 * for 8 of its steps (measured on loops of outputs, conditions and empty bodies), so a used-up budget takes about as
 * long in both languages (a few hundred milliseconds with the default limits).
 */
const stepsPerNode = 8;
/** What liquidjs's `memoryLimit` says when it is used up. */
const memoryLimitMessage = "memory alloc limit exceeded";

interface Globals {
  readonly [nowKey]?: number;
  readonly [limitsKey]?: Limits;
}

interface FilterThis {
  readonly context: { readonly globals: unknown };
}

/** The output limit, passed: thrown from inside the render, turned into a `LimitExceeded` diagnostic. */
class OutputLimit extends Error {}

function withRenderClock(base: FilterImplOptions): FilterImplOptions {
  const handler = typeof base === "function" ? base : base.handler;
  return function (this: FilterThis, value: unknown, ...args: unknown[]): unknown {
    const now = (this.context.globals as Globals)[nowKey];
    const v = (value === "now" || value === "today") && now !== undefined ? now / 1000 : value;
    return (handler as (this: FilterThis, ...a: unknown[]) => unknown).call(this, v, ...args);
  };
}

/**
 * Counts every template node rendered against the render's work budget (liquidjs's `memoryLimit`), and checks the
 * output's length as it grows. All rendering of a template's nodes (tags, outputs, loop bodies) goes through
 * `renderTemplates`; liquidjs has no per-node count of its own to use.
 */
function countRenders(engine: Liquid): void {
  const renderer = engine.renderer;
  const renderTemplates = renderer.renderTemplates;
  renderer.renderTemplates = function (
    templates: Template[],
    ctx: Context,
    emitter?: Emitter,
  ): IterableIterator<unknown> {
    ctx.memoryLimit.use(stepsPerNode * (templates.length + 1));
    const limits = (ctx.globals as Globals)[limitsKey];
    if (emitter !== undefined && limits !== undefined && emitter.buffer.length > limits.maxOutputLength) {
      throw new OutputLimit();
    }
    return renderTemplates.call(this, templates, ctx, emitter);
  };
}

/**
 * Creates the liquidjs engine one template document compiles with. Each document gets its own engine, so no
 * registry is shared or mutated across documents.
 */
export function createLiquidEngine(): Liquid {
  const engine = new Liquid({
    templates: {},
    ownPropertyOnly: true,
    strictVariables: false,
    strictFilters: true,
    timezoneOffset: 0,
    parseLimit: maxSourceLength,
  });
  for (const name of dateFilters) {
    const base = engine.filters[name];
    if (base !== undefined) engine.registerFilter(name, withRenderClock(base));
  }
  countRenders(engine);
  return engine;
}

/** A null-prototype table (a helper namespace) seen with its functions as getters, built when first read. */
function namespaceView(table: object): object {
  const view: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(table)) {
    const v: unknown = (table as Record<string, unknown>)[key];
    if (typeof v === "function") {
      Object.defineProperty(view, key, { get: () => (v as () => unknown)(), enumerable: true });
    } else Object.defineProperty(view, key, { value: v, enumerable: true });
  }
  return view;
}

/** The scope of one render: the variables, with functions out of reach as values (see the module doc). */
function renderScope(vars: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(vars)) {
    const v = vars[key];
    if (typeof v === "function") {
      Object.defineProperty(scope, key, { get: () => (v as () => unknown)(), enumerable: true, configurable: true });
    } else if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === null) {
      let view: object | undefined;
      Object.defineProperty(scope, key, {
        get: () => (view ??= namespaceView(v)),
        enumerable: true,
        configurable: true,
      });
    } else scope[key] = v;
  }
  return scope;
}

function position(e: unknown): { line?: number | undefined; column?: number | undefined } {
  const token = (e as { token?: { getPosition?: () => number[] } }).token;
  const pos = token?.getPosition?.();
  return pos === undefined ? {} : { line: pos[0], column: pos[1] };
}

/** liquidjs appends `, line:3, col:5` (and a context excerpt on later lines); the position is kept separately. */
function liquidMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return (text.split("\n")[0] ?? text).replace(/, line:\d+, col:\d+$/, "");
}

/** Converts a liquidjs error into a diagnostic: the message without liquidjs's position suffix, and the position. */
function toDiagnostic(tag: "TemplateParse" | "TemplateRender", e: unknown): Diagnostic {
  return diagnostic(tag, liquidMessage(e), position(e));
}

/** The error liquidjs wrapped (its `RenderError`s keep the original as `originalError`), innermost first. */
function rootCause(e: unknown): unknown {
  let cause = e;
  for (let i = 0; i < 100; i++) {
    const inner = (cause as { originalError?: unknown } | null)?.originalError;
    if (inner === undefined || inner === cause) break;
    cause = inner;
  }
  return cause;
}

/** Whether the data nests deeper than `max`, within a bounded walk (shared sub-values are walked each time). */
function nestsDeeper(vars: unknown, max: number): boolean {
  return measureValue(vars, { maxDepth: max, maxNodes: 1_000_000 }).depth > max;
}

/**
 * A render failure: a `LimitExceeded` diagnostic when liquidjs says a limit was passed, or when it ran out of stack
 * walking data nested deeper than `maxValueDepth` (liquidjs prints and encodes values recursively); else
 * `TemplateRender`.
 */
function renderFailure(e: unknown, vars: Readonly<Record<string, unknown>>, limits: Limits): Diagnostic {
  const cause = rootCause(e);
  if (cause instanceof RangeError && nestsDeeper(vars, limits.maxValueDepth)) {
    const what = `the data nests more than ${limits.maxValueDepth} levels deep`;
    return diagnostic("LimitExceeded", limitMessage("maxValueDepth", limits.maxValueDepth, what), position(e));
  }
  if (cause instanceof OutputLimit) {
    const what = `the output would be longer than ${limits.maxOutputLength} characters`;
    return diagnostic("LimitExceeded", limitMessage("maxOutputLength", limits.maxOutputLength, what), position(e));
  }
  if (cause instanceof Error && cause.message === memoryLimitMessage) {
    const what = "the render used up its work budget (nodes rendered, and elements and characters allocated)";
    return diagnostic("LimitExceeded", limitMessage("templateSteps", limits.templateSteps, what), position(e));
  }
  return toDiagnostic("TemplateRender", e);
}

/**
 * Parses a Liquid template once.
 * @param source the template text
 * @param engine the document's engine, from {@linkcode createLiquidEngine}
 * @returns the compiled template, or a `TemplateParse` diagnostic with the line and column
 */
export function compileLiquidTemplate(source: string, engine: Liquid): Either<Diagnostic, TextTemplate> {
  let parsed: Template[];
  try {
    parsed = engine.parse(source);
  } catch (e) {
    return E.left(toDiagnostic("TemplateParse", e));
  }
  return E.right({
    render(vars: Readonly<Record<string, unknown>>, options: TextRenderOptions): Either<Diagnostic, string> {
      const limits = options.limits ?? defaultLimits;
      const globals: Globals = { [nowKey]: options.now, [limitsKey]: limits };
      let out: unknown;
      try {
        out = engine.renderSync(parsed, renderScope(vars), { globals, memoryLimit: limits.templateSteps });
      } catch (e) {
        return E.left(renderFailure(e, vars, limits));
      }
      const text = String(out);
      if (text.length <= limits.maxOutputLength) return E.right(text);
      const what = `the output would be longer than ${limits.maxOutputLength} characters`;
      return E.left(diagnostic("LimitExceeded", limitMessage("maxOutputLength", limits.maxOutputLength, what)));
    },
  });
}

/**
 * The Liquid language for template documents (`language: liquid`): a factory called once per document, each with a
 * fresh engine, so no registry is shared between documents. Hosts pass it to `decodeConfig` (`languages`).
 * @returns the text compiler of one document
 */
export function liquid(): TextCompiler {
  const engine = createLiquidEngine();
  return (source) => compileLiquidTemplate(source, engine);
}
