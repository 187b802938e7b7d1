/**
 * Go's behaviour where the engine must match it byte for byte: UTF-8, base32 and base64, JSON quoting and syntax
 * errors, and RE2 regular expressions in linear time. With `lib/gofmt` and `lib/values`, the bottom layer of the
 * core: it imports nothing above it.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { utf8Length } from "./mod.ts";
 *
 * expect(utf8Length("é")).toBe(2);
 * ```
 * @module
 */
export { decodeBase32, encodeBase32 } from "./base32.ts";
export { type Base64Options, decodeBase64, encodeBase64 } from "./base64.ts";
export { goJsonSyntaxError } from "./json-syntax.ts";
export { isInt64, parseGoFloat, parseGoInt } from "./parse-number.ts";
export { encodeGoJson, type GoJsonOptions, quoteGoJson } from "./json.ts";
export {
  compileGoRegexp,
  compileGoRegexpUncached,
  defaultRegexpSteps,
  type GoRegexp,
  quoteMeta,
  RegexpBudgetError,
  type RegexpRunOptions,
} from "./regexp.ts";
export { goCount, goReplace, goSplit, goTrim, goTrimSpace, isGoSpace } from "./strings.ts";
export { decodeRune, decodeUtf8, encodeUtf8, sliceBytes, toWellFormed, utf8Length } from "./utf8.ts";
