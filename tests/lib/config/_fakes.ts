/**
 * Stand-ins for the expression and template compilers, so config decoding is tested on its own.
 * An expression containing `!!` fails to compile at that column; a template whose message contains `{{bad` fails.
 */
import type { Diagnostic } from "../../../lib/diagnostics.ts";
import { diagnostic } from "../../../lib/diagnostics.ts";
import type { CompiledExpr } from "../../../lib/expr/mod.ts";
import type { Either } from "../../../lib/fp.ts";
import { E } from "../../../lib/fp.ts";
import type { CompiledTemplate } from "../../../lib/templates/mod.ts";
import type { ConfigCompilers } from "../../../lib/config/decode.ts";
import { parseSelector } from "../../../lib/subscriptions/selector.ts";

export function fakeCompileExpr(source: string): Either<Diagnostic, CompiledExpr> {
  const bad = source.indexOf("!!");
  if (bad >= 0) {
    const before = source.slice(0, bad);
    const line = before.split("\n").length;
    const column = bad - before.lastIndexOf("\n");
    return E.left(diagnostic("ExprCompile", "unexpected token !", { line, column }));
  }
  return E.right({ source, run: () => E.right(true) });
}

export function fakeCompileTemplate(name: string, document: unknown): Either<readonly Diagnostic[], CompiledTemplate> {
  const message = (document as { message?: unknown }).message;
  if (typeof message === "string" && message.includes("{{bad")) {
    return E.left([diagnostic("TemplateParse", `"message" does not parse: function "bad" not defined`)]);
  }
  return E.right({ name, language: "go", render: () => E.right({ message: String(message ?? ""), blocks: {} }) });
}

export const fakeCompilers: ConfigCompilers = {
  compileExpr: fakeCompileExpr,
  compileTemplate: fakeCompileTemplate,
  parseSelector,
};
