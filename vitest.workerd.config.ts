import { defineConfig } from "vitest/config";

/**
 * `npm run test:worker`: the built Worker in workerd (tests/workerd/), after `npm run build` and
 * `npm run build:worker`, which is why `vitest run` (vitest.config.ts) leaves these files out.
 * One file at a time: each boots its own workerd, and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ["tests/workerd/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
