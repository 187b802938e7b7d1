import { describe, expect, it } from "vitest";
import type { DefaultSubscription } from "../../../lib/config/config.ts";
import { defaultTriggersFor, resolveDefaultSubscriptions } from "../../../lib/subscriptions/defaults.ts";
import { parseSelector } from "../../../lib/subscriptions/selector.ts";

function sub(
  recipients: string[],
  triggers: string[],
  selector = "",
): DefaultSubscription {
  const s = parseSelector(selector);
  if (s._tag === "Left") throw new Error(s.left.message);
  return {
    recipients: recipients.map((r) => ({
      service: r.split(":")[0]!,
      recipient: r.split(":")[1] ?? "",
    })),
    triggers,
    selector: s.right,
  };
}

describe("defaultTriggersFor()", () => {
  const config = {
    defaultTriggers: ["on-deployed", "on-degraded"],
    serviceDefaultTriggers: new Map<string, readonly string[]>([["slack", [
      "on-sync-failed",
    ]], ["email", []]]),
  };
  const cases = [
    {
      name: "uses the service's own defaults",
      service: "slack",
      expected: ["on-sync-failed"],
    },
    {
      name: "falls back to the global defaults",
      service: "teams",
      expected: ["on-deployed", "on-degraded"],
    },
    {
      name: "keeps an empty per-service list, as the Go engine",
      service: "email",
      expected: [],
    },
  ];
  for (const c of cases) {
    it(
      c.name,
      () => expect(defaultTriggersFor(c.service, config)).toEqual(c.expected),
    );
  }
});

describe("resolveDefaultSubscriptions()", () => {
  const cases = [
    {
      name: "applies a subscription whose selector matches",
      subscriptions: [sub(["slack:ops"], ["on-x"], "team=a")],
      labels: { team: "a" },
      expected: [{
        trigger: "on-x",
        destination: { service: "slack", recipient: "ops" },
      }],
    },
    {
      name: "skips a subscription whose selector does not match",
      subscriptions: [sub(["slack:ops"], ["on-x"], "team=a")],
      labels: { team: "b" },
      expected: [],
    },
    {
      name: "uses the global default triggers when none are named",
      subscriptions: [sub(["slack:ops"], [])],
      labels: {},
      expected: [
        { trigger: "d1", destination: { service: "slack", recipient: "ops" } },
        { trigger: "d2", destination: { service: "slack", recipient: "ops" } },
      ],
    },
    {
      name: "yields every trigger × recipient in order",
      subscriptions: [
        sub(["slack:a", "email:b"], ["t1", "t2"]),
        sub(["teams:c"], ["t1"], "!legacy"),
      ],
      labels: {},
      expected: [
        { trigger: "t1", destination: { service: "slack", recipient: "a" } },
        { trigger: "t1", destination: { service: "email", recipient: "b" } },
        { trigger: "t2", destination: { service: "slack", recipient: "a" } },
        { trigger: "t2", destination: { service: "email", recipient: "b" } },
        { trigger: "t1", destination: { service: "teams", recipient: "c" } },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const config = {
        subscriptions: c.subscriptions,
        defaultTriggers: ["d1", "d2"],
      };
      expect(resolveDefaultSubscriptions(c.labels, config)).toEqual(c.expected);
    });
  }

  it("does not use the per-service default triggers (only annotations do)", () => {
    const config = {
      subscriptions: [sub(["slack:ops"], [])],
      defaultTriggers: [],
    };
    expect(resolveDefaultSubscriptions({}, config)).toEqual([]);
  });
});
