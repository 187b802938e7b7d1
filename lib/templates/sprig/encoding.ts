/**
 * sprig's encoding functions: base64/base32 (strings.go) and JSON (defaults.go) with Go's exact output.
 * @module
 */
import { decodeUtf8, encodeUtf8 } from "../../go/utf8.ts";
import { GoFuncError, type GoFunc } from "../go/func.ts";
import { toFloatValue } from "../../values/float.ts";
import { any, fixed } from "./_define.ts";
import { str } from "./_convert.ts";
import { decodeBase32, encodeBase32 } from "../../go/base32.ts";
import { decodeBase64, encodeBase64 } from "../../go/base64.ts";
import { encodeGoJson, type GoJsonOptions } from "../../go/json.ts";
import { goJsonSyntaxError } from "../../go/json-syntax.ts";

const compact: GoJsonOptions = { escapeHtml: true, indent: "" };
const pretty: GoJsonOptions = { escapeHtml: true, indent: "  " };
const raw: GoJsonOptions = { escapeHtml: false, indent: "" };

function json(v: unknown, o: GoJsonOptions, fail: boolean): string {
  const r = encodeGoJson(v, o);
  if (r._tag === "Right") return r.right;
  if (fail) throw new GoFuncError(r.left);
  return "";
}

/** Go's `json.Unmarshal` into `interface{}`: Go's syntax errors, then every number is a float64. */
function fromJson(s: string): { value: unknown } | { error: string } {
  const error = goJsonSyntaxError(s);
  if (error !== undefined) return { error };
  const value: unknown = JSON.parse(s, (_k, v: unknown) => (typeof v === "number" ? toFloatValue(v) : v));
  return { value };
}

/** The encoding family of sprig's function map. */
export const encodingFunctions: Readonly<Record<string, GoFunc>> = {
  b64enc: fixed(["string"], (a) => encodeBase64(encodeUtf8(str(a, 0)))),
  b64dec: fixed(["string"], (a) => {
    const r = decodeBase64(str(a, 0));
    return r._tag === "Left" ? r.left : decodeUtf8(r.right);
  }),
  b32enc: fixed(["string"], (a) => encodeBase32(encodeUtf8(str(a, 0)))),
  b32dec: fixed(["string"], (a) => {
    const r = decodeBase32(str(a, 0));
    return r._tag === "Left" ? r.left : decodeUtf8(r.right);
  }),
  toJson: fixed([any], (a) => json(a[0], compact, false)),
  mustToJson: fixed([any], (a) => json(a[0], compact, true)),
  toPrettyJson: fixed([any], (a) => json(a[0], pretty, false)),
  mustToPrettyJson: fixed([any], (a) => json(a[0], pretty, true)),
  toRawJson: fixed([any], (a) => json(a[0], raw, true)),
  mustToRawJson: fixed([any], (a) => json(a[0], raw, true)),
  fromJson: fixed(["string"], (a) => {
    const r = fromJson(str(a, 0));
    return "value" in r ? r.value : null;
  }),
  mustFromJson: fixed(["string"], (a) => {
    const r = fromJson(str(a, 0));
    if ("error" in r) throw new GoFuncError(r.error);
    return r.value;
  }),
};
