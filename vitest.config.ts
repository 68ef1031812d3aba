import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    reporters: ["default", "./test/summary-reporter.ts"],
    // A temporary root per run, checked empty at the end (test/temp-root.ts).
    globalSetup: ["./test/temp-root.ts"],
  },
});
