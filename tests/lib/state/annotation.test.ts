import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defaultLimits } from "../../../lib/limits.ts";
import { growth, nearLinear } from "../../_helpers/growth.ts";
import type { NotifiedState } from "../../../lib/state/notified-state.ts";
import {
  decodeNotifiedState,
  encodeNotifiedState,
  notifiedAnnotationKey,
  readNotifiedState,
  truncateNotifiedState,
  writeNotifiedState,
} from "../../../lib/state/annotation.ts";

const annotation = "notified.notifications.argoproj.io";

describe("notifiedAnnotationKey()", () => {
  it("is notified.<prefix>", () => {
    expect(notifiedAnnotationKey()).toBe(annotation);
    expect(notifiedAnnotationKey({ prefix: "test.prefix" })).toBe(
      "notified.test.prefix",
    );
  });
});

describe("encodeNotifiedState()", () => {
  // Byte-for-byte what Go's json.Marshal(map[string]int64) writes; more in tests/conformance/notified-state.test.ts.
  const cases = [
    { name: "writes {} for the empty state", input: {}, expected: "{}" },
    {
      name: "sorts keys and writes no spaces",
      input: { b: 2, a: 1 },
      expected: '{"a":1,"b":2}',
    },
    {
      name: "escapes <, > and & like Go",
      input: { "<&>": 1 },
      expected: '{"\\u003c\\u0026\\u003e":1}',
    },
    {
      name: "writes \\b and \\f short, as Go >= 1.22 does",
      input: { "\b\f": 1 },
      expected: '{"\\b\\f":1}',
    },
    {
      name: "writes other control characters as \\u00XX",
      input: { "\u0001\u001f": 1 },
      expected: '{"\\u0001\\u001f":1}',
    },
    {
      name: "escapes U+2028 and U+2029",
      input: { "\u2028\u2029": 1 },
      expected: '{"\\u2028\\u2029":1}',
    },
    {
      name: "writes a lone surrogate as \\ufffd, as Go does invalid UTF-8",
      input: { "a\ud800": 1 },
      expected: '{"a\\ufffd":1}',
    },
    {
      name: "sorts by UTF-8 bytes, not UTF-16 units",
      input: { "\u{1F600}": 1, "\uffe0": 2 },
      expected: '{"\uffe0":2,"\u{1F600}":1}',
    },
    { name: "writes -0 as 0", input: { a: -0 }, expected: '{"a":0}' },
    {
      name: "writes a key named __proto__",
      input: JSON.parse('{"__proto__":1}') as NotifiedState,
      expected: '{"__proto__":1}',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(encodeNotifiedState(c.input)).toBe(c.expected));
  }

  it("throws a RangeError for a value that is not an integer (a broken invariant)", () => {
    expect(() => encodeNotifiedState({ a: 1.5 })).toThrow(RangeError);
  });
});

