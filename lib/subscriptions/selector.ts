/**
 * Kubernetes label selectors (equality and set-based), parsed as `k8s.io/apimachinery/pkg/labels.Parse` does.
 * @module
 */
import type { Diagnostic } from "../diagnostics.ts";
import { diagnostic } from "../diagnostics.ts";
import type { Either } from "../fp.ts";
import { E } from "../fp.ts";
import { lineIndex } from "../line-index.ts";
import { labelKeyErrors, labelValueErrors } from "./_label-validation.ts";
import type { Tok, Token } from "./_selector-lexer.ts";
import { lex } from "./_selector-lexer.ts";

// --- model

/**
 * One requirement: `key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)`, `key notin (a)`, `!key`, and Kubernetes'
 * integer comparisons `key>1` (`gt`) and `key<1` (`lt`). `values` are sorted and unique, as Kubernetes keeps them.
 */
export interface Requirement {
  readonly key: string;
  readonly operator:
    | "="
    | "=="
    | "!="
    | "in"
    | "notin"
    | "exists"
    | "!"
    | "gt"
    | "lt";
  readonly values: readonly string[];
}

/** A parsed selector: all requirements must hold. Empty matches everything. */
export interface LabelSelector {
  readonly source: string;
  /** Sorted by key, as Kubernetes sorts them. */
  readonly requirements: readonly Requirement[];
}

// --- parser

class SelectorError {
  constructor(readonly message: string, readonly pos: number) {}
}

/** Recursive-descent parser over the token list, mirroring `labels.Parser` (in `Values` context `in`/`notin` are identifiers). */
function parseTokens(tokens: readonly Token[]): readonly Requirement[] {
  let p = 0;
  const peek = (values: boolean): Token => asContext(tokens[p]!, values);
  const next = (values: boolean): Token => asContext(tokens[Math.min(p++, tokens.length - 1)]!, values);
  const fail = (t: Token, expected: string): never => {
    throw new SelectorError(
      `found ${describe(t)}, expected: ${expected}`,
      t.pos,
    );
  };

  const parseValues = (): string[] => {
    const open = next(true);
    if (open.tok !== "(") fail(open, "'('");
    const first = peek(true);
    if (first.tok === ")") {
      next(true);
      return [""];
    }
    if (first.tok !== "id" && first.tok !== ",") {
      fail(first, "',', ')' or identifier");
    }
    const out: string[] = [];
    for (;;) {
      const t = next(true);
      if (t.tok === "id") {
        out.push(t.lit);
        const after = peek(true);
        if (after.tok === ",") continue;
        if (after.tok === ")") break;
        fail(after, "',' or ')'");
      } else if (t.tok === ",") {
        if (out.length === 0) out.push("");
        const after = peek(true);
        if (after.tok === ")") {
          out.push("");
          break;
        }
        if (after.tok === ",") out.push("");
      } else {
        fail(t, "',', or identifier");
      }
    }
    const close = next(true);
    if (close.tok !== ")") fail(close, "')'");
    return out;
  };

  const parseExactValue = (): string[] => {
    const t = peek(true);
    if (t.tok === "end" || t.tok === ",") return [""];
    next(true);
    if (t.tok !== "id") fail(t, "identifier");
    return [t.lit];
  };

  const parseRequirement = (): Requirement => {
    let keyTok = next(true);
    let negated = false;
    if (keyTok.tok === "!") {
      negated = true;
      keyTok = next(true);
    }
    if (keyTok.tok !== "id") fail(keyTok, "identifier");
    checkKey(keyTok);
    const after = peek(true);
    if (negated || after.tok === "end" || after.tok === ",") {
      return {
        key: keyTok.lit,
        operator: negated ? "!" : "exists",
        values: [],
      };
    }
    const opTok = next(false);
    const operator = operators[opTok.tok];
    if (operator === undefined) {
      return fail(opTok, "in, notin, =, ==, !=, gt, lt");
    }
    const valuesStart = peek(true);
    const raw = operator === "in" || operator === "notin" ? parseValues() : parseExactValue();
    const values = [...new Set(raw)].sort(compareStrings);
    checkValues(keyTok.lit, operator, values, valuesStart.pos);
    return { key: keyTok.lit, operator, values };
  };

  const requirements: Requirement[] = [];
  for (;;) {
    const t = peek(true);
    if (t.tok === "end") return requirements;
    if (t.tok !== "id" && t.tok !== "!") {
      fail(t, "!, identifier, or 'end of string'");
    }
    requirements.push(parseRequirement());
    const sep = next(true);
    if (sep.tok === "end") return requirements;
    if (sep.tok !== ",") fail(sep, "',' or 'end of string'");
    const following = peek(true);
    if (following.tok !== "id" && following.tok !== "!") {
      fail(following, "identifier after ','");
    }
  }
}

const operators: Partial<Record<Tok, Requirement["operator"]>> = {
  "in": "in",
  "=": "=",
  "==": "==",
  ">": "gt",
  "<": "lt",
  "notin": "notin",
  "!=": "!=",
};

