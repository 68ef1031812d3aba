/**
 * The built CLI, as a child process: `check --strict`, the rubric's warnings before a
 * scoring table, labels and descriptions in the form and the unit detail, and a
 * rubric of garbage giving a bounded report.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const dir = tempDir("rubric-labels-");
const department = "examples/par-department/rubric.rubric";

function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

const LABELLED = `rubric "Chỉ số thử" {
  unit {
    loai "Loại cơ quan": enum(so, huyen)
  }
  area "1" "Kế hoạch" max 2 {
    description "Ban hành và thực hiện kế hoạch năm"
    input so_nv "Số nhiệm vụ hoàn thành": count, tong "Tổng số nhiệm vụ <kế hoạch>": count in 1..50
    score = bands so_nv / tong { >= 100%: 2; >= 80%: 1; else: 0 }
  }
}
`;

describe("check --strict", () => {
  it("passes a rubric with warnings without it, and fails it with the warnings shown as errors", () => {
    const plain = rubric("check", department);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("warning RL406");
    const strict = rubric("check", department, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("error RL406");
    expect(strict.stdout).toContain("error RL415");
    expect(strict.stdout.trimEnd().split("\n").at(-1)).toBe(`${department}: 2 errors, 0 warnings`);
  });
});

describe("score and explain", () => {
  it("print the rubric's warnings, count and codes, on stderr before the table", () => {
    const run = rubric("score", department, "examples/par-department/submissions/so-noi-vu.json", "--lang", "vi");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${department}: 2 cảnh báo (RL406, RL415); chạy 'rubric check ${department}' để xem chi tiết\n`);
    const explained = rubric("explain", department, "examples/par-department/submissions/so-noi-vu.json", "--unit", "so-noi-vu");
    expect(explained.stderr).toBe(`${department}: 2 warnings (RL406, RL415); run 'rubric check ${department}' to see them\n`);
  });
});

describe("labels and descriptions", () => {
  const file = join(dir, "labelled.rubric");
  const data = join(dir, "unit.json");
  writeFileSync(file, LABELLED);
  writeFileSync(data, JSON.stringify({ unit: { id: "u1", facts: { loai: "so" } }, self: { "1": { so_nv: 9, tong: 10 } } }));

  it("the form shows the labels and the description, keyed by the names", () => {
    const form = rubric("template", file, "--lang", "vi");
    expect(form.code).toBe(0);
    expect(form.stdout).toContain("unit.loai,,Thông tin đơn vị: Loại cơ quan,");
    expect(form.stdout).toContain("1,1,Kế hoạch — Ban hành và thực hiện kế hoạch năm,2,");
    expect(form.stdout).toContain("1.so_nv,,Số nhiệm vụ hoàn thành,,");
    expect(form.stdout).toContain("1.tong,,Tổng số nhiệm vụ <kế hoạch>,,");
  });

  it("explain lists the description and each input by its label, with the value used", () => {
    const text = rubric("explain", file, data, "--unit", "u1", "--lang", "vi");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Ban hành và thực hiện kế hoạch năm");
    expect(text.stdout).toMatch(/1\.so_nv\s+Số nhiệm vụ hoàn thành\s+9 \(tự đánh giá\)/);
    const html = rubric("explain", file, data, "--unit", "u1", "--format", "html");
    expect(html.stdout).toContain("Tổng số nhiệm vụ &lt;kế hoạch&gt;");
    expect(html.stdout).toContain(">10 (self-assessed)");
  });
});

describe("a rubric of garbage", () => {
  it("gives at most 101 diagnostics, a report under 100 KB, and exit 1", () => {
    const file = join(dir, "garbage.rubric");
    writeFileSync(file, `rubric "R" {\n  ${"@ x ≠ “ 1,5 ".repeat(4000).slice(0, 50_000)}\n}\n`);
    const run = rubric("check", file);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(100_000);
    expect(run.stdout).toContain("RL504");
  });
});
