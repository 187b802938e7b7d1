import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/_shim/**", "tests/cluster/**", "tests/package/**", "node_modules/**"],
    setupFiles: ["tests/_shim/vitest-setup.ts"],
    // A hang guard, not a speed check: property tests take seconds on a loaded 2-core machine (Deno has no timeout).
    testTimeout: 30_000,
  },
});
