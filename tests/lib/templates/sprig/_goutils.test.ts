/** goutils 1.1's helpers, pinned on the cases differential fuzzing found (outputs from the Go oracle). */
import { describe, expect, it } from "vitest";
import {
  abbreviateFull,
  deleteWhiteSpace,
  initials,
  swapCase,
  uncapitalize,
  wrapCustom,
} from "../../../../lib/templates/sprig/_goutils.ts";

const cases: readonly { name: string; got: () => string; want: string }[] = [
  // Initials reads bytes as runes: the lead byte of a multi-byte rune comes out as a Latin-1 letter.
  { name: "initials of ASCII", got: () => initials("hello big world"), want: "hbw" },
  { name: "initials of é", got: () => initials('é""aé\n\\\n'), want: "Ã\\" },
  { name: "initials of an emoji", got: () => initials("emoji 😀"), want: "eð" },
  // DeleteWhiteSpace reads bytes as runes too, unless there is no space to delete.
  { name: "nospace of non-ASCII with spaces", got: () => deleteWhiteSpace("a\u00a0b é"), want: "aÂbÃ©" },
  { name: "nospace without spaces keeps the string", got: () => deleteWhiteSpace("héllo"), want: "héllo" },
  // SwapCase is rune-wise, with title case at the start of a word.
  { name: "swapcase of digraphs", got: () => swapCase("ǆa Ǆ ǅ héLLo"), want: "ǅA ǆ ǆ HÉllO" },
  { name: "swapcase keeps ß", got: () => swapCase("ß x"), want: "ß X" },
  { name: "untitle lowers any letter", got: () => uncapitalize("Élan Ü"), want: "élan ü" },
  // WrapCustom counts and cuts bytes.
  { name: "wrap at spaces", got: () => wrapCustom("hello big world", 6, "", false), want: "hello\nbig\nworld" },
  {
    name: "wrapWith cuts inside a rune",
    got: () => wrapCustom("emoji 😀", 2, "|", true),
    want: "em|oj|i|\ufffd\ufffd|\ufffd\ufffd",
  },
  { name: "wrapWith counts bytes", got: () => wrapCustom("héllo", 3, "-", true), want: "hé-llo" },
  // AbbreviateFull counts and cuts bytes.
  { name: "abbreviate ASCII", got: () => abbreviateFull("abcdefghijklmno", 5, 10), want: "...fghi..." },
  { name: "abbreviate cuts inside a rune", got: () => abbreviateFull("aé", 0, 4), want: "aé" },
  { name: "abbreviate twice cuts bytes", got: () => abbreviateFull("ééééééééééé", 5, 10), want: "...\ufffdé\ufffd..." },
];

describe("goutils", () => {
  for (const c of cases) it(c.name, () => expect(c.got()).toBe(c.want));
});
