/** The resource's variable name the CLI picks when `--as` is not given. */
import { describe, expect, it } from "vitest";
import { decodeConfig } from "../../../mod.ts";
import { resourceNameOf } from "../../../lib/shell/cli/config-input.ts";

const triggers = (...whens: string[]) =>
  decodeConfig({
    data: Object.fromEntries(whens.map((w, i) => [`trigger.t${i}`, `- when: ${JSON.stringify(w)}\n  send: [m]`])),
  }).config;

describe("resourceNameOf", () => {
  const cases: { name: string; kind: string; as?: string; whens: string[]; want: string }[] = [
    { name: "--as wins", kind: "Application", as: "x", whens: ["cert.ready"], want: "x" },
    { name: "an Application is app", kind: "Application", whens: ["cert.ready"], want: "app" },
    { name: "a Rollout is rollout", kind: "Rollout", whens: [], want: "rollout" },
    {
      name: "the one name the conditions read",
      kind: "Certificate",
      whens: ["any(cert.status.conditions, {.reason == 'Ready' && .status == 'True'})", "cert?.spec.x in ['a']"],
      want: "cert",
    },
    {
      name: "provided variables and string literals are not the resource",
      kind: "Foo",
      whens: ["time.Now().Sub(time.Parse(foo.status.at)).Minutes() > 5 && strings.ToUpper('bar.baz') == \"x.y\""],
      want: "foo",
    },
    { name: "two names: obj", kind: "Foo", whens: ["a.x", "b.y"], want: "obj" },
    { name: "no member read: obj", kind: "Foo", whens: ["true"], want: "obj" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(resourceNameOf({ kind: c.kind }, c.as, triggers(...c.whens))).toBe(c.want);
    });
  }
});
