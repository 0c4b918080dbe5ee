import { defineConfig } from "vitest/config";

// Browser and whole-site checks against the built dist/ (npm run test:e2e builds it first).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});
