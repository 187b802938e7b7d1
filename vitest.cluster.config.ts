import { defineConfig } from "vitest/config";

/**
 * `npm run test:cluster`: the tests against a real etcd + kube-apiserver (tests/cluster/), one file at a time
 * (each test starts its own servers; the build machine has two cores).
 */
export default defineConfig({
  test: {
    include: ["tests/cluster/**/*.test.ts"],
    setupFiles: ["tests/_shim/vitest-setup.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
