/**
 * sprig's regular-expression functions (regex.go) with Go's RE2 syntax and semantics, in linear time (see
 * `lib/go/regexp.ts`). The plain forms panic on a bad pattern (`regexp: Compile(…): …`); the `must…` forms return the
 * error. Matching charges its steps to the render's budget, and the lists and strings built are checked against its
 * limits.
 * @module
 */
import { canBackquote, quote, withGoType } from "../../gofmt/mod.ts";
import { type FuncContext, type GoFunc, GoFuncError } from "../go/func.ts";
import { budgetOf, charge, chargeList, chargeString, LimitFailure } from "../go/budget.ts";
import { fixed } from "./_define.ts";
import { int, str } from "./_convert.ts";
import { compileGoRegexp, type GoRegexp, quoteMeta, type RegexpRunOptions } from "../../go/mod.ts";

function compile(pattern: string, must: boolean): GoRegexp {
  const re = compileGoRegexp(pattern);
  if (re._tag === "Right") return re.right;
  const q = canBackquote(pattern) ? "`" + pattern + "`" : quote(pattern);
  throw new GoFuncError(must ? re.left : `regexp: Compile(${q}): ${re.left}`);
}

/** Matching steps go to the render's work budget (the engine reports them every few thousand steps). */
const metered = (ctx: FuncContext, name: string): RegexpRunOptions => ({
  charge: (steps) => charge(ctx, steps, name),
  checkLength: (length) => {
    const max = budgetOf(ctx).limits.maxStringLength;
    if (length > max) {
      throw new LimitFailure("maxStringLength", max, `${name} would build a string of more than ${max} characters`);
    }
  },
});

function list(ctx: FuncContext, name: string, v: string[]): string[] {
  chargeList(ctx, v.length, name);
  return withGoType(v, "[]string");
}

function text(ctx: FuncContext, name: string, v: string): string {
  chargeString(ctx, v.length, name);
  return v;
}

function family(must: boolean): Record<string, GoFunc> {
  return {
    regexFindAll: fixed(
      ["string", "string", "int"],
      (a, ctx) =>
        list(
          ctx,
          "regexFindAll",
          compile(str(a, 0), must).findAllString(str(a, 1), int(a, 2), metered(ctx, "regexFindAll")),
        ),
    ),
    regexFind: fixed(
      ["string", "string"],
      (a, ctx) => compile(str(a, 0), must).findAllString(str(a, 1), 1, metered(ctx, "regexFind"))[0] ?? "",
    ),
    regexReplaceAll: fixed(
      ["string", "string", "string"],
      (a, ctx) =>
        text(
          ctx,
          "regexReplaceAll",
          compile(str(a, 0), must).replaceAllString(str(a, 1), str(a, 2), metered(ctx, "regexReplaceAll")),
        ),
    ),
    regexReplaceAllLiteral: fixed(["string", "string", "string"], (a, ctx) =>
      text(
        ctx,
        "regexReplaceAllLiteral",
        compile(str(a, 0), must).replaceAllLiteralString(str(a, 1), str(a, 2), metered(ctx, "regexReplaceAllLiteral")),
      )),
    regexSplit: fixed(
      ["string", "string", "int"],
      (a, ctx) =>
        list(ctx, "regexSplit", compile(str(a, 0), must).split(str(a, 1), int(a, 2), metered(ctx, "regexSplit"))),
    ),
  };
}

const prefixed = (fs: Record<string, GoFunc>): Record<string, GoFunc> =>
  Object.fromEntries(Object.entries(fs).map(([k, f]) => [`must${k[0]?.toUpperCase()}${k.slice(1)}`, f]));

/** The regex family of sprig's function map. */
export const regexFunctions: Readonly<Record<string, GoFunc>> = {
  ...family(false),
  ...prefixed(family(true)),
  regexMatch: fixed(["string", "string"], (a, ctx) => {
    const re = compileGoRegexp(str(a, 0));
    return re._tag === "Right" && re.right.matchString(str(a, 1), metered(ctx, "regexMatch"));
  }),
  mustRegexMatch: fixed(
    ["string", "string"],
    (a, ctx) => compile(str(a, 0), true).matchString(str(a, 1), metered(ctx, "regexMatch")),
  ),
  regexQuoteMeta: fixed(["string"], (a, ctx) => text(ctx, "regexQuoteMeta", quoteMeta(str(a, 0)))),
};