function asContext(t: Token, values: boolean): Token {
  return values && (t.tok === "in" || t.tok === "notin") ? { ...t, tok: "id" } : t;
}

function describe(t: Token): string {
  return t.tok === "end" ? "end of string" : `'${t.lit}'`;
}

function checkKey(t: Token): void {
  const errors = labelKeyErrors(t.lit);
  if (errors.length > 0) {
    throw new SelectorError(
      `invalid label key "${t.lit}": ${errors.join("; ")}`,
      t.pos,
    );
  }
}

function checkValues(
  key: string,
  operator: Requirement["operator"],
  values: readonly string[],
  pos: number,
): void {
  if ((operator === "gt" || operator === "lt") && !values.every(isInt64)) {
    throw new SelectorError(
      `for 'gt', 'lt' operators, the value must be an integer`,
      pos,
    );
  }
  for (const v of values) {
    const errors = labelValueErrors(v);
    if (errors.length > 0) {
      throw new SelectorError(
        `invalid value "${v}" for label "${key}": ${errors.join("; ")}`,
        pos,
      );
    }
  }
}

const int64Max = 9223372036854775807n;

function isInt64(s: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(s)) return false;
  const n = BigInt(s);
  return n <= int64Max && n >= -int64Max - 1n;
}

/** Byte-wise (UTF-16 code unit) comparison, as Go sorts ASCII strings. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- api

/**
 * Parses a label selector as Kubernetes' `labels.Parse` does.
 *
 * Accepts `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, separated by commas, with
 * whitespace anywhere between tokens. Keys and values are validated like Kubernetes labels. The empty string is the
 * selector that matches everything.
 *
 * @param source The selector text.
 * @returns The selector, or an `InvalidSelector` diagnostic with the line and column of the offending token.
 *
 * @example Parse and match
 * ```ts
 * import { expect } from "expect";
 * import { matchesSelector, parseSelector } from "./selector.ts";
 *
 * const parsed = parseSelector("app in (web, api), !legacy");
 * expect(parsed._tag).toBe("Right");
 * if (parsed._tag === "Right") expect(matchesSelector(parsed.right, { app: "web" })).toBe(true);
 * ```
 */
export function parseSelector(
  source: string,
): Either<Diagnostic, LabelSelector> {
  try {
    const requirements = [...parseTokens(lex(source))].sort((a, b) => compareStrings(a.key, b.key));
    return E.right({ source, requirements });
  } catch (e) {
    if (!(e instanceof SelectorError)) throw e;
    const { line, column } = lineIndex(source).position(e.pos);
    return E.left(
      diagnostic(
        "InvalidSelector",
        `Cannot parse selector "${source}": ${e.message}`,
        { line, column },
      ),
    );
  }
}

/**
 * Whether the labels satisfy every requirement, with Kubernetes' semantics: `!=` and `notin` hold when the label is
 * absent; `gt`/`lt` fail when the label is absent or not an integer.
 *
 * @param selector A parsed selector.
 * @param labels The resource's labels.
 * @returns `true` when all requirements hold (always for the empty selector).
 *
 * @example Absent labels
 * ```ts
 * import { expect } from "expect";
 * import { matchesSelector } from "./selector.ts";
 *
 * const sel = { source: "env!=prod", requirements: [{ key: "env", operator: "!=", values: ["prod"] }] } as const;
 * expect(matchesSelector(sel, {})).toBe(true);
 * ```
 */
export function matchesSelector(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean {
  return selector.requirements.every((r) => matchesRequirement(r, labels));
}

function matchesRequirement(
  r: Requirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case "=":
    case "==":
    case "in":
      return value !== undefined && r.values.includes(value);
    case "!=":
    case "notin":
      return value === undefined || !r.values.includes(value);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt": {
      if (
        value === undefined || !isInt64(value) || r.values.length !== 1 ||
        !isInt64(r.values[0]!)
      ) return false;
      const [l, v] = [BigInt(value), BigInt(r.values[0]!)];
      return r.operator === "gt" ? l > v : l < v;
    }
  }
}

/**
 * Prints a requirement the way Kubernetes' `Requirement.String` does (`a in (x,y)`, `!a`, `a>1`).
 *
 * @param r The requirement.
 * @returns Text that {@linkcode parseSelector} reads back to the same requirement.
 */
export function formatRequirement(r: Requirement): string {
  const values = r.values.join(",");
  switch (r.operator) {
    case "exists":
      return r.key;
    case "!":
      return `!${r.key}`;
    case "in":
    case "notin":
      return `${r.key} ${r.operator} (${values})`;
    case "gt":
      return `${r.key}>${values}`;
    case "lt":
      return `${r.key}<${values}`;
    default:
      return `${r.key}${r.operator}${values}`;
  }
}

/**
 * Prints a selector the way Kubernetes' `Selector.String` does: its requirements joined by commas.
 *
 * @param selector The selector.
 * @returns The canonical text (`""` for the empty selector).
 */
export function formatSelector(selector: LabelSelector): string {
  return selector.requirements.map(formatRequirement).join(",");
}
