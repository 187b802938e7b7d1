import { describe, expect, it } from "vitest";
import { consoleProvider } from "../../../providers/console/console.ts";
import { notificationTo, prepareWith } from "../../_helpers/delivery.ts";

describe("console", () => {
  it("prints the notification as YAML, keys sorted, recipient ignored", () => {
    const n = notificationTo("console", "stdout", {
      message: "hello",
      blocks: { slack: { username: "bot", deliveryPolicy: "Post", groupingKey: "" } },
    });
    expect(prepareWith(consoleProvider, {}, n)).toEqual({
      kind: "print",
      text: 'message: hello\nslack:\n  deliveryPolicy: Post\n  groupingKey: ""\n  username: bot\n',
    });
  });

  it("has no settings of its own besides the delivery policy", () => {
    expect(consoleProvider.decodeSettings({ colour: true }).diagnostics.map((d) => d.message)).toEqual([
      '"colour" is not a setting of the console service; it is ignored',
    ]);
  });
});
