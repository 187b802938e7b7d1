/**
 * sprig's regular-expression functions (regex.go) with Go's RE2 syntax and semantics, in linear time (see
 * `lib/go/regexp.ts`). The plain forms panic on a bad pattern (`regexp: Compile(…): …`); the `must…` forms return the
 * error.
 * @module
 */
import { canBackquote, quote, withGoType } from "../../gofmt/mod.ts";
import { GoFuncError, type GoFunc } from "../go/func.ts";
import { fixed } from "./_define.ts";
import { int, str } from "./_convert.ts";
import { compileGoRegexp, type GoRegexp, quoteMeta } from "../../go/regexp.ts";

function compile(pattern: string, must: boolean): GoRegexp {
  const re = compileGoRegexp(pattern);
  if (re._tag === "Right") return re.right;
  const q = canBackquote(pattern) ? "`" + pattern + "`" : quote(pattern);
  throw new GoFuncError(must ? re.left : `regexp: Compile(${q}): ${re.left}`);
}

const strings = (v: string[]): string[] => withGoType(v, "[]string");

function family(must: boolean): Record<string, GoFunc> {
  return {
    regexFindAll: fixed(["string", "string", "int"], (a) => strings(compile(str(a, 0), must).findAllString(str(a, 1), int(a, 2)))),
    regexFind: fixed(["string", "string"], (a) => compile(str(a, 0), must).findAllString(str(a, 1), 1)[0] ?? ""),
    regexReplaceAll: fixed(["string", "string", "string"], (a) => compile(str(a, 0), must).replaceAllString(str(a, 1), str(a, 2))),
    regexReplaceAllLiteral: fixed(["string", "string", "string"], (a) =>
      compile(str(a, 0), must).replaceAllLiteralString(str(a, 1), str(a, 2))),
    regexSplit: fixed(["string", "string", "int"], (a) => strings(compile(str(a, 0), must).split(str(a, 1), int(a, 2)))),
  };
}

const prefixed = (fs: Record<string, GoFunc>): Record<string, GoFunc> =>
  Object.fromEntries(Object.entries(fs).map(([k, f]) => [`must${k[0]?.toUpperCase()}${k.slice(1)}`, f]));

/** The regex family of sprig's function map. */
export const regexFunctions: Readonly<Record<string, GoFunc>> = {
  ...family(false),
  ...prefixed(family(true)),
  regexMatch: fixed(["string", "string"], (a) => {
    const re = compileGoRegexp(str(a, 0));
    return re._tag === "Right" && re.right.matchString(str(a, 1));
  }),
  mustRegexMatch: fixed(["string", "string"], (a) => compile(str(a, 0), true).matchString(str(a, 1))),
  regexQuoteMeta: fixed(["string"], (a) => quoteMeta(str(a, 0))),
};
