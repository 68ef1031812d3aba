/**
 * Percentile groups and their checks through the built CLI, as child processes: PAPI's
 * quartiles over 63 provinces read from a JSON Lines file, in every order the file may
 * come in, and a rubric whose groups are listed lowest first.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");

function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const GROUPS = ["Nhóm đạt điểm cao nhất", "Nhóm đạt điểm trung bình cao", "Nhóm đạt điểm trung bình thấp", "Nhóm đạt điểm thấp nhất"];
const source = (bands: string): string => `rubric "PAPI" {
  publish precision 4
  index = points
  area "1" "Tổng điểm" max 80 {
    score = given step 0.0001
  }
${bands}
}
`;
const QUARTILES = `  bands by percentile inc {
    "${GROUPS[0]}" from percentile 75
    "${GROUPS[1]}" from percentile 50
    "${GROUPS[2]}" from percentile 25
    "${GROUPS[3]}" otherwise
  }`;

describe("percentile groups in the CLI", () => {
  it("split 63 provinces 16/16/15/16 and give the same table whatever the order of the file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "papi.rubric"), source(QUARTILES));
    const provinces = Array.from({ length: 63 }, (_, i) => ({ unit: { id: `tinh-${String(i + 1).padStart(2, "0")}` }, self: { "1": { points: (30 + ((i * 37) % 63) * 0.3125).toFixed(4) } } }));
    writeFileSync(join(dir, "a.jsonl"), provinces.map((p) => JSON.stringify(p)).join("\n"));
    writeFileSync(join(dir, "b.jsonl"), [...provinces].reverse().map((p) => JSON.stringify(p)).join("\n"));
    const a = rubric("score", join(dir, "papi.rubric"), join(dir, "a.jsonl"), "--format", "json");
    const b = rubric("score", join(dir, "papi.rubric"), join(dir, "b.jsonl"), "--format", "json");
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const rows = (JSON.parse(a.stdout) as { rows: { band?: string; bandBasis?: { cutoff: string } }[] }).rows;
    expect(GROUPS.map((g) => rows.filter((r) => r.band === g).length)).toEqual([16, 16, 15, 16]);
    expect(rows[0]!.bandBasis?.cutoff).toBe("44.53125");
    const explained = rubric("explain", join(dir, "papi.rubric"), join(dir, "a.jsonl"), "--unit", "tinh-01", "--lang", "vi");
    expect(explained.stdout).toContain(`Thuộc nhóm "${GROUPS[3]}": chỉ số 30,0000 < bách phân vị thứ 25 (34,84375) của 63 đơn vị (PERCENTILE.INC)`);
  });

  it("refuse groups listed lowest first, pointing at the line, in Vietnamese", () => {
    const dir = tempDir();
    const file = join(dir, "bad.rubric");
    writeFileSync(file, source(`  bands by percentile inc {\n    "Thấp" from percentile 25\n    "Cao" from percentile 75\n    "Còn lại" otherwise\n  }`));
    const run = rubric("check", file, "--lang", "vi");
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain("bad.rubric:9:5: lỗi RL373: Nhóm này không bao giờ có đơn vị");
  });
});
