/** Go 1.19 time.Parse error texts (from the Go oracle): the value part is reported as far as parsing got. */
import { describe, expect, it } from "vitest";
import { parseLayout } from "../../../lib/values/layout.ts";

const failures: readonly { layout: string; value: string; error: string }[] = [
  // A four-digit year consumes its four bytes before atoi fails.
  {
    layout: "2006-01-02T15:04:05Z07:00",
    value: "1.2345e-05",
    error: 'parsing time "1.2345e-05" as "2006-01-02T15:04:05Z07:00": cannot parse "45e-05" as "2006"',
  },
  { layout: "2006-01-02", value: "bad", error: 'parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006"' },
  // A two-digit year keeps the value.
  { layout: "06-1-_2 3PM", value: "1x", error: 'parsing time "1x" as "06-1-_2 3PM": cannot parse "1x" as "06"' },
  // skip reports what is left after the matched part of the literal prefix.
  {
    layout: "é,%&\n",
    value: "é",
    error: 'parsing time "\\xc3\\xa9" as "\\xc3\\xa9,%&\\x0a": cannot parse "" as "\\xc3\\xa9,%&\\x0a"',
  },
  {
    layout: "2006-01-02",
    value: "2024-01x",
    error: 'parsing time "2024-01x" as "2006-01-02": cannot parse "x" as "-"',
  },
  // AM/PM consumes two bytes.
  { layout: "3:04pm", value: "3:04xm", error: 'parsing time "3:04xm" as "3:04pm": cannot parse "" as "pm"' },
  // A zone offset consumes its sign and digits.
  {
    layout: "15:04 -07:00",
    value: "12:00 +0x:00",
    error: 'parsing time "12:00 +0x:00" as "15:04 -07:00": cannot parse "" as "-07:00"',
  },
  // Range errors name the element only.
  { layout: "2006-01-02", value: "2024-13-01", error: 'parsing time "2024-13-01": month out of range' },
];

describe("parseLayout errors", () => {
  for (const f of failures) {
    it(`${JSON.stringify(f.value)} as ${JSON.stringify(f.layout)}`, () => {
      const r = parseLayout(f.layout, f.value);
      expect(r._tag === "Left" ? r.left : "parsed").toBe(f.error);
    });
  }
});
