import { describe, expect, it } from "vitest";
import { sprintf } from "../../../lib/gofmt/sprintf.ts";
import { withGoType } from "../../../lib/gofmt/go-type.ts";
import { GoFloat } from "../../../lib/values/float.ts";
import { GoTime } from "../../../lib/values/time.ts";

class Stringer {
  String(): string {
    return "S";
  }
}
class Failure {
  Error(): string {
    return "E";
  }
}

// Expected values from Go 1.19 fmt.Sprintf (see also tests/conformance/templates/sprig-fmt.json).
const cases: readonly { name: string; format: string; args: readonly unknown[]; want: string }[] = [
  { name: "zero-padded float", format: "%08.3f", args: [3.14159], want: "0003.142" },
  {
    name: "integer flags",
    format: "%5d|%-5d|%05d|%+d|% d",
    args: [42, 42, -42, 42, 42],
    want: "   42|42   |-0042|+42| 42",
  },
  {
    name: "integer bases",
    format: "%x|%X|%o|%O|%b|%#x|%#o|%#b",
    args: [255, 255, 8, 8, 5, 255, 8, 5],
    want: "ff|FF|10|0o10|101|0xff|010|0b101",
  },
  { name: "precision on integers", format: "%.3d|%8.3d|%.0d", args: [7, 7, 0], want: "007|     007|" },
  { name: "runes", format: "%c|%q|%U|%#U", args: [65, 97, 9731, 9731], want: "A|'a'|U+2603|U+2603 '☃'" },
  {
    name: "strings",
    format: "%s|%q|%x|% x|%10s|%-4s|%.2s",
    args: ["héllo", 'a"b', "hi", "abc", "r", "l", "héllo"],
    want: 'héllo|"a\\"b"|6869|61 62 63|         r|l   |hé',
  },
  { name: "quote flags", format: "%#q|%+q", args: ["back", "é"], want: '`back`|"\\u00e9"' },
  {
    name: "bad verbs",
    format: "%d|%s|%d|%t",
    args: ["x", 3, 1.5, 1],
    want: "%!d(string=x)|%!s(int=3)|%!d(float64=1.5)|%!t(int=1)",
  },
  { name: "missing and extra", format: "%d %d", args: [1], want: "1 %!d(MISSING)" },
  { name: "extra operands", format: "%d", args: [1, 2, "x", null], want: "1%!(EXTRA int=2, string=x, <nil>)" },
  { name: "no verb", format: "%", args: [], want: "%!(NOVERB)" },
  { name: "argument indexes", format: "%[2]d %[1]d|%[3]d", args: [1, 2], want: "2 1|%!d(BADINDEX)" },
  {
    name: "star width and precision",
    format: "%*d|%-*d|%.*f",
    args: [5, 1, 5, 2, 2, 3.14159],
    want: "    1|2    |3.14",
  },
  { name: "bad width", format: "%*d", args: ["x", 1], want: "%!(BADWIDTH)1" },
  { name: "percent", format: "%%|%5%", args: [], want: "%|%" },
  {
    name: "maps sorted",
    format: "%v|%d",
    args: [{ b: 2, a: "x" }, { b: 2, a: "x" }],
    want: "map[a:x b:2]|map[%!d(string=a):%!d(string=x) %!d(string=b):2]",
  },
  {
    name: "go syntax",
    format: "%#v|%#v",
    args: [{ a: [1, null] }, "s"],
    want: 'map[string]interface {}{"a":[]interface {}{1, interface {}(nil)}}|"s"',
  },
  {
    name: "types",
    format: "%T %T %T %T %T %T",
    args: [1, 1.5, "x", null, [1], withGoType(["a"], "[]string")],
    want: "int float64 string <nil> []interface {} []string",
  },
  {
    name: "boxed float",
    format: "%v|%T|%d",
    args: [new GoFloat(1e6), new GoFloat(2), new GoFloat(2)],
    want: "1e+06|float64|%!d(float64=2)",
  },
  { name: "nil", format: "%v|%s|%d", args: [null, null, null], want: "<nil>|%!s(<nil>)|%!d(<nil>)" },
  {
    name: "width on slice elements",
    format: "%5v|%-5v",
    args: [[1, "a"], [1, "a"]],
    want: "[    1     a]|[1     a    ]",
  },
  {
    name: "bytes",
    format: "%v|%s|%x",
    args: [Uint8Array.from([104, 105]), Uint8Array.from([104, 105]), Uint8Array.from([104, 105])],
    want: "[104 105]|hi|6869",
  },
  { name: "stringer", format: "%v|%s|%d", args: [new Stringer(), new Failure(), null], want: "S|E|%!d(<nil>)" },
  // A map is never a Stringer in Go, whatever its keys hold (#7).
  {
    name: "map with a String key",
    format: "%v|%s",
    args: [{ String: () => "S" }, { Error: () => "E" }],
    want: "map[String:0x0]|map[Error:%!s(func()=0x0)]",
  },
  {
    name: "sharp floats",
    format: "%#.0f|%#g|%#.3g",
    args: [new GoFloat(3), 1.5, new GoFloat(2)],
    want: "3.|1.50000|2.00",
  },
  {
    name: "signed zero padding",
    format: "%010.2f|%+010.2f|% .2f",
    args: [-3.14159, 3.14159, 3.14159],
    want: "-000003.14|+000003.14| 3.14",
  },
  // Found by differential fuzzing (scripts/oracle/template-fuzz.ts).
  {
    name: "%c and %q pad with zeros (Go 1.19)",
    format: "%08c|% 08c|%06q|%-04c|",
    args: [-2, 66405, 255, 0],
    want: "0000000\ufffd|0000000\u{10365}|000'ÿ'|\u0000   |",
  },
  {
    name: "%#x of a float counts the x as a digit",
    format: "%#x|%#x|%#.4x|%#x",
    args: [-3.25, 1.5, 1.5, new GoFloat(0)],
    want: "-0x1.a000p+01|0x1.8000p+00|0x1.8000p+00|0x0.0000p+00",
  },
  {
    name: "%#X of a float only adds the point",
    format: "%#X|%+#X|%#X",
    args: [new GoFloat(0), new GoFloat(0), 1.5],
    want: "0X0.P+00|+0X0.P+00|0X1.8P+00",
  },
  {
    name: "time.Time struct for other verbs",
    format: "%d|%c|%08z",
    args: [new GoTime(1704164645), new GoTime(1704164645), new GoTime(-62135596800)],
    want:
      "{0 63839761445 0}|{\u0000 \ufffd %!c(*time.Location=<nil>)}|{%!z(uint64=00000000) %!z(int64=00000000) %!z(*time.Location=000<nil>)}",
  },
  {
    name: "time.Time GoString",
    format: "%#v|%#.8v",
    args: [new GoTime(946684799, 500000000), new GoTime(-62135596800)],
    want: "time.Date(1999, time.December, 31, 23, 59, 59, 500000000, time.UTC)|time.Dat",
  },
];

describe("sprintf()", () => {
  for (const c of cases) {
    it(`formats ${c.name}`, () => {
      expect(sprintf(c.format, c.args)).toBe(c.want);
    });
  }
});
