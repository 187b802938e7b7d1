/**
 * sprig's regular-expression functions (regex.go) with Go's RE2 semantics (see `lib/go/regexp.ts`). The plain forms
 * panic on a bad pattern (`regexp: Compile(…): …`); the `must…` forms return the error.
 * @module
 */
import { canBackquote, quote, withGoType } from "../../gofmt/mod.ts";
import { GoFuncError, type GoFunc } from "../go/func.ts";
import { fixed } from "./_define.ts";
import { int, str } from "./_convert.ts";
import { compileGoRegexp, findAll, replaceAll, splitRegexp } from "../../go/regexp.ts";

function compile(pattern: string, must: boolean): RegExp {
  const re = compileGoRegexp(pattern, { global: true });
  if (re._tag === "Right") return re.right;
  const q = canBackquote(pattern) ? "`" + pattern + "`" : quote(pattern);
  throw new GoFuncError(must ? re.left : `regexp: Compile(${q}): ${re.left}`);
}

const strings = (v: string[]): string[] => withGoType(v, "[]string");

function family(must: boolean): Record<string, GoFunc> {
  return {
    regexFindAll: fixed(["string", "string", "int"], (a) =>
      strings(findAll(compile(str(a, 0), must), str(a, 1), int(a, 2)).map((m) => m[0]))),
    regexFind: fixed(["string", "string"], (a) => findAll(compile(str(a, 0), must), str(a, 1), 1)[0]?.[0] ?? ""),
    regexReplaceAll: fixed(["string", "string", "string"], (a) => replaceAll(compile(str(a, 0), must), str(a, 1), str(a, 2), false)),
    regexReplaceAllLiteral: fixed(["string", "string", "string"], (a) =>
      replaceAll(compile(str(a, 0), must), str(a, 1), str(a, 2), true)),
    regexSplit: fixed(["string", "string", "int"], (a) => strings(splitRegexp(compile(str(a, 0), must), str(a, 1), int(a, 2)))),
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
    return re._tag === "Right" && re.right.test(str(a, 1));
  }),
  mustRegexMatch: fixed(["string", "string"], (a) => findAll(compile(str(a, 0), true), str(a, 1), 1).length > 0),
  regexQuoteMeta: fixed(["string"], (a) => str(a, 0).replace(/[\\.+*?()|[\]{}^$]/g, "\\$&")),
};
