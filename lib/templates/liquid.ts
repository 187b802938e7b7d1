/**
 * The Liquid dialect, through liquidjs: templates parsed once, rendered with `renderSync` from memory (no file system:
 * `include`/`render` find nothing), with `ownPropertyOnly` (no prototype or constructor access), unknown filters
 * rejected at parse time, UTC dates, and the render's clock instead of the machine's for `"now" | date`.
 *
 * Variables are not strict: a missing one renders as empty and loops over it run zero times, as Go's `range` does
 * over a missing key. Resources often lack optional fields (`status.conditions`, `operationState` before the first
 * sync), and a notification that fails on them is worse than one with an empty value.
 *
 * Speed: liquidjs evaluates through generators (`toValueSync` drives them), which is where its time goes; measured on
 * the catalog twin, its options (`ownPropertyOnly`, `memoryLimit`, per-render options) and the per-field `renderSync`
 * call (about 1 µs of a 30 µs field) make no measurable difference, so each field keeps its own render.
 * @module
 */
import { Liquid, type FilterImplOptions, type Template } from "liquidjs";
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { E, type Either } from "../fp.ts";
import { maxRenderedLength, type TextRenderOptions, type TextTemplate } from "./text-template.ts";

const nowKey: unique symbol = Symbol("now");
const dateFilters = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"];

/** Bounds on one render: liquidjs counts tag and output renders, and object and string allocations. */
const templateLimit = 100_000;
const memoryLimit = 2_000_000;

interface FilterThis {
  readonly context: { readonly globals: unknown };
}

function withRenderClock(base: FilterImplOptions): FilterImplOptions {
  const handler = typeof base === "function" ? base : base.handler;
  return function (this: FilterThis, value: unknown, ...args: unknown[]): unknown {
    const now = (this.context.globals as { [nowKey]?: number })[nowKey];
    const v = (value === "now" || value === "today") && now !== undefined ? now / 1000 : value;
    return (handler as (this: FilterThis, ...a: unknown[]) => unknown).call(this, v, ...args);
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
    parseLimit: maxRenderedLength,
    memoryLimit,
  });
  for (const name of dateFilters) {
    const base = engine.filters[name];
    if (base !== undefined) engine.registerFilter(name, withRenderClock(base));
  }
  return engine;
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
      let out: unknown;
      try {
        out = engine.renderSync(parsed, vars, { globals: { [nowKey]: options.now }, templateLimit });
      } catch (e) {
        return E.left(toDiagnostic("TemplateRender", e));
      }
      const text = String(out);
      return text.length > maxRenderedLength
        ? E.left(diagnostic("TemplateRender", `the rendered text is longer than ${maxRenderedLength} characters`))
        : E.right(text);
    },
  });
}
