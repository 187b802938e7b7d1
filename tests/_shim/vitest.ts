/**
 * Deno stand-in for the subset of vitest our tests use (describe, it, test, expect, beforeEach, afterEach).
 * Mapped as "vitest" in deno.json; Node runs the real vitest. Every test ends with the prototype-pollution canary.
 */
import { expect } from "expect";
import "./fast-check-config.ts";
import { checkIntegrity, type IntegritySnapshot, takeIntegritySnapshot } from "./integrity.ts";

type Fn = () => void | Promise<void>;
interface Suite {
  name: string;
  before: Fn[];
  after: Fn[];
}
const stack: Suite[] = [];
let before: IntegritySnapshot | undefined; // recorded at the first test, once every test module has loaded

export function describe(name: string, body: () => void): void {
  stack.push({ name, before: [], after: [] });
  try {
    body();
  } finally {
    stack.pop();
  }
}

export function it(name: string, fn: Fn, timeout?: number): void {
  const suites = [...stack];
  void timeout;
  Deno.test({
    name: [...suites.map((s) => s.name), name].join(" > "),
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      before ??= takeIntegritySnapshot();
      for (const s of suites) for (const b of s.before) await b();
      try {
        await fn();
      } finally {
        for (const s of [...suites].reverse()) for (const a of s.after) await a();
      }
      checkIntegrity(before);
    },
  });
}

export const test: typeof it = it;
export function beforeEach(fn: Fn): void {
  stack.at(-1)?.before.push(fn);
}
export function afterEach(fn: Fn): void {
  stack.at(-1)?.after.push(fn);
}
export { expect };
