/**
 * `rubric score`, `explain` and `schema`, run as child processes of the built CLI.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

// Scoring prints the rubric's own warnings first (par-department has two, intended); these tests are about the data.
const RUBRIC_WARNINGS = /^.*: \d+ (?:warnings?|cảnh báo) \(RL\d+(?:, RL\d+)*\); .*\n/m;

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const dept = "examples/par-department";
const clean = readdirSync(join(root, dept, "submissions")).sort().map((f) => `${dept}/submissions/${f}`);

function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.replace(RUBRIC_WARNINGS, "") };
}

describe("rubric score", () => {
  it("prints the ranked table of the department example, exit 0 (the README's main job)", () => {
    const run = rubric("score", `${dept}/rubric.rubric`, ...clean, "--lang", "vi");
    expect(run.code).toBe(0);
    // 17 departments (illustrative data except Sở Nội vụ's published 90,48, rank 2 of 17);
    // ranks 5 and 6 are tied on the published index and split by area "1".
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 10)).toEqual([
      "Bảng xếp hạng: Chỉ số cải cách hành chính các sở, ban, ngành",
      "",
      " Hạng  Đơn vị                                   Điểm  Điểm tối đa  Chỉ số  Xếp loại    Ghi chú",
      "-----  --------------------------------------  -----  -----------  ------  ----------  -------------------------------",
      " 1/17  Sở Kế hoạch và Đầu tư                   95,22          100   95,22  Xuất sắc",
      " 2/17  Sở Nội vụ                               90,48          100   90,48  Xuất sắc",
      " 3/17  Sở Thông tin và Truyền thông            90,25          100   90,25  Xuất sắc",
      " 4/17  Sở Tài nguyên và Môi trường             90,23          100   90,23  Xuất sắc",
      // The tie on the published index is broken by area 1, and the table says so.
      " 5/17  Sở Giao thông vận tải                   89,42          100   89,42  Tốt         hơn Sở Công Thương ở lĩnh vực 1",
      " 6/17  Sở Công Thương                          89,42          100   89,42  Tốt",
    ]);
    expect(lines.filter((l) => /^ *\d+\/17 /.test(l))).toHaveLength(17);
    expect(run.stdout).not.toContain("Chưa xếp hạng");
  });

  it("shows the change against last period with --previous (the README's main job), and refuses a bad previous table", () => {
    const run = rubric("score", `${dept}/rubric.rubric`, ...clean, "--lang", "vi", "--previous", `${dept}/previous.json`);
    expect(run.code).toBe(0);
    // Sở Nội vụ: 4th in the illustrative 2020 table, 2nd now — "tăng 2 hạng" as published (Sở Nội vụ Đồng Tháp).
    expect(run.stdout).toMatch(/ 2\/17 +Sở Nội vụ +90,48 +100 +90,48 +Xuất sắc +tăng 2 hạng *\n/);
    const bad = join(tempDir("rubric-"), "previous.json");
    writeFileSync(bad, JSON.stringify([{ unitId: "so-noi-vu", rank: 4, index: "88,61" }]));
    const refused = rubric("score", `${dept}/rubric.rubric`, ...clean, "--previous", bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(`${bad}: row 1, index: "88,61" uses a decimal comma; write "88.61"\n`);
  });

  it("prints no table when no data file could be read, only why, exit 1", () => {
    const run = rubric("score", `${dept}/rubric.rubric`, "no-such-file.csv");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("no-such-file.csv: cannot read the file (no such file).\n");
  });

  it("lists an incomplete unit apart and exits 1", () => {
    const run = rubric("score", `${dept}/rubric.rubric`, ...clean, `${dept}/incomplete/so-xay-dung.json`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Not ranked:");
    expect(run.stdout).toContain("(disbursed) is missing at criterion 6.1");
  });

  it("names an invalid submission's file and JSON path, exit 1", () => {
    const file = join(tempDir("rubric-"), "bad.jsonl");
    writeFileSync(file, `${JSON.stringify({ unit: { id: "x", facts: { kind: "so_co_tthc" } }, self: { "1.1.2": { done: "3,5" } } })}\n{not json\n`);
    const run = rubric("score", `${dept}/rubric.rubric`, file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:2: not valid JSON`);
    const one = join(tempDir("rubric-"), "one.json");
    writeFileSync(one, JSON.stringify([{ unit: { id: "x", facts: { kind: "so_co_tthc" } }, self: { "1.1.2": { done: "3,5" } } }]));
    const invalid = rubric("score", `${dept}/rubric.rubric`, one);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain(`${one}[0]: self-assessment, criterion 1.1.2, “Số nhiệm vụ đã hoàn thành” (done): "3,5" uses a decimal comma; write "3.5"`);
  });

  it("accepts a compiled rubric and writes HTML to a file", () => {
    const dir = tempDir("rubric-");
    expect(rubric("compile", `${dept}/rubric.rubric`, "-o", join(dir, "r.json")).code).toBe(0);
    const run = rubric("score", join(dir, "r.json"), ...clean, "--format", "html", "-o", join(dir, "r.html"));
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html.match(/<rect class="bar"/g)).toHaveLength(17);
  });
});

describe("rubric explain and schema", () => {
  it("explains one unit with its traces", () => {
    const run = rubric("explain", `${dept}/rubric.rubric`, ...clean, "--unit", "so-noi-vu", "--format", "md");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(root, dept, "reports/detail.so-noi-vu.en.md"), "utf8"));
  });

  it("says when the unit is not in the data", () => {
    const run = rubric("explain", `${dept}/rubric.rubric`, ...clean, "--unit", "so-khong-co");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no submission for unit "so-khong-co"');
  });

  it("prints the submission JSON Schema", () => {
    const run = rubric("schema", `${dept}/rubric.rubric`);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(["unit", "self", "appraisal", "survey", "notApplicable"]);
  });

  it.each(["score", "explain", "schema"])("%s --help shows an example", (command) => {
    const run = rubric(command, "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Example:");
  });
});
