/** Builders for delivery tests: a configuration from service settings, a notification, and I/O with a fake clock. */
import { expect } from "vitest";
import { type Config, decodeConfig, type SecretLike } from "../../mod.ts";
import type { RenderedContent } from "../../lib/templates/mod.ts";
import { createDeliveryIO, type DeliveryIO } from "../../lib/shell/mod.ts";
import type { Deliverable } from "../../lib/shell/mod.ts";
import type { Delivery, HttpRequest, PrepareOptions, Provider, StepResult } from "../../providers/mod.ts";

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

/**
 * I/O whose clock only moves when a delivery sleeps; the sleeps are recorded. Real `fetch`; an empty environment
 * (not the test process's), so cloud credentials come only from what a test gives.
 */
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
    env: () => undefined,
    ...overrides,
  });
  return { ...io, sleeps, printed };
}

/** Decodes `raw` with the provider and prepares `n`; fails the test when either is refused. */
export function prepareWith<S>(
  provider: Provider<S>,
  raw: Record<string, unknown>,
  n: Deliverable,
  options: Partial<PrepareOptions> = {},
): Delivery {
  const decoded = provider.decodeSettings(raw);
  if (decoded.value === undefined) throw new Error(decoded.diagnostics.map((d) => d.message).join("\n"));
  const p = provider.prepare(n, decoded.value, { now: 0, ...options });
  if (p._tag === "Left") throw new Error(p.left.message);
  return p.right;
}

/** Why the provider refuses to prepare `n` (fails the test when it prepares it). */
export function refusal<S>(provider: Provider<S>, raw: Record<string, unknown>, n: Deliverable): string {
  const decoded = provider.decodeSettings(raw);
  if (decoded.value === undefined) throw new Error(decoded.diagnostics.map((d) => d.message).join("\n"));
  const p = provider.prepare(n, decoded.value, { now: 0 });
  if (p._tag === "Right") throw new Error("prepared");
  return p.left.message;
}

/** The request of an HTTP delivery. */
export function requestOf(d: Delivery): HttpRequest {
  if (d.kind !== "http") throw new Error("not an HTTP delivery");
  return d.request;
}

/** Reads a response with an HTTP delivery. */
export function readWith(d: Delivery, status: number, body: string, headers: Record<string, string> = {}): StepResult {
  if (d.kind !== "http") throw new Error("not an HTTP delivery");
  return d.read({ status, headers, body });
}
