/**
 * vitest global setup: the run gets its own temporary root inside the system one
 * (`TMPDIR`, inherited by the test workers and every child process: the CLI, npm,
 * Chromium). When the tests are done, the summary reporter checks it is empty — a
 * test that left a file or folder behind fails the run, named ({@link leftInTempRoot});
 * then the root goes, so the system temporary directory holds nothing new from the
 * tests, even when other runs share it.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "rubric-test-run-";

/**
 * What the tests left in this run's temporary root (empty when clean), or undefined
 * outside a run set up here.
 */
export function leftInTempRoot(): string[] | undefined {
  const root = process.env["TMPDIR"];
  if (root === undefined || !root.includes(PREFIX)) return undefined;
  return readdirSync(root).sort();
}

/** Creates the run's temporary root; returns the teardown that removes it. */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  const before = process.env["TMPDIR"];
  process.env["TMPDIR"] = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    if (before === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = before;
  };
}
