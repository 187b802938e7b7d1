import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { stateKey } from "../../../lib/state/key.ts";

const destination = { service: "slack", recipient: "my-channel" };

describe("stateKey()", () => {
  // Upstream's TestSetAlreadyNotified and TestSetAlreadyNotified_OncePerItem (pkg/controller/state_test.go).
  const cases = [
    {
      name: "joins trigger, condition key, service and recipient",
      input: { trigger: "app-synced", conditionKey: "0", destination },
      expected: "app-synced:0:slack:my-channel",
    },
    {
      name: "prepends oncePer",
      input: {
        trigger: "app-synced",
        conditionKey: "0",
        destination,
        oncePer: "abc",
      },
      expected: "abc:app-synced:0:slack:my-channel",
    },
    {
      name: "ignores an empty oncePer",
      input: { trigger: "t", conditionKey: "[0].k", destination, oncePer: "" },
      expected: "t:[0].k:slack:my-channel",
    },
    {
      name: "puts the namespace of a self-service config after oncePer",
      input: {
        trigger: "t",
        conditionKey: "[0].k",
        destination,
        oncePer: "v1",
        apiNamespace: "team-a",
      },
      expected: "v1:team-a:t:[0].k:slack:my-channel",
    },
    {
      name: "keeps an empty namespace of a self-service config",
      input: {
        trigger: "t",
        conditionKey: "[0].k",
        destination,
        apiNamespace: "",
      },
      expected: ":t:[0].k:slack:my-channel",
    },
    {
      name: "keeps an empty recipient",
      input: {
        trigger: "t",
        conditionKey: "[1].k",
        destination: { service: "webhook", recipient: "" },
      },
      expected: "t:[1].k:webhook:",
    },
    {
      name: "does not escape colons",
      input: {
        trigger: "a:b",
        conditionKey: "[0].k",
        destination: { service: "s", recipient: "c:d" },
      },
      expected: "a:b:[0].k:s:c:d",
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(stateKey(c.input)).toBe(c.expected));
  }

  const part = fc.string({ unit: "binary" }).filter((s) => !s.includes(":"));
  it("splits back into its parts when no part holds a colon", () => {
    fc.assert(
      fc.property(
        part,
        part,
        part,
        part,
        fc.option(part.filter((s) => s !== ""), { nil: undefined }),
        fc.option(part, { nil: undefined }),
        (trigger, conditionKey, service, recipient, oncePer, apiNamespace) => {
          const key = stateKey({
            trigger,
            conditionKey,
            destination: { service, recipient },
            oncePer,
            apiNamespace,
          });
          const expected = [
            oncePer,
            apiNamespace,
            trigger,
            conditionKey,
            service,
            recipient,
          ].filter((x) => x !== undefined);
          expect(key.split(":")).toEqual(expected);
        },
      ),
    );
  });

  it("always ends with service and recipient and starts with oncePer", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (trigger, conditionKey, service, recipient, oncePer) => {
          const key = stateKey({
            trigger,
            conditionKey,
            destination: { service, recipient },
            oncePer,
          });
          return key.endsWith(`:${service}:${recipient}`) &&
            (oncePer === "" || key.startsWith(`${oncePer}:`));
        },
      ),
    );
  });

  it("separates keys that differ in oncePer, namespace or destination", () => {
    fc.assert(fc.property(part, part, part, part, (a, b, c, d) => {
      const base = {
        trigger: "t",
        conditionKey: "[0].k",
        destination: { service: "s", recipient: a },
      };
      const keys = [
        stateKey(base),
        stateKey({ ...base, oncePer: `o${b}` }),
        stateKey({ ...base, apiNamespace: c }),
        stateKey({
          ...base,
          destination: { service: "s", recipient: `${a}x${d}` },
        }),
      ];
      return new Set(keys).size === keys.length;
    }));
  });
});
