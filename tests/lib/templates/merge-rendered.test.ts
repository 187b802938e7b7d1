import { describe, expect, it } from "vitest";
import { mergeRendered, type RenderedContent } from "../../../lib/templates/mod.ts";
import { builtinBlocks } from "../../../providers/mod.ts";

const c = (message: string, blocks: RenderedContent["blocks"] = {}): RenderedContent => ({ message, blocks });

describe("mergeRendered(, builtinBlocks)", () => {
  const cases = [
    { name: "gives an empty notification for no templates", input: [], expected: c("") },
    { name: "replaces the message by a later non-empty one", input: [c("First"), c("Second")], expected: c("Second") },
    { name: "keeps the message when a later one is empty", input: [c("First"), c("")], expected: c("First") },
    {
      name: "keeps blocks only one template has",
      input: [c("a", { email: { subject: "s" } }), c("", { teams: { title: "t" } })],
      expected: c("a", { email: { subject: "s" }, teams: { title: "t" } }),
    },
    {
      name: "merges e-mail field by field (empty fields are left out by render)",
      input: [c("", { email: { subject: "s1", body: "b1" } }), c("", { email: { subject: "s2" } })],
      expected: c("", { email: { subject: "s2", body: "b1" } }),
    },
    {
      name: "replaces the Slack block, whose fields Go always overwrites",
      input: [
        c("", { slack: { attachments: [{ title: "x" }], groupingKey: "", deliveryPolicy: "Post" } }),
        c("", { slack: { groupingKey: "k", deliveryPolicy: "Update" } }),
      ],
      expected: c("", { slack: { groupingKey: "k", deliveryPolicy: "Update" } }),
    },
    {
      name: "replaces each webhook entry as a whole and keeps the others",
      input: [
        c("", {
          webhook: { a: { method: "POST", path: "/a", body: "1" }, b: { method: "GET", path: "/b", body: "" } },
        }),
        c("", { webhook: { a: { method: "PUT", path: "/a2", body: "" } } }),
      ],
      expected: c("", {
        webhook: { a: { method: "PUT", path: "/a2", body: "" }, b: { method: "GET", path: "/b", body: "" } },
      }),
    },
    {
      name: "merges GitHub sub-blocks recursively",
      input: [
        c("", { github: { repoURL: "r1", revision: "v1", status: { state: "pending", label: "l", targetURL: "" } } }),
        c("", { github: { repoURL: "r2", revision: "v2", deployment: { state: "success" } } }),
      ],
      expected: c("", {
        github: {
          repoURL: "r2",
          revision: "v2",
          status: { state: "pending", label: "l", targetURL: "" },
          deployment: { state: "success" },
        },
      }),
    },
    {
      name: "replaces Opsgenie maps and lists only when the later template defines them",
      input: [
        c("", { opsgenie: { description: "d1", details: { a: "1" }, tags: ["x"] } }),
        c("", { opsgenie: { description: "", tags: ["y"] } }),
      ],
      expected: c("", { opsgenie: { description: "", details: { a: "1" }, tags: ["y"] } }),
    },
  ] as const;
  for (const t of cases) {
    it(t.name, () => {
      expect(mergeRendered(t.input, builtinBlocks)).toEqual(t.expected);
    });
  }
});
