/**
 * `rubric score --within-group` overrides the rubric's grouping for cohort figures as
 * well as for ranks: a unit's "best of its cohort" is the best of its group then, not
 * of all units (docs/language.md, "Cohort figures": a figure follows `within group`).
 * The built CLI on a real file.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const cli = join(import.meta.dirname, "../../dist/cli/main.js");
const dir = tempDir("rubric-cohort-policy-");
const rubric = join(dir, "r.rubric");
writeFileSync(rubric, `rubric "R" {
  locale "en"
  publish precision 2 rounding half-up
  index = points
  area "1" "Online services" max 10 {
    input dvc: count
    score = max * dvc / cohort.max(dvc)
  }
}
`);
const data = join(dir, "units.jsonl");
writeFileSync(data, [
  { unit: { id: "a", group: "g1" }, self: { "1": { dvc: "10" } } },
  { unit: { id: "b", group: "g1" }, self: { "1": { dvc: "5" } } },
  { unit: { id: "c", group: "g2" }, self: { "1": { dvc: "20" } } },
].map((u) => JSON.stringify(u)).join("\n"));

/** Unit b's published index in a JSON ranking. */
function indexOfB(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [cli, "score", rubric, data, "--format", "json", ...args], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as { rows: { unit: { id: string }; published: { index: string } }[] };
  return report.rows.find((r) => r.unit.id === "b")!.published.index;
}

describe("cohort figures under --within-group", () => {
  it("follow the groups the ranking uses", () => {
    expect(indexOfB([])).toBe("2.50"); // 10 × 5 / 20: the best of all three units
    expect(indexOfB(["--within-group"])).toBe("5.00"); // 10 × 5 / 10: the best of its group g1
  });
});
