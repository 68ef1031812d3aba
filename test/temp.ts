/**
 * Temporary folders for tests, removed when the test file ends: `tempDir()` instead of
 * `mkdtempSync(join(tmpdir(), …))`. The run's temporary root is checked empty at the
 * end (`test/temp-root.ts`), so a folder left behind fails the run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A new empty folder in the temporary directory, removed after the calling test file.
 * @param prefix - the start of its name
 */
export function tempDir(prefix = "rubric-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
