import { describe, expect, it } from "vitest";
import { goJsonSyntaxError } from "../../../lib/go/json-syntax.ts";

describe("goJsonSyntaxError(): Go's encoding/json syntax errors (checked against Go 1.19)", () => {
  const cases: readonly (readonly [string, string | undefined])[] = [
    ['{"a": [1, {"b": null}], "c": -0.5e+3}', undefined],
    ["hello", "invalid character 'h' looking for beginning of value"],
    ['00"', "invalid character '0' after top-level value"],
    [" -_>", "invalid character '_' in numeric literal"],
    ["[1,", "unexpected end of JSON input"],
    ["", "unexpected end of JSON input"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 2}', "invalid character '2' after object key:value pair"],
    ["[1 2]", "invalid character '2' after array element"],
    ["{1:2}", "invalid character '1' looking for beginning of object key string"],
    ['"a\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
    ["trux", "invalid character 'x' in literal true (expecting 'e')"],
    ["é", "invalid character 'Ã' looking for beginning of value"],
    ["1.e", "invalid character 'e' after decimal point in numeric literal"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ["'", "invalid character '\\'' looking for beginning of value"],
    // At the end of the input Go feeds its scanner a space: an unfinished token fails on ' '.
    ["nul", "invalid character ' ' in literal null (expecting 'l')"],
    ["-", "invalid character ' ' in numeric literal"],
    ["1e-", "invalid character ' ' in exponent of numeric literal"],
    ['"\\', "invalid character ' ' in string escape code"],
    ['"abc', "unexpected end of JSON input"],
  ];
  for (const [doc, message] of cases) {
    it(`${JSON.stringify(doc)} → ${message ?? "valid"}`, () => expect(goJsonSyntaxError(doc)).toBe(message));
  }
});
