import { defineConfig } from "vitest/config";

/**
 * The slow lanes, one file at a time (each test starts its own servers or installs; the build machine has two
 * cores): `npm run test:cluster`, the tests against a real etcd + kube-apiserver (tests/cluster/), and
 * `npm run test:package`, the package as users install it (tests/package/).
 */
export default defineConfig({
  test: {
    include: ["tests/cluster/**/*.test.ts", "tests/package/**/*.test.ts"],
    setupFiles: ["tests/_shim/vitest-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
