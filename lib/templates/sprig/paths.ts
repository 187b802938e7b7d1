/**
 * sprig's path functions: Go's `path` package, and `path/filepath` as it behaves on Linux (the same rules).
 * @module
 */
import type { GoFunc } from "../go/func.ts";
import { fixed } from "./_define.ts";
import { str } from "./_convert.ts";

/** Go's `path.Clean`: lexical normalisation of `.`, `..` and repeated slashes. */
function clean(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
    } else out.push(part);
  }
  const s = (rooted ? "/" : "") + out.join("/");
  return s === "" ? "." : s;
}

function base(p: string): string {
  if (p === "") return ".";
  p = p.replace(/\/+$/, "");
  if (p === "") return "/";
  return p.slice(p.lastIndexOf("/") + 1);
}

function dir(p: string): string {
  return clean(p.slice(0, p.lastIndexOf("/") + 1));
}

function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== "/"; i--) if (p[i] === ".") return p.slice(i);
  return "";
}

const path1 = (f: (s: string) => unknown): GoFunc => fixed(["string"], (a) => f(str(a, 0)));

/** The path family of sprig's function map. */
export const pathFunctions: Readonly<Record<string, GoFunc>> = {
  base: path1(base),
  dir: path1(dir),
  clean: path1(clean),
  ext: path1(ext),
  isAbs: path1((p) => p.startsWith("/")),
  osBase: path1(base),
  osDir: path1(dir),
  osClean: path1(clean),
  osExt: path1(ext),
  osIsAbs: path1((p) => p.startsWith("/")),
};
