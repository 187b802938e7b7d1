import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/_shim/**", "tests/cluster/**", "tests/package/**", "node_modules/**"],
    setupFiles: ["tests/_shim/vitest-setup.ts"],
  },
});
