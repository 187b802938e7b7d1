/**
 * Cases behind `tests/conformance/templates/go-fuzz-golden.json`: divergences that `template-fuzz.ts` found and that
 * were fixed, reduced by hand to the shape that diverged. Each is `{ source, vars }` (vars decoded by the oracle like
 * Kubernetes objects: integral JSON numbers are int64, others float64).
 */
export interface FuzzGoldenInput {
  readonly source: string;
  readonly vars?: Record<string, unknown>;
  /** What the fuzzer found, in a few words. */
  readonly found: string;
}

export const fuzzGoldenCases: readonly FuzzGoldenInput[] = [
  // A time.Time parameter is checked by Go's reflection before the call: no "error calling", at the argument's node.
  { found: "time.Time param: string field", source: `{{dateModify "1.5h" .a}}`, vars: { a: "x" } },
  { found: "time.Time param: piped string", source: `{{"s" | unixEpoch}}` },
  { found: "time.Time param: list field", source: `{{unixEpoch .l}}`, vars: { l: [1.5] } },
  { found: "time.Time param: bool from a call", source: `{{unixEpoch (deepEqual 1 0.5)}}` },
  { found: "time.Time param: missing and nil", source: `{{unixEpoch .nope}}|{{dateModify "1h" .n}}`, vars: { n: null } },
  { found: "time.Time param: a time passes", source: `{{now | unixEpoch}} {{dateModify "-90m" now}}` },
  // Ranging over a typed list ([]string) gives strings, not interface {} values.
  { found: "range over []string: field of element", source: `{{range sortAlpha (list "b" "a")}}{{.x}}{{end}}` },
  { found: "range over []string: variable", source: `{{range $v := splitList "," "a,b"}}{{$v.x}}{{end}}` },
  { found: "range over map[string]string", source: `{{range $k, $v := split "," "a,b"}}{{$v.x}}{{end}}` },
  { found: "range over []interface {} stays boxed", source: `{{range (list "b" "a")}}{{.x}}{{end}}` },
  // mustFromJson reports Go's encoding/json syntax errors.
  { found: "mustFromJson: not JSON", source: `{{mustFromJson "https://x.io/a b"}}` },
  { found: "mustFromJson: after top-level value", source: `{{mustFromJson "00\\""}}` },
  { found: "mustFromJson: in numeric literal", source: `{{mustFromJson .s}}`, vars: { s: " -_>" } },
  { found: "mustFromJson: non-ASCII byte", source: `{{mustFromJson "é"}}` },
  { found: "mustFromJson: unfinished literal", source: `{{mustFromJson "nul"}}` },
  { found: "mustFromJson: object key", source: `{{mustFromJson .s}}`, vars: { s: '{"a":1 2}' } },
  { found: "mustFromJson: string escape", source: `{{mustFromJson .s}}`, vars: { s: '"a\\q"' } },
  { found: "mustFromJson: kindOf piped in", source: `{{add1 3 | kindOf | mustFromJson}}` },
];
