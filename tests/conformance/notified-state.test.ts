/**
 * The notified-state annotation against Go's encoding/json, byte for byte. The fixture comes from
 * scripts/oracle/state-json (run generate.sh there); its Go version writes `\u0008`/`\u000c` where Go >= 1.22 writes
 * `\b`/`\f`, so the cases avoid those two characters (tests/lib/state/annotation.test.ts covers them).
 */
import { describe, expect, it } from "vitest";
import golden from "./notified-state.json" with { type: "json" };
import {
  decodeNotifiedState,
  encodeNotifiedState,
  truncateNotifiedState,
} from "../../lib/state/annotation.ts";
import { stateKey } from "../../lib/state/key.ts";

const state = (
  entries: readonly { key: string; value: number }[] | undefined,
): Record<string, number> =>
  Object.fromEntries((entries ?? []).map((e) => [e.key, e.value]));

describe("notified state vs Go", () => {
  for (const c of golden.keys) {
    it(`stateKey() matches StateItemKey: ${c.id}`, () => {
      const key = stateKey({
        trigger: c.trigger,
        conditionKey: c.conditionKey,
        destination: { service: c.service, recipient: c.recipient },
        oncePer: c.oncePer,
        apiNamespace: c.selfConfig ? c.apiNamespace : undefined,
      });
      expect(key).toBe(c.expected);
    });
  }
  for (const c of golden.encode) {
    it(`encodeNotifiedState() matches json.Marshal: ${c.id}`, () => {
      expect(encodeNotifiedState(state(c.entries))).toBe(c.expected);
    });
  }
  for (const c of golden.decode) {
    it(`decodeNotifiedState() matches NewState: ${c.id}`, () => {
      const r = decodeNotifiedState(c.value);
      expect(encodeNotifiedState(r.state)).toBe(c.expected);
      expect(r.diagnostics.length > 0).toBe(c.error === true);
    });
  }
  for (const c of golden.truncate) {
    it(`truncateNotifiedState() matches truncate: ${c.id}`, () => {
      expect(
        encodeNotifiedState(truncateNotifiedState(state(c.entries), c.max)),
      ).toBe(c.expected);
    });
  }
});
