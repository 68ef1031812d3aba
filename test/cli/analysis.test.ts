/**
 * `rubric sensitivity`, `rubric whatif` and `rubric score`'s policy overrides, run as
 * child processes of the built CLI.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const dept = "examples/par-department";
const clean = readdirSync(join(root, dept, "submissions")).sort().map((f) => `${dept}/submissions/${f}`);

function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe("rubric sensitivity", () => {
  const base = ["sensitivity", `${dept}/rubric.rubric`, ...clean, "--plan", `${dept}/sensitivity.json`, "--samples", "120"];

  it("gives byte-identical output with 1 and 2 worker threads, in every format", () => {
    for (const format of ["json", "html", "csv"]) {
      const one = rubric(...base, "--format", format, "--workers", "1");
      const two = rubric(...base, "--format", format, "--workers", "2");
      expect(one.code, one.stderr).toBe(0);
      expect(two.code, two.stderr).toBe(0);
      expect(two.stdout).toBe(one.stdout);
    }
  }, 120_000);

  it("prints the rank intervals and the factors in Vietnamese, with decimal commas", () => {
    const run = rubric(...base, "--lang", "vi", "--seed", "5");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Độ nhạy của xếp hạng: Chỉ số cải cách hành chính các sở, ban, ngành\n");
    expect(run.stdout).toContain("120 mẫu, giá trị khởi tạo (seed) 5, lấy mẫu tựa ngẫu nhiên (dãy Halton).");
    expect(run.stdout).toMatch(/Sở Kế hoạch và Đầu tư +1 +1 +1–1 +0 +100,0/);
    expect(run.stdout).toContain("mức điều chỉnh của thẩm định");
    expect(run.stdout).toContain("0,8…1,2 bước 0,01");
  }, 60_000);

  it("writes the report to a file with -o, and says what is wrong with a bad plan (exit 1)", () => {
    const dir = tempDir("rubric-sens-");
    const out = join(dir, "s.html");
    expect(rubric(...base, "--format", "html", "-o", out).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('<svg class="intervals"');
    const plan = join(dir, "plan.json");
    writeFileSync(plan, JSON.stringify({ factors: [{ kind: "weight", node: "1.1", min: "0.8", max: "1.2" }] }));
    const bad = rubric("sensitivity", `${dept}/rubric.rubric`, ...clean, "--plan", plan);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('factor 1: the weight of "1.1" cannot vary');
    expect(rubric("sensitivity", `${dept}/rubric.rubric`, ...clean, "--samples", "zero").code).toBe(2);
  }, 60_000);
});

describe("rubric whatif", () => {
  it("lists the smallest changes that reach a rank, cheapest first (vi)", () => {
    const run = rubric("whatif", `${dept}/rubric.rubric`, ...clean, "--unit", "so-y-te", "--to-rank", "15", "--lang", "vi");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Sở Y tế: hiện xếp hạng 16/17, xếp loại Trung bình, chỉ số 53,56. Mục tiêu: hạng 15 trở lên.");
    const rows = run.stdout.split("\n").filter((l) => /^\d+\.\d+ /.test(l));
    expect(rows[0]).toMatch(/^5\.2 Tuyển dụng, bổ nhiệm đúng quy định +violations +3 +0 +3 +3 +1 +15 +Trung bình +56,56$/);
    expect(rows.length).toBeGreaterThan(1);
  }, 60_000);

  it("says when nothing single reaches the target, and refuses unknown units and bands", () => {
    const far = rubric("whatif", `${dept}/rubric.rubric`, ...clean, "--unit", "so-tai-chinh", "--to-rank", "1");
    expect(far.code).toBe(0);
    expect(far.stdout).toContain("Not reachable: no single input");
    const unknown = rubric("whatif", `${dept}/rubric.rubric`, ...clean, "--unit", "so-khong-co", "--to-rank", "1");
    expect([unknown.code, unknown.stderr.trim()]).toEqual([1, 'no submission for unit "so-khong-co" in the data']);
    const band = rubric("whatif", `${dept}/rubric.rubric`, ...clean, "--unit", "so-y-te", "--to-band", "Siêu", "--lang", "vi");
    expect(band.code).toBe(1);
    expect(band.stderr).toContain('bộ tiêu chí không có xếp loại "Siêu"');
    expect(rubric("whatif", `${dept}/rubric.rubric`, ...clean, "--unit", "so-y-te").code).toBe(2);
  }, 60_000);
});

describe("rubric score with a what-if ranking policy", () => {
  it("ranks with --ties, --on and --within-group and prints the policy it used", () => {
    const plain = rubric("score", `${dept}/rubric.rubric`, ...clean);
    expect(plain.stderr).not.toContain("ranking policy used");
    const dense = rubric("score", `${dept}/rubric.rubric`, ...clean, "--ties", "dense", "--on", "exact", "--no-within-group");
    expect(dense.code, dense.stderr).toBe(0);
    expect(dense.stderr).toContain("ranking policy used: ties dense; on exact figures; not within groups");
    expect(dense.stdout.split("\n").filter((l) => /^ *\d+\/17 /.test(l))).toHaveLength(17);
    const vi = rubric("score", `${dept}/rubric.rubric`, ...clean, "--ties", "ordinal", "--lang", "vi");
    expect(vi.stderr).toContain("cách xếp hạng đã dùng: đồng điểm không đồng hạng; xếp theo điểm công bố (đã làm tròn); không chia nhóm");
    expect(rubric("score", `${dept}/rubric.rubric`, ...clean, "--ties", "random").code).toBe(2);
  }, 60_000);
});
