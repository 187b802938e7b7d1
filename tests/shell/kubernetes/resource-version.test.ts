/** Ordering of resourceVersions (etcd revisions). */
import { describe, expect, it } from "vitest";
import { isNewerOrSame } from "../../../lib/shell/kubernetes/resource-version.ts";

const cases = [
  { candidate: "10", known: "9", expected: true },
  { candidate: "9", known: "10", expected: false },
  { candidate: "123456789012345678901", known: "123456789012345678900", expected: true },
  { candidate: "7", known: "7", expected: true },
  { candidate: undefined, known: "7", expected: false },
  { candidate: "opaque", known: "7", expected: false },
  { candidate: "opaque", known: "opaque", expected: true },
] as const;

describe("isNewerOrSame", () => {
  for (const c of cases) {
    it(`${c.candidate} against ${c.known} is ${c.expected}`, () =>
      expect(isNewerOrSame(c.candidate, c.known)).toBe(c.expected));
  }
});
