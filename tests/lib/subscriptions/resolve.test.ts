import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DefaultSubscription } from "../../../lib/config/config.ts";
import { groupByTrigger, resolveDestinations } from "../../../lib/subscriptions/resolve.ts";
import { parseSelector } from "../../../lib/subscriptions/selector.ts";
import { defaultLimits } from "../../../lib/limits.ts";
import { growth, nearLinear } from "../../_helpers/growth.ts";

const p = "notifications.argoproj.io";

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

const config = (
  over: Partial<
    {
      subscriptions: DefaultSubscription[];
      defaultTriggers: string[];
      serviceDefaultTriggers: Map<string, string[]>;
    }
  > = {},
) => ({
  subscriptions: over.subscriptions ?? [],
  defaultTriggers: over.defaultTriggers ?? [],
  serviceDefaultTriggers: over.serviceDefaultTriggers ??
    new Map<string, string[]>(),
});

const asObject = (
  d: ReadonlyMap<string, readonly { service: string; recipient: string }[]>,
) =>
  Object.fromEntries(
    [...d].map(([t, ds]) => [t, ds.map((x) => `${x.service}:${x.recipient}`)]),
  );

describe("resolveDestinations()", () => {
  // The first four rows are upstream's TestGetDestinations (pkg/subscriptions/annotations_test.go).
  const cases = [
    {
      name: "subscribes a trigger and service",
      annotations: { [`${p}/subscribe.my-trigger.slack`]: "my-channel" },
      config: config(),
      expected: { "my-trigger": ["slack:my-channel"] },
    },
    {
      name: "ignores default triggers when a trigger is named",
      annotations: { [`${p}/subscribe.my-trigger.slack`]: "my-channel" },
      config: config({
        defaultTriggers: ["trigger-a", "trigger-b", "trigger-c"],
      }),
      expected: { "my-trigger": ["slack:my-channel"] },
    },
    {
      name: "subscribes a service to the global default triggers",
      annotations: { [`${p}/subscribe.slack`]: "my-channel" },
      config: config({
        defaultTriggers: ["trigger-a", "trigger-b", "trigger-c"],
      }),
      expected: {
        "trigger-a": ["slack:my-channel"],
        "trigger-b": ["slack:my-channel"],
        "trigger-c": ["slack:my-channel"],
      },
    },
    {
      name: "prefers the service's default triggers",
      annotations: { [`${p}/subscribe.slack`]: "my-channel" },
      config: config({
        defaultTriggers: ["trigger-a"],
        serviceDefaultTriggers: new Map([["slack", [
          "trigger-d",
          "trigger-e",
        ]]]),
      }),
      expected: {
        "trigger-d": ["slack:my-channel"],
        "trigger-e": ["slack:my-channel"],
      },
    },
    {
      name: "uses the service's default triggers for YAML entries without trigger",
      annotations: {
        [`${p}/subscriptions`]:
          "- destinations: [{service: slack, recipients: [a]}, {service: email, recipients: [b]}]",
      },
      config: config({
        defaultTriggers: ["g"],
        serviceDefaultTriggers: new Map([["slack", ["s"]]]),
      }),
      expected: { s: ["slack:a"], g: ["email:b"] },
    },
    {
      name: "puts default subscriptions first, then annotations",
      annotations: { [`${p}/subscribe.t.slack`]: "from-annotation" },
      labels: { team: "a" },
      config: config({
        subscriptions: [sub(["slack:from-config"], ["t"], "team=a")],
      }),
      expected: { t: ["slack:from-config", "slack:from-annotation"] },
    },
    {
      name: "removes duplicates per trigger, keeping the first",
      annotations: {
        [`${p}/subscribe.t.slack`]: "a;b;a",
        [`${p}/subscriptions`]: "- trigger: [t, u]\n  destinations: [{service: slack, recipients: [b, a]}]",
      },
      config: config({ subscriptions: [sub(["slack:b"], ["t"])] }),
      expected: { t: ["slack:b", "slack:a"], u: ["slack:b", "slack:a"] },
    },
    {
      name: "keeps the same recipient on different services",
      annotations: {
        [`${p}/subscribe.t.slack`]: "x",
        [`${p}/subscribe.t.teams`]: "x",
      },
      config: config(),
      expected: { t: ["slack:x", "teams:x"] },
    },
    {
      name: "applies default subscriptions only when the labels match",
      annotations: {},
      labels: { env: "dev" },
      config: config({
        subscriptions: [
          sub(["slack:prod"], ["t"], "env=prod"),
          sub(["slack:any"], ["t"], "env"),
        ],
      }),
      expected: { t: ["slack:any"] },
    },
    {
      name: "treats labels that are not strings as absent",
      annotations: {},
      labels: { env: 1 },
      config: config({ subscriptions: [sub(["slack:x"], ["t"], "!env")] }),
      expected: { t: ["slack:x"] },
    },
    {
      name: "gives nothing without subscriptions",
      annotations: { "app.kubernetes.io/name": "web" },
      config: config({ defaultTriggers: ["t"] }),
      expected: {},
    },
    {
      name: "reads another prefix",
      annotations: {
        [`${p}/subscribe.t.slack`]: "old",
        "example.com/subscribe.t.slack": "new",
      },
      options: { prefix: "example.com" },
      config: config(),
      expected: { t: ["slack:new"] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = resolveDestinations(
        c.annotations,
        "labels" in c ? c.labels : {},
        c.config,
        "options" in c ? c.options : {},
      );
      expect(asObject(r.destinations)).toEqual(c.expected);
      expect(r.diagnostics).toEqual([]);
    });
  }

  it("warns once when a subscription has no default triggers to stand for", () => {
    const r = resolveDestinations(
      { [`${p}/subscribe.slack`]: "a;b" },
      {},
      config(),
    );
    expect(r.destinations.size).toBe(0);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        _tag: "InvalidSubscription",
        severity: "warning",
        key: `${p}/subscribe.slack`,
      }),
    ]);
  });

  it("passes annotation diagnostics through and keeps the rest", () => {
    const r = resolveDestinations(
      { [`${p}/subscriptions`]: "{", [`${p}/subscribe.t.slack`]: "ok" },
      undefined,
      config(),
    );
    expect(asObject(r.destinations)).toEqual({ t: ["slack:ok"] });
    expect(r.diagnostics.map((d) => d.key)).toEqual([`${p}/subscriptions`]);
  });

  it("accepts absent annotations and labels", () => {
    expect(resolveDestinations(undefined, null, config()).destinations.size)
      .toBe(0);
  });

  it("never lists a destination twice for a trigger", () => {
    const recipients = fc.array(fc.constantFrom("a", "b", " a", "c;a", ""), {
      maxLength: 5,
    }).map((xs) => xs.join(";"));
    fc.assert(fc.property(recipients, recipients, (r1, r2) => {
      const r = resolveDestinations(
        { [`${p}/subscribe.t.slack`]: r1, [`${p}/subscribe.slack`]: r2 },
        {},
        config({ defaultTriggers: ["t"] }),
      );
      return [...r.destinations.values()].every((ds) =>
        new Set(ds.map((d) => `${d.service}:${d.recipient}`)).size === ds.length
      );
    }));
  });
});