describe("decodeNotifiedState()", () => {
  const ok = [
    { name: "reads an absent value as empty", input: undefined, expected: {} },
    { name: "reads the empty string as empty", input: "", expected: {} },
    { name: "reads null as empty", input: "null", expected: {} },
    {
      name: "reads an object of integers",
      input: '{"a":1,"b":-2}',
      expected: { a: 1, b: -2 },
    },
    {
      name: "reads a null value as 0, as Go does",
      input: '{"a":null}',
      expected: { a: 0 },
    },
    {
      name: "keeps the last of duplicate keys",
      input: '{"a":1,"a":2}',
      expected: { a: 2 },
    },
    { name: "allows whitespace", input: ' {\n "a" : 1 } ', expected: { a: 1 } },
    {
      name: "replaces lone surrogates, as Go does",
      input: '{"\\ud800":1}',
      expected: { "\ufffd": 1 },
    },
  ];
  for (const c of ok) {
    it(c.name, () =>
      expect(decodeNotifiedState(c.input)).toEqual({
        state: c.expected,
        diagnostics: [],
      }));
  }

  const bad = [
    "not json",
    "[]",
    "1",
    '"x"',
    '{"a":1.5}',
    '{"a":1.0}',
    '{"a":1e3}',
    '{"a":"1"}',
    '{"a":true}',
    '{"a":{}}',
    '{"a":1}x',
    '{"a":9007199254740993}',
  ];
  for (const input of bad) {
    it(`reads ${input} as empty, with an InvalidState warning`, () => {
      const r = decodeNotifiedState(input);
      expect(r.state).toEqual({});
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({
        _tag: "InvalidState",
        severity: "warning",
      });
    });
  }

  it("does not treat a number inside a key as a value", () => {
    expect(decodeNotifiedState('{"1.5e3 \\" 2.5":1}').state).toEqual({
      '1.5e3 " 2.5': 1,
    });
  });

  const state = fc.dictionary(
    fc.string({ unit: "binary" }),
    fc.maxSafeInteger().filter((n) => !Object.is(n, -0)),
  );
  it("decode ∘ encode = id", () => {
    fc.assert(
      fc.property(state, (s) => {
        const r = decodeNotifiedState(encodeNotifiedState(s));
        expect(r.diagnostics).toEqual([]);
        expect(r.state).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it("encode ∘ decode = id on what encode writes", () => {
    fc.assert(
      fc.property(state, (s) => {
        const text = encodeNotifiedState(s);
        return encodeNotifiedState(decodeNotifiedState(text).state) === text;
      }),
      { numRuns: 500 },
    );
  });

  it("writes keys in sorted order and parses as JSON", () => {
    fc.assert(
      fc.property(state, (s) => {
        const keys = Object.keys(JSON.parse(encodeNotifiedState(s)));
        const bytes = keys.map((k) =>
          [...new TextEncoder().encode(k)].map((b) => b.toString(16).padStart(2, "0")).join("")
        );
        return bytes.every((b, i) => i === 0 || bytes[i - 1]! < b);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = decodeNotifiedState(text);
        return Object.values(r.state).every(Number.isSafeInteger);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("truncateNotifiedState()", () => {
  const cases = [
    // Upstream's TestNotificationState_Truncate.
    {
      name: "keeps the newest entries",
      input: { "0": 0, "1": 1, "2": 2, "3": 3, "4": 4 },
      max: 3,
      expected: { "2": 2, "3": 3, "4": 4 },
    },
    {
      name: "keeps everything under the limit",
      input: { a: 1 },
      max: 3,
      expected: { a: 1 },
    },
    {
      name: "drops the smaller keys first among equal times",
      input: { c: 5, a: 5, b: 5, d: 6 },
      max: 2,
      expected: { c: 5, d: 6 },
    },
    {
      name: "keeps nothing for a limit of 0",
      input: { a: 1 },
      max: 0,
      expected: {},
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      () => expect(truncateNotifiedState(c.input, c.max)).toEqual(c.expected),
    );
  }

  it("keeps 100 entries by default", () => {
    const state = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`k${i}`, i]),
    );
    const kept = truncateNotifiedState(state);
    expect(Object.keys(kept)).toHaveLength(100);
    expect(Object.hasOwn(kept, "k49")).toBe(false);
    expect(Object.hasOwn(kept, "k50")).toBe(true);
  });

  it("returns the same object when under the limit", () => {
    const state = { a: 1 };
    expect(truncateNotifiedState(state)).toBe(state);
  });

  it("never keeps an older entry while dropping a newer one", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.nat(20)),
        fc.nat(10),
        (s, max) => {
          const kept = truncateNotifiedState(s, max);
          const dropped = Object.entries(s).filter(([k]) => !Object.hasOwn(kept, k));
          return Object.keys(kept).length ===
              Math.min(max, Object.keys(s).length) &&
            dropped.every(([, t]) => Object.values(kept).every((u) => u >= t));
        },
      ),
    );
  });
});

describe("readNotifiedState()", () => {
  const cases = [
    {
      name: "reads the annotation",
      input: { [annotation]: '{"a":1}' },
      options: {},
      expected: { a: 1 },
      tags: [],
    },
    {
      name: "reads another prefix",
      input: { "notified.example.com": '{"a":1}', [annotation]: '{"b":1}' },
      options: { prefix: "example.com" },
      expected: { a: 1 },
      tags: [],
    },
    {
      name: "reads no annotations as empty",
      input: undefined,
      options: {},
      expected: {},
      tags: [],
    },
    {
      name: "reads a non-string value as empty with a warning",
      input: { [annotation]: 5 },
      options: {},
      expected: {},
      tags: ["InvalidState"],
    },
    {
      name: "names the annotation in the diagnostic",
      input: { [annotation]: "{" },
      options: {},
      expected: {},
      tags: ["InvalidState"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = readNotifiedState(c.input, c.options);
      expect(r.state).toEqual(c.expected);
      expect(r.diagnostics.map((d) => d._tag)).toEqual(c.tags);
      for (const d of r.diagnostics) {
        expect(d.key).toBe(notifiedAnnotationKey(c.options));
      }
    });
  }
});

describe("writeNotifiedState()", () => {
  const cases = [
    {
      name: "adds the annotation",
      annotations: { a: "b" },
      state: { k: 1 },
      options: {},
      expected: { a: "b", [annotation]: '{"k":1}' },
    },
    {
      name: "replaces the annotation",
      annotations: { [annotation]: '{"old":1}' },
      state: { k: 1 },
      options: {},
      expected: { [annotation]: '{"k":1}' },
    },
    {
      name: "removes the annotation for the empty state",
      annotations: { a: "b", [annotation]: '{"k":1}' },
      state: {},
      options: {},
      expected: { a: "b" },
    },
    {
      name: "truncates before writing",
      annotations: {},
      state: { a: 1, b: 2, c: 3 },
      options: { maxEntries: 2 },
      expected: { [annotation]: '{"b":2,"c":3}' },
    },
    {
      name: "writes under another prefix",
      annotations: null,
      state: { k: 1 },
      options: { prefix: "p.io" },
      expected: { "notified.p.io": '{"k":1}' },
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      () =>
        expect(writeNotifiedState(c.annotations, c.state, c.options)).toEqual(
          c.expected,
        ),
    );
  }

  it("does not modify its inputs", () => {
    const annotations = Object.freeze({ a: "b" });
    const state = Object.freeze({ k: 1 });
    writeNotifiedState(annotations, state);
    expect(annotations).toEqual({ a: "b" });
  });

  it("round-trips through readNotifiedState", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.nat(), { maxKeys: 20 }),
        (s) => {
          expect(readNotifiedState(writeNotifiedState({}, s)).state).toEqual(s);
        },
      ),
    );
  });
});

describe("decodeNotifiedState() on large values (#7)", () => {
  const state = (n: number): string =>
    `{${Array.from({ length: n }, (_, i) => `"on-x:[0].abc:slack:r${i}":${1_700_000_000 + i}`).join(",")}}`;

  it("reads a state up to maxAnnotationBytes, and refuses a larger one unread, as a warning", () => {
    const value = state(10);
    expect(Object.keys(decodeNotifiedState(value, { limits: { maxAnnotationBytes: value.length } }).state))
      .toHaveLength(10);
    expect(decodeNotifiedState(value, { limits: { maxAnnotationBytes: value.length - 1 } })).toEqual({
      state: {},
      diagnostics: [{
        _tag: "LimitExceeded",
        severity: "warning",
        message: `limit exceeded: maxAnnotationBytes (${
          value.length - 1
        }): the notified state is larger, so it is treated as empty`,
        hint: "every notification it recorded may be sent again",
      }],
    });
  });

  it("refuses a 50 MB state by default, naming the annotation", () => {
    const value = `{"a":1${" ".repeat(50_000_000)}}`;
    const r = readNotifiedState({ "notified.notifications.argoproj.io": value });
    expect(r.state).toEqual({});
    expect(r.diagnostics.map((d) => [d._tag, d.key])).toEqual([[
      "LimitExceeded",
      "notified.notifications.argoproj.io",
    ]]);
  });

  it("reads the largest state Kubernetes can hold, and larger ones when allowed, in near-linear time", () => {
    let n = 0;
    for (let size = 2; size + 40 <= defaultLimits.maxAnnotationBytes; n++) {
      size += `"on-x:[0].abc:slack:r${n}":1700000000,`.length;
    }
    const r = decodeNotifiedState(state(n));
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.state)).toHaveLength(n);
    expect(r.state[`on-x:[0].abc:slack:r${n - 1}`]).toBe(1_700_000_000 + n - 1);
    const limits = { maxAnnotationBytes: 1 << 30 };
    expect(growth(
      (size) => {
        const value = state(size);
        return () => decodeNotifiedState(value, { limits });
      },
      2_000,
      5,
    )).toBeLessThan(nearLinear);
  });
});
