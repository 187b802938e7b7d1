/**
 * sprig's defaults and flow functions (defaults.go, `fail`) and its reflection helpers (reflect.go).
 * @module
 */
import { goKind, goTypeName } from "../../gofmt/mod.ts";
import { type GoFunc, GoFuncError } from "../go/func.ts";
import { any, fixed, variadic } from "./_define.ts";
import { bool, deepEqual, isEmpty, str } from "./_convert.ts";

/** The defaults and reflection family of sprig's function map. */
export const defaultFunctions: Readonly<Record<string, GoFunc>> = {
  default: variadic([any], any, (a) => (a.length < 2 || isEmpty(a[1]) ? a[0] : a[1])),
  empty: fixed([any], (a) => isEmpty(a[0])),
  coalesce: variadic([], any, (a) => a.find((v) => !isEmpty(v)) ?? null),
  all: variadic([], any, (a) => a.every((v) => !isEmpty(v))),
  any: variadic([], any, (a) => a.some((v) => !isEmpty(v))),
  ternary: fixed([any, any, "bool"], (a) => (bool(a, 2) ? a[0] : a[1])),
  fail: fixed(["string"], (a) => {
    throw new GoFuncError(str(a, 0));
  }),
  typeOf: fixed([any], (a) => goTypeName(a[0])),
  typeIs: fixed(["string", any], (a) => str(a, 0) === goTypeName(a[1])),
  typeIsLike: fixed(["string", any], (a) => {
    const t = goTypeName(a[1]);
    return str(a, 0) === t || "*" + str(a, 0) === t;
  }),
  kindOf: fixed([any], (a) => goKind(a[0])),
  kindIs: fixed(["string", any], (a) => str(a, 0) === goKind(a[1])),
  deepEqual: fixed([any, any], (a, ctx) => deepEqual(a[0], a[1], ctx)),
};
