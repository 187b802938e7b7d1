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
  {
    found: "time.Time param: missing and nil",
    source: `{{unixEpoch .nope}}|{{dateModify "1h" .n}}`,
    vars: { n: null },
  },
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
  // Negative counts panic in Go's strings.Repeat / make; substr's bounds errors are Go's runtime messages.
  { found: "indent by a negative count", source: `{{indent -1 "a"}}` },
  { found: "nindent by a negative count", source: `{{nindent -2 "héllo" | wrap -1}}` },
  { found: "chunk of an empty list by a negative size", source: `{{chunk -3 (list)}}` },
  { found: "substr: high bound past the end", source: `{{substr -1 10 "abc"}}` },
  { found: "substr: negative high bound", source: `{{substr -1 -2 "abc"}}` },
  { found: "substr: low above high", source: `{{substr 5 -1 "abc"}}` },
  // xstrings 1.3's ToCamelCase: connectors are -, _ and spaces.
  { found: "camelcase: connector runs", source: `{{camelcase .s}}`, vars: { s: "''0__é<" } },
  {
    found: "camelcase: words",
    source: `{{camelcase "foo-bar_baz qux"}}|{{camelcase "__a"}}|{{camelcase "a__"}}|{{camelcase "_"}}`,
  },
  // strings.Title uses title case.
  { found: "title of digraphs", source: `{{title "ǅ ǆ Ǆ ǉ ǌ ǳ ß é"}}` },
  // A value tagged with a Go type fits only that parameter type.
  { found: "merge of a map[string]string", source: `{{merge (split "a" "b") (dict)}}` },
  { found: "set on a map[string]string", source: `{{set (split "a" "b") "x" "y"}}` },
  // printf %U formats the integer as a uint64.
  { found: "printf %U of a negative int", source: `{{printf "%U|%#U|%.4U|%08U|%-22U|" -2 -2 -2 -1 -1}}` },
  // unset of a nil map returns it (map[]).
  { found: "unset of a missing map", source: `{{unset .a.b "k"}}|{{unset nil "k"}}` },
  // urlParse reports net/url's errors.
  { found: "urlParse: control character", source: `{{urlParse .s}}`, vars: { s: "tab\there" } },
  { found: "urlParse: invalid escape", source: `{{urlParse "%d %s"}}|{{urlParse "日%"}}` },
  { found: "urlParse: invalid escape in fragment", source: `{{urlParse "a#%zz"}}` },
  { found: "urlParse: missing scheme", source: `{{urlParse ":x"}}` },
  { found: "urlParse: opaque keeps its escapes", source: `{{urlParse "mailto:a%zz"}}|{{urlParse "http://h/%41#%41"}}` },
  // RE2 syntax: literal braces, refused escapes, repeat counts.
  {
    found: "regexp: {{x}} is literal",
    source: `{{regexMatch "{{x}}" "a{{x}}"}}|{{regexMatch "a{,3}" "a{,3}"}}|{{regexMatch "^a{2}$" "aa"}}`,
  },
  { found: "regexp: invalid escape", source: `{{mustRegexMatch .p "a"}}`, vars: { p: "%<\\日&" } },
  { found: "regexp: trailing backslash", source: `{{regexReplaceAll .msg "ß" "x"}}`, vars: { msg: "Za-'._\\" } },
  { found: "regexp: invalid repeat count", source: `{{mustRegexMatch "x{2,1}" "a"}}` },
  // xstrings 1.3's ToSnakeCase/ToKebabCase word splitter: punctuation takes no connector, numbers stay with the word.
  {
    found: "snakecase: punctuation and connectors",
    source: `{{snakecase "https://x.io/a b?q=1&r=<>"}}|{{snakecase "  pad  "}}|{{snakecase "it's"}}`,
  },
  {
    found: "kebabcase: html and signs",
    source: `{{kebabcase .s}}|{{kebabcase "-3.25"}}|{{kebabcase .t}}`,
    vars: { s: "<b>&amp;</b>", t: "& Z\n\\-_" },
  },
  {
    found: "snakecase: non-ASCII and numbers",
    source:
      `{{snakecase "héllo"}}|{{snakecase "a_日9日é"}}|{{snakecase "ǅ31 2E 35"}}|{{kebabcase "HTTP20xOK Bld4Floor3rd"}}`,
  },
  // goutils: Initials reads bytes as runes; SwapCase title-cases word starts; Uncapitalize lowers any letter.
  { found: "initials of non-ASCII", source: `{{initials "emoji 😀"}}|{{initials .s}}`, vars: { s: 'é""aé\n\\\n' } },
  { found: "swapcase and untitle of non-ASCII", source: `{{swapcase "ǆa Ǆ ǅ héLLo ß"}}|{{untitle "Élan Ü"}}` },
  { found: "abbrevboth cuts bytes", source: `{{abbrevboth 5 10 "ééééééééééé"}}|{{abbrev 4 "aéé"}}` },
  // Go 1.19's fmt pads %c and %q with zeros; %#x of a float pads to 6 "digits" counting the x, %#X only adds a point.
  { found: "printf: zero padding of runes", source: `{{printf "%03.4c|% 08c|%010c|%06q" 10 66405 4 255}}` },
  { found: "printf: %#x and %#X of floats", source: `{{printf "%#x|%+#X|%#.4x|%#X" -3.25 (float64 0) 1.5 1.5}}` },
  // Go 1.19's time.Parse reports the value as far as it got (after a year's four bytes, a matched prefix, AM/PM).
  {
    found: "mustToDate: parse error value after the year",
    source: `{{mustToDate "2006-01-02T15:04:05Z07:00" .r}}`,
    vars: { r: "1.2345e-05" },
  },
  {
    found: "mustToDate: parse error after a matched prefix",
    source: `{{mustToDate .l .v}}`,
    vars: { l: "é,%&\n", v: "é" },
  },
  { found: "mustToDate: parse error after AM/PM", source: `{{mustToDate "3:04pm" "3:04xm"}}` },
  {
    found: "nospace reads bytes as runes",
    source: `{{nospace "emoji 😀"}}|{{nospace "héllo"}}|{{nospace .u}}`,
    vars: { u: "a\u00a0b é\tc" },
  },
  // A time.Time prints its struct {wall ext loc} for verbs its String method does not serve, and GoString for %#v.
  {
    found: "printf of a time: struct fields",
    source:
      `{{printf "%0#6d|%09b|%.c|%#U" (toDate "2006-01-02" "bad") (mustToDate "2006-01-02T15:04:05Z07:00" "1999-12-31T23:59:59.5Z") now (dateModify "bad" now)}}`,
  },
  {
    found: "printf of a time: %#v",
    source: `{{printf "%#v" (toDate "2006-01-02" "bad") | html}}|{{printf "%#v" (list now)}}`,
  },
  {
    found: "wrap and wrapWith count bytes",
    source: `{{wrapWith 2 "|" "emoji 😀"}}|{{wrapWith 3 "-" "héllo"}}|{{wrap 6 .s}}`,
    vars: { s: "héllo wörld ünïcödé ab" },
  },
  { found: "title: only spaces separate beyond ASCII", source: `{{title "a😀b x·y é"}}` },
  // cast.ToFloat64 is strconv.ParseFloat: hex floats and underscores between digits parse, out of range is an error (0).
  {
    found: "float64 of a hex float",
    source:
      `{{printf "%X" 1e-7 | float64}}|{{float64 "0x1.8p+01"}}|{{float64 "1_000"}}|{{float64 "1e400"}}|{{addf "+nan" 1}}`,
  },
];
