/**
 * sprig's `urlParse` and `urlJoin` (url.go) over a compact port of Go's `net/url` parse and `URL.String` for the
 * common shapes (`scheme://user@host:port/path?query#fragment`, opaque `mailto:x`, relative paths).
 * @module
 */
import { goKind, quote } from "../../gofmt/mod.ts";
import { type GoFunc, GoFuncError } from "../go/func.ts";
import { dictType, fixed } from "./_define.ts";
import { dictArg, str } from "./_convert.ts";

function unescape(s: string): string {
  try {
    return decodeURIComponent(s.replace(/%(?![0-9a-fA-F]{2})/g, "%25"));
  } catch {
    return s;
  }
}

function escapePath(p: string): string {
  return p.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu, (c) => encodeURIComponent(c));
}

/** Go's `url.Error` as sprig wraps it. */
function parseError(raw: string, message: string): never {
  throw new GoFuncError(`unable to parse url: parse ${quote(raw)}: ${message}`);
}

/** `net/url`'s unescape in path and fragment mode: a `%` must start two hex digits. */
function strictUnescape(raw: string, s: string): string {
  const bad = /%(?![0-9a-fA-F]{2})/.exec(s);
  if (bad !== null) parseError(raw, `invalid URL escape ${quote(s.slice(bad.index, bad.index + 3))}`);
  return unescape(s);
}

function parse(raw: string): Record<string, string> {
  let rest = raw;
  let fragmentRaw: string | undefined;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    fragmentRaw = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  // deno-lint-ignore no-control-regex
  if (/[\x00-\x1f\x7f]/.test(rest)) parseError(raw, "net/url: invalid control character in URL");
  if (rest.startsWith(":")) parseError(raw, "missing protocol scheme");
  let scheme = "";
  const sm = /^([A-Za-z][A-Za-z0-9+.\-]*):/.exec(rest);
  if (sm) {
    scheme = (sm[1] ?? "").toLowerCase();
    rest = rest.slice(sm[0].length);
  } else if (/^[^/?]*:/.test(rest)) {
    parseError(raw, "first path segment in URL cannot contain colon");
  }
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let opaque = "";
  let host = "";
  let userinfo = "";
  if (scheme !== "" && !rest.startsWith("/")) {
    opaque = rest;
    rest = "";
  } else if (rest.startsWith("//")) {
    const end = rest.indexOf("/", 2);
    let authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    rest = end < 0 ? "" : rest.slice(end);
    const at = authority.lastIndexOf("@");
    if (at >= 0) {
      userinfo = authority.slice(0, at);
      authority = authority.slice(at + 1);
    }
    host = unescape(authority);
  }
  const hostname = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d*$/, "");
  const path = strictUnescape(raw, rest);
  const fragment = fragmentRaw === undefined ? "" : strictUnescape(raw, fragmentRaw);
  return { scheme, host, hostname, path, query, opaque, fragment, userinfo };
}

function field(d: Readonly<Record<string, unknown>>, key: string): string {
  if (!Object.hasOwn(d, key)) return "";
  const v = d[key];
  if (typeof v !== "string") {
    throw new GoFuncError(`unable to parse ${key} key, must be of type string, but ${goKind(v)} found`);
  }
  return v;
}

function join(d: Readonly<Record<string, unknown>>): string {
  const scheme = field(d, "scheme");
  const host = field(d, "host");
  const path = field(d, "path");
  const query = field(d, "query");
  const opaque = field(d, "opaque");
  const fragment = field(d, "fragment");
  const userinfo = field(d, "userinfo");
  let out = scheme === "" ? "" : scheme + ":";
  if (opaque !== "") out += opaque;
  else {
    if (scheme !== "" || host !== "" || userinfo !== "") {
      if (host !== "" || path !== "" || userinfo !== "") out += "//";
      if (userinfo !== "") out += userinfo + "@";
      out += host;
    }
    if (path !== "" && !path.startsWith("/") && host !== "") out += "/";
    out += escapePath(path);
  }
  if (query !== "") out += "?" + query;
  if (fragment !== "") out += "#" + escapePath(fragment);
  return out;
}

/** The URL family of sprig's function map. */
export const urlFunctions: Readonly<Record<string, GoFunc>> = {
  urlParse: fixed(["string"], (a) => parse(str(a, 0))),
  urlJoin: fixed([dictType], (a) => join(dictArg(a, 0) ?? {})),
};
