/**
 * Go text/template for notification templates: compile once at configuration time, render many times. The default
 * function map is Go's builtins plus sprig (without `env`/`expandenv`), as the Go engine builds it.
 *
 * @example Rendering a field chain
 * ```ts
 * import { compileGoTemplate } from "./mod.ts";
 * import { expect } from "vitest";
 * const t = compileGoTemplate("Certificate {{.cert.metadata.name}} is ready!", { name: "cert-ready" });
 * if (t._tag === "Left") throw new Error(t.left.message);
 * const out = t.right.render({ cert: { metadata: { name: "web" } } }, { now: 0 });
 * expect(out).toEqual({ _tag: "Right", right: "Certificate web is ready!" });
 * ```
 * @module
 */
import { type Diagnostic, diagnostic } from "../../diagnostics.ts";
import { E, type Either } from "../../fp.ts";
import { defaultLimits, type Limits } from "../../limits.ts";
import { lineIndex } from "../../line-index.ts";
import { ExecFailure, execute, resolveFunctions } from "./exec.ts";
import { type Budget, LimitFailure, newBudget } from "./budget.ts";
import type { GoFunc } from "./func.ts";
import { builtins } from "./builtins.ts";
import { ParseFailure, parseTemplate, type TemplateSet } from "./parser.ts";
import { defaultFunctions } from "./default-functions.ts";
import { copyData } from "./copy-data.ts";

export type { FuncContext, GoFunc, GoSignature, GoType } from "./func.ts";
export { goFunc, GoFuncError } from "./func.ts";
export { copyData } from "./copy-data.ts";
export { type Budget, charge, chargeList, chargeString, LimitFailure, newBudget } from "./budget.ts";

/** Options of {@linkcode compileGoTemplate}. */
export interface GoTemplateOptions {
  /** The template name used in error messages (`template: <name>:1:12: …`), e.g. the notification template's name. */
  readonly name: string;
  /**
   * The function map. Defaults to sprig (Go's builtins are always there; functions given here shadow them, as sprig's
   * `slice` does).
   */
  readonly functions?: Readonly<Record<string, GoFunc>>;
}

/** Options of one render. `now` is unix milliseconds, what sprig's `now` and date functions read. */
export interface GoRenderOptions {
  readonly now: number;
  /**
   * The caller hands `vars` over to this render (a private copy, e.g. from {@linkcode copyData}): a template that
   * changes its data (`set`, `merge`…) may change it in place, and later renders over the same copy see the change,
   * as Go's templates sharing one map do. Without it, such a template renders over its own copy.
   */
  readonly ownsData?: boolean;
  /**
   * The budget of the render (`defaultLimits` when left out): `templateSteps`, `maxOutputLength`,
   * `maxTemplateDepth`, and the `maxListLength`, `maxStringLength` and `maxValueDepth` the functions check.
   */
  readonly limits?: Limits | undefined;
  /**
   * A budget to count the render's work in, instead of a fresh one made from `limits`: its limits apply, and its
   * `steps` go on from where an earlier render left them (and tell the caller the work done).
   */
  readonly budget?: Budget;
}

/** A compiled Go template. */
export interface CompiledGoTemplate {
  readonly name: string;
  /** Whether the template names a function that changes the maps or lists it is given (sprig's `set`, `merge`…). */
  readonly mutates: boolean;
  /**
   * Renders the template over `vars` (dot and `$`). Never throws: a failure is a `TemplateRender` diagnostic with
   * Go's message (`template: n:1:12: executing "n" at <.app.foo>: …`) and the 1-based line and column, or a
   * `LimitExceeded` one (`… at <until 1000000000>: limit exceeded: maxListLength (100000): …`) when the render
   * passed one of its limits.
   */
  render(vars: Readonly<Record<string, unknown>>, options: GoRenderOptions): Either<Diagnostic, string>;
}

/**
 * Parses a Go text/template.
 * @param source the template text
 * @param options the name (for messages) and the function map
 * @returns the compiled template, or a `TemplateParse` diagnostic with Go's message (`template: n:1: …`)
 */
export function compileGoTemplate(
  source: string,
  options: GoTemplateOptions,
): Either<Diagnostic, CompiledGoTemplate> {
  const functions = options.functions ?? defaultFunctions;
  let set: TemplateSet;
  let mutates = false;
  const names = new Set<string>();
  try {
    set = parseTemplate(options.name, source, (f) => {
      names.add(f);
      const user = Object.hasOwn(functions, f) ? functions[f] : undefined;
      if (user?.mutates === true) mutates = true;
      return user !== undefined || Object.hasOwn(builtins, f);
    });
  } catch (e) {
    if (e instanceof ParseFailure) {
      return E.left(
        diagnostic("TemplateParse", e.message, { line: e.line, column: lineIndex(source).position(e.pos).column }),
      );
    }
    const message = e instanceof RangeError ? "template is nested too deeply" : String(e);
    return E.left(diagnostic("TemplateParse", `template: ${options.name}: ${message}`));
  }
  const resolved = resolveFunctions(names, functions);
  return E.right({
    name: options.name,
    mutates,
    render(vars, renderOptions) {
      const budget = renderOptions.budget ?? newBudget(renderOptions.limits ?? defaultLimits);
      try {
        const data = mutates && renderOptions.ownsData !== true ? copyData(vars, budget.limits) : vars;
        return E.right(execute(set, source, functions, data, renderOptions.now, budget, resolved));
      } catch (e) {
        if (e instanceof ExecFailure) {
          const where = e.pos === undefined ? {} : lineIndex(source).position(e.pos);
          return E.left(diagnostic(e.limit ? "LimitExceeded" : "TemplateRender", e.message, where));
        }
        if (e instanceof LimitFailure) {
          return E.left(diagnostic("LimitExceeded", `template: ${options.name}: ${e.message}`));
        }
        // A last resort: limits configured beyond what the call stack holds.
        const message = e instanceof RangeError
          ? "template nested too deeply"
          : e instanceof Error
          ? e.message
          : String(e);
        return E.left(diagnostic("TemplateRender", `template: ${options.name}: ${message}`));
      }
    },
  });
}