describe("groupByTrigger()", () => {
  it("orders triggers by first appearance", () => {
    const d = (service: string, recipient: string) => ({ service, recipient });
    const g = groupByTrigger([
      { trigger: "b", destination: d("s", "1") },
      { trigger: "a", destination: d("s", "1") },
      { trigger: "b", destination: d("s", "1") },
      { trigger: "b", destination: d("s", "2") },
    ]);
    expect([...g.keys()]).toEqual(["b", "a"]);
    expect(g.get("b")).toEqual([d("s", "1"), d("s", "2")]);
  });
});

describe("groupByTrigger() on many destinations (#7)", () => {
  /** Destinations whose field reads are counted: a duplicate check that scans the list reads them n² times. */
  const counted = (n: number, distinct: number) => {
    let reads = 0;
    const items = Array.from({ length: n }, (_, i) => ({
      trigger: i % 2 === 0 ? "on-a" : "on-b",
      destination: new Proxy({ service: "slack", recipient: `r${i % distinct}` }, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver);
        },
      }),
    }));
    return { items, reads: () => reads };
  };

  it("reads each destination once, however many there are", () => {
    for (const n of [1_000, 100_000]) {
      const { items, reads } = counted(n, n);
      const g = groupByTrigger(items);
      expect(g.get("on-a")).toHaveLength(n / 2);
      expect(g.get("on-b")?.[0]).toEqual({ service: "slack", recipient: "r1" });
      expect(reads()).toBe(2 * n);
    }
  });

  it("keeps the first of repeated destinations, reading each once", () => {
    const { items, reads } = counted(100_000, 10);
    const g = groupByTrigger(items);
    expect(g.get("on-a")?.map((d) => d.recipient)).toEqual(["r0", "r2", "r4", "r6", "r8"]);
    expect(g.get("on-b")?.map((d) => d.recipient)).toEqual(["r1", "r3", "r5", "r7", "r9"]);
    expect(reads()).toBe(200_000);
  });

  it("groups as comparing every pair would, with few or many destinations per trigger", () => {
    const reference = (items: readonly { trigger: string; destination: { service: string; recipient: string } }[]) => {
      const out = new Map<string, { service: string; recipient: string }[]>();
      for (const { trigger, destination: d } of items) {
        const list = out.get(trigger) ?? [];
        if (!list.some((x) => x.service === d.service && x.recipient === d.recipient)) list.push({ ...d });
        out.set(trigger, list);
      }
      return out;
    };
    const item = fc.record({
      trigger: fc.constantFrom("a", "b", "c"),
      destination: fc.record({ service: fc.constantFrom("s", "t", "s:x"), recipient: fc.string({ maxLength: 2 }) }),
    });
    fc.assert(fc.property(fc.array(item, { maxLength: 200 }), (items) => {
      expect([...groupByTrigger(items)]).toEqual([...reference(items)]);
    }));
  });

  it("tells apart destinations whose service and recipient join to the same text", () => {
    const d = (service: string, recipient: string) => ({ trigger: "t", destination: { service, recipient } });
    expect(groupByTrigger([d("a:b", "c"), d("a", "b:c"), d("ab", ""), d("a", "b")]).get("t")).toHaveLength(4);
  });
});

