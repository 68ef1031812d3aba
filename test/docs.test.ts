/**
 * Every export of the public API has TSDoc: typedoc's own validation, run over
 * `src/index.ts`, must report no undocumented declaration. Properties of inline
 * union variants (`{ kind: "…" } | …`) are the one thing it may leave out.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

describe("API documentation", () => {
  it("documents every exported declaration", () => {
    const run = spawnSync(process.execPath, [join(root, "node_modules/typedoc/bin/typedoc"), "--emit", "none"], { cwd: root, encoding: "utf8" });
    const output = `${run.stdout}${run.stderr}`;
    const missing = output.split("\n").filter((line) => line.includes("does not have any documentation") && !line.includes("__type"));
    expect(missing).toEqual([]);
    expect(output).not.toMatch(/\[error\]/);
  }, 60_000);
});
