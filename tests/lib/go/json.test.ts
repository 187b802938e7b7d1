import { describe, expect, it } from "vitest";
import { encodeGoJson, type GoJsonOptions, quoteGoJson } from "../../../lib/go/json.ts";
import { GoDuration } from "../../../lib/values/duration.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoMonth } from "../../../lib/values/time.ts";
import { withGoType } from "../../../lib/gofmt/go-type.ts";

const compact: GoJsonOptions = { escapeHtml: true, indent: "" };
const pretty: GoJsonOptions = { escapeHtml: true, indent: "  " };
const raw: GoJsonOptions = { escapeHtml: false, indent: "" };

describe("quoteGoJson()", () => {
  const cases = [
    { name: "plain ASCII as is", input: "abc", html: true, expected: '"abc"' },
    { name: "quotes and backslashes", input: 'a"b\\', html: true, expected: '"a\\"b\\\\"' },
    { name: "\\n, \\r, \\t short", input: "\n\r\t", html: true, expected: '"\\n\\r\\t"' },
    { name: "\\b and \\f short, as Go >= 1.22 does", input: "\b\f", html: true, expected: '"\\b\\f"' },
    { name: "other control characters as \\u00XX", input: "\u0001\u001f", html: true, expected: '"\\u0001\\u001f"' },
    { name: "<, > and & escaped", input: "<&>", html: true, expected: '"\\u003c\\u0026\\u003e"' },
    { name: "<, > and & kept without HTML escaping", input: "<&>", html: false, expected: '"<&>"' },
    { name: "U+2028 and U+2029 always escaped", input: "\u2028\u2029", html: false, expected: '"\\u2028\\u2029"' },
    { name: "a lone surrogate as \\ufffd", input: "a\ud800", html: true, expected: '"a\\ufffd"' },
    { name: "non-ASCII as is", input: "héllo 🚀", html: true, expected: '"héllo 🚀"' },
    { name: "DEL as is", input: "\u007f", html: true, expected: '"\u007f"' },
  ] as const;
  for (const c of cases) it(`writes ${c.name}`, () => expect(quoteGoJson(c.input, c.html)).toBe(c.expected));
});

describe("encodeGoJson()", () => {
  // Outputs checked against Go's encoding/json.
  const cases = [
    { name: "sorted keys, compact", v: { b: 1, a: [true, null] }, o: compact, expected: '{"a":[true,null],"b":1}' },
    {
      name: "keys in UTF-8 byte order",
      v: { "\u{1F600}": 1, "\uffe0": 2, B: 3, a: 4 },
      o: compact,
      expected: '{"B":3,"a":4,"\uffe0":2,"\u{1F600}":1}',
    },
    {
      name: "MarshalIndent layout",
      v: { b: [1], a: "<" },
      o: pretty,
      expected: '{\n  "a": "\\u003c",\n  "b": [\n    1\n  ]\n}',
    },
    { name: "empty collections", v: [[], {}], o: pretty, expected: "[\n  [],\n  {}\n]" },
    { name: "raw strings", v: ["&", null, true], o: raw, expected: '["&",null,true]' },
    {
      name: "Go's float format",
      v: [1e-7, 1e21, 1e20, new GoFloat(-0), 1.5e-7, new GoFloat(123456789), 0.000001],
      o: compact,
      expected: "[1e-7,1e+21,100000000000000000000,-0,1.5e-7,123456789,0.000001]",
    },
    { name: "an int -0 as 0", v: -0, o: compact, expected: "0" },
    { name: "int64", v: 9007199254740993n, o: compact, expected: "9007199254740993" },
    { name: "bytes as base64", v: Uint8Array.from([104, 105]), o: compact, expected: '"aGk="' },
    { name: "durations and months as integers", v: [new GoDuration(5), new GoMonth(1)], o: compact, expected: "[5,1]" },
    {
      name: "a tagged map",
      v: withGoType({ b: "x", a: "y" }, "map[string]string"),
      o: compact,
      expected: '{"a":"y","b":"x"}',
    },
  ] as const;
  for (const c of cases) {
    it(`writes ${c.name}`, () => expect(encodeGoJson(c.v, c.o)).toEqual({ _tag: "Right", right: c.expected }));
  }

  const cyclic: Record<string, unknown> = {};
  cyclic["x"] = cyclic;
  const errors = [
    { name: "NaN", v: [NaN], expected: "json: unsupported value: NaN" },
    { name: "+Inf", v: Infinity, expected: "json: unsupported value: +Inf" },
    { name: "-Inf", v: { a: -Infinity }, expected: "json: unsupported value: -Inf" },
    { name: "a function", v: () => 1, expected: "json: unsupported type: func()" },
    {
      name: "a cycle",
      v: cyclic,
      expected: "json: unsupported value: encountered a cycle via map[string]interface {}",
    },
  ] as const;
  for (const c of errors) {
    it(`refuses ${c.name} with Go's message`, () =>
      expect(encodeGoJson(c.v, compact)).toEqual({ _tag: "Left", left: c.expected }));
  }
});
