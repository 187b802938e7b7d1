/** sprig functions called directly (no executor), for behaviour the goldens cannot pin: the render clock, typed results. */
import { describe, expect, it } from "vitest";
import { formatValue, goTypeName } from "../../../../lib/gofmt/mod.ts";
import { GoFuncError } from "../../../../lib/templates/go/func.ts";
import { sprigFunctions } from "../../../../lib/templates/sprig/mod.ts";
import { GoTime } from "../../../../lib/values/time.ts";

const now = Date.UTC(2024, 0, 2, 3, 4, 5);
const ctx = { now };

function call(name: string, ...args: unknown[]): unknown {
  const f = sprigFunctions[name];
  if (f === undefined) throw new Error(`no ${name}`);
  return f(ctx, args);
}

const cases: readonly { name: string; got: () => unknown; want: string }[] = [
  { name: "now is the render clock", got: () => call("now"), want: "2024-01-02 03:04:05 +0000 UTC" },
  { name: "ago of a time", got: () => call("ago", GoTime.fromUnixMilli(now - 90 * 60_000 - 400)), want: "1h30m0s" },
  { name: "ago of unix seconds", got: () => call("ago", now / 1000 - 61), want: "1m1s" },
  { name: "date of a non-time is the render clock", got: () => call("date", "2006-01-02", "x"), want: "2024-01-02" },
  {
    name: "durationRound of a time",
    got: () => call("durationRound", GoTime.fromUnixMilli(now - 49 * 3_600_000)),
    want: "2d",
  },
  { name: "trunc", got: () => call("trunc", 5, "abcdefgh"), want: "abcde" },
  {
    name: "toJson escapes HTML",
    got: () => call("toJson", { b: "<&>", a: [1, 2.5, null] }),
    want: '{"a":[1,2.5,null],"b":"\\u003c\\u0026\\u003e"}',
  },
  { name: "mulf keeps float64", got: () => call("mulf", 1000, 1000), want: "1e+06" },
  { name: "add is int64 arithmetic over cast", got: () => call("add", "10", "0x10", "010", "1.0", "abc"), want: "35" },
  { name: "splitList is []string", got: () => goTypeName(call("splitList", ",", "a,b")), want: "[]string" },
  { name: "default", got: () => call("default", "d", ""), want: "d" },
  { name: "dict", got: () => call("dict", "b", 1, "a"), want: "map[a: b:1]" },
  // Found by differential fuzzing (scripts/oracle/template-fuzz.ts).
  {
    name: "camelcase: connectors are -, _ and spaces; runs of them stay",
    got: () => call("camelcase", "''0__é<x-y z"),
    want: "''0_É<xYZ",
  },
  { name: "camelcase: only connectors doubles the last", got: () => call("camelcase", "_"), want: "__" },
  { name: "title uses title case (digraphs)", got: () => call("title", "ǆa ǉ ǳ"), want: "ǅa ǈ ǲ" },
  {
    name: "title: a non-ASCII non-space does not separate words",
    got: () => call("title", "a😀b x·y é"),
    want: "A😀b X·y É",
  },
  {
    name: "float64 parses what %X prints (hex floats)",
    got: () => call("float64", "0X1.AD7F29ABCAF48P-24"),
    want: "1e-07",
  },
  {
    name: "float64: underscores between digits, out of range is 0",
    got: () => [call("float64", "1_000"), call("float64", "1e400"), call("float64", "1__0")],
    want: "[1000 0 0]",
  },
];

describe("sprigFunctions", () => {
  for (const c of cases) it(`${c.name}`, () => expect(formatValue(c.got())).toBe(c.want));

  const failures = [
    {
      name: "first of nil",
      got: () => call("first", null),
      message: "runtime error: invalid memory address or nil pointer dereference",
    },
    { name: "upper of an int", got: () => call("upper", 3), message: "wrong type for value; expected string; got int" },
    { name: "div by zero", got: () => call("div", 1, 0), message: "runtime error: integer divide by zero" },
    { name: "fail", got: () => call("fail", "boom"), message: "boom" },
    {
      name: "indent by a negative count",
      got: () => call("indent", -1, "a"),
      message: "strings: negative Repeat count",
    },
    {
      name: "nindent by a negative count",
      got: () => call("nindent", -2, "a"),
      message: "strings: negative Repeat count",
    },
    {
      name: "chunk of an empty list by a negative size",
      got: () => call("chunk", -3, []),
      message: "runtime error: makeslice: len out of range",
    },
    {
      name: "substr past the end",
      got: () => call("substr", -1, 10, "abc"),
      message: "runtime error: slice bounds out of range [:10] with length 3",
    },
    {
      name: "substr to a negative end",
      got: () => call("substr", -1, -2, "abc"),
      message: "runtime error: slice bounds out of range [:-2]",
    },
    {
      name: "mustFromJson: Go's syntax error",
      got: () => call("mustFromJson", "nul"),
      message: "invalid character ' ' in literal null (expecting 'l')",
    },
    {
      name: "uuidv4",
      got: () => call("uuidv4"),
      message:
        "uuidv4 is not available in notifications-engine: it needs randomness, and templates render deterministically",
    },
  ];
  for (const f of failures) {
    it(`${f.name} throws GoFuncError`, () => {
      expect(f.got).toThrow(GoFuncError);
      expect(f.got).toThrow(f.message);
    });
  }

  it("has sprig's 209 names without env and expandenv", () => {
    const names = Object.keys(sprigFunctions);
    expect(names.length).toBe(209);
    expect(names.includes("env") || names.includes("expandenv")).toBe(false);
  });
});

describe("sprigFunctions: functions that change their arguments", () => {
  it("marks exactly the dict functions that change the map they are given", () => {
    const marked = Object.entries(sprigFunctions).filter(([, f]) => f.mutates === true).map(([name]) => name).sort();
    expect(marked).toEqual(["merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite", "set", "unset"]);
  });

  it("keeps the signature of a marked function", () => {
    expect(sprigFunctions["set"]?.signature).toEqual({ params: ["map[string]interface {}", "string", "interface {}"] });
  });
});