describe("resolveDestinations() on large annotations (#7)", () => {
  const limits = { ...defaultLimits, maxAnnotationBytes: 16 << 20 };

  it("resolves 100,000 distinct recipients of one annotation, in near-linear time", () => {
    const recipients = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`).join(";");
    const r = resolveDestinations({ [`${p}/subscribe.on-x.slack`]: recipients(100_000) }, {}, { ...config(), limits });
    expect(r.destinations.get("on-x")).toHaveLength(100_000);
    expect(r.destinations.get("on-x")?.[99_999]).toEqual({ service: "slack", recipient: "r99999" });
    expect(growth((n) => {
      const annotations = { [`${p}/subscribe.on-x.slack`]: recipients(n) };
      return () => resolveDestinations(annotations, {}, { ...config(), limits });
    }, 5_000)).toBeLessThan(nearLinear);
  });

  it("resolves 20,000 annotations of distinct services, in near-linear time", () => {
    const annotations = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${p}/subscribe.on-x.s${i}`, "ops"]));
    const r = resolveDestinations(annotations(20_000), {}, { ...config(), limits });
    expect(r.destinations.get("on-x")).toHaveLength(20_000);
    expect(growth((n) => {
      const a = annotations(n);
      return () => resolveDestinations(a, {}, { ...config(), limits });
    }, 2_000)).toBeLessThan(nearLinear);
  });

  it("refuses annotations larger than the configuration's maxAnnotationBytes; options.limits wins", () => {
    const annotations = { [`${p}/subscribe.on-x.slack`]: "a;b;c" };
    const small = { ...defaultLimits, maxAnnotationBytes: 40 };
    const refused = resolveDestinations(annotations, {}, { ...config(), limits: small });
    expect(refused.destinations.size).toBe(0);
    expect(refused.diagnostics.map((d) => d._tag)).toEqual(["LimitExceeded"]);
    const read = resolveDestinations(annotations, {}, { ...config(), limits: small }, { limits: defaultLimits });
    expect(read.destinations.get("on-x")).toHaveLength(3);
  });
});
