import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DefaultSubscription } from "../../../lib/subscriptions/mod.ts";
import { parseSelector, resolveDestinations, traceSubscriptions } from "../../../lib/subscriptions/mod.ts";

const p = "notifications.argoproj.io";

function sub(recipients: string[], triggers: string[], selector = ""): DefaultSubscription {
  const s = parseSelector(selector);
  if (s._tag === "Left") throw new Error(s.left.message);
  const destinations = recipients.map((r) => ({ service: r.split(":")[0]!, recipient: r.split(":")[1] ?? "" }));
  return { recipients: destinations, triggers, selector: s.right };
}

const config = {
  subscriptions: [
    sub(["slack:platform"], ["on-a"], "team=platform"),
    sub(["slack:all"], []),
    sub(["slack:dev"], ["on-b"], "team=dev"),
    sub([], ["on-c"]),
  ],
  defaultTriggers: ["on-a", "on-d"],
  serviceDefaultTriggers: new Map([["email", ["on-e"]]]),
};

describe("traceSubscriptions()", () => {
  const cases = [
    {
      name: "default subscriptions whose selector matches, by index, for their triggers or the default triggers",
      annotations: {},
      labels: { team: "platform" },
      matching: [0, 1, 3],
      triggers: { "on-a": [[], [0, 1]], "on-d": [[], [1]] },
    },
    {
      name: "annotations naming a trigger, or standing for the (per-service) default triggers",
      annotations: {
        [`${p}/subscribe.on-b.slack`]: "x",
        [`${p}/subscribe.email`]: "a@b.c",
        [`${p}/subscribe.slack`]: "y",
        other: "z",
      },
      labels: {},
      matching: [1, 3],
      triggers: {
        "on-a": [[`${p}/subscribe.slack`], [1]],
        "on-d": [[`${p}/subscribe.slack`], [1]],
        "on-b": [[`${p}/subscribe.on-b.slack`], []],
        "on-e": [[`${p}/subscribe.email`], []],
      },
    },
    {
      name: "the subscriptions annotation's YAML entries",
      annotations: {
        [`${p}/subscriptions`]: "- trigger: [on-x, on-y]\n  destinations: [{service: slack, recipients: [a]}]",
      },
      labels: { team: "dev" },
      matching: [1, 2, 3],
      triggers: {
        "on-a": [[], [1]],
        "on-d": [[], [1]],
        "on-b": [[], [2]],
        "on-x": [[`${p}/subscriptions`], []],
        "on-y": [[`${p}/subscriptions`], []],
      },
    },
  ];
  for (const c of cases) {
    it(`traces ${c.name}`, () => {
      const t = traceSubscriptions(c.annotations, c.labels, config);
      expect(t.matching).toEqual(c.matching);
      expect(t.annotations).toEqual(Object.keys(c.annotations).filter((k) => k !== "other").sort());
      expect(Object.fromEntries([...t.triggers].map(([k, v]) => [k, [v.annotations, v.defaultSubscriptions]]))).toEqual(
        c.triggers,
      );
    });
  }

  it("names exactly the triggers resolveDestinations gives destinations to, in the same order", () => {
    const trigger = fc.constantFrom("on-a", "on-b", "on-c", "on-x");
    const service = fc.constantFrom("slack", "email", "teams");
    const annotation = fc.oneof(
      fc.tuple(trigger, service, fc.constantFrom("a", "a;b", "", ";")).map((
        [t, s, r],
      ) => [`${p}/subscribe.${t}.${s}`, r]),
      fc.tuple(service, fc.constantFrom("a", "")).map(([s, r]) => [`${p}/subscribe.${s}`, r]),
      fc.constant([`${p}/subscriptions`, "- trigger: [on-y]\n  destinations: [{service: slack, recipients: [q]}]"]),
      fc.constant([`${p}/subscribe.on-a.`, "no service"]),
    );
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 6 }), fc.constantFrom("platform", "dev", "none"), (list, team) => {
        const annotations = Object.fromEntries(list);
        const labels = { team };
        const resolved = resolveDestinations(annotations, labels, config);
        const traced = traceSubscriptions(annotations, labels, config);
        expect([...traced.triggers.keys()]).toEqual([...resolved.destinations.keys()]);
      }),
      { numRuns: 300 },
    );
  });
});
