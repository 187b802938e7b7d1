/** Builders for delivery tests: a configuration from service settings, a notification, and I/O with a fake clock. */
import { expect } from "vitest";
import { type Config, decodeConfig, type SecretLike } from "../../mod.ts";
import type { RenderedContent } from "../../lib/templates/mod.ts";
import { createDeliveryIO, type DeliveryIO } from "../../lib/shell/mod.ts";
import type { Deliverable } from "../../lib/shell/mod.ts";

/** A configuration with these ConfigMap keys; fails the test on any error diagnostic. */
export function configOf(data: Record<string, string>, secret?: SecretLike): Config {
  const { config, diagnostics } = decodeConfig({ data }, secret);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return config;
}

/** A notification to `service:recipient` with this content. */
export function notificationTo(
  service: string,
  recipient: string,
  content: Partial<RenderedContent> = {},
  idempotencyKey?: string,
): Deliverable {
  return {
    destination: { service, recipient },
    content: { message: content.message ?? "", blocks: content.blocks ?? {} },
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
  };
}

/** I/O whose clock only moves when a delivery sleeps; the sleeps are recorded. Real `fetch`. */
export function fakeIO(overrides: Partial<Omit<DeliveryIO, "gates">> = {}): DeliveryIO & {
  readonly sleeps: number[];
  readonly printed: string[];
} {
  let clock = Date.parse("2024-01-02T03:04:05Z");
  const sleeps: number[] = [];
  const printed: string[] = [];
  const io = createDeliveryIO({
    now: () => clock,
    sleep: (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    print: (text) => printed.push(text),
    ...overrides,
  });
  return { ...io, sleeps, printed };
}
