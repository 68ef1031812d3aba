/**
 * Prints a plain closing line, `N passed, N failed` (`, N skipped`), after vitest's
 * own report, so CI logs read the same whatever the runner's colours. Before it, the
 * run's temporary root must be empty: what tests left there is named and counts as one
 * failure (exit code 1).
 */
import type { Reporter, TestModule } from "vitest/node";
import { leftInTempRoot } from "./temp-root.js";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) counts.failed++;
    }
    const left = leftInTempRoot() ?? [];
    if (left.length > 0) {
      process.stdout.write(`\nFAIL the tests left ${left.length} entries in the temporary directory (use tempDir() from test/temp.ts): ${left.join(", ")}\n`);
      counts.failed++;
      process.exitCode = 1;
    }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : "";
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
