/**
 * Data errors never lose other units: five units (examples/par-department), two with
 * three bad values each, in a workbook of filled forms (a sheet a unit), a wide CSV
 * table and a JSON Lines file (test/fixtures/data-errors, written by its
 * make-files.mjs). The three good units are scored and ranked, the two bad ones are
 * listed apart in every format with all six problems named by sheet and cell (row and
 * column, line and JSON path), and the exit code is 1.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";
import { rubric } from "./forms-helpers.js";

const rubricFile = "examples/par-department/rubric.rubric";
const dir = "test/fixtures/data-errors";

interface Ranking {
  rows: { unit: { id: string } }[];
  unranked: { unit: { id: string; name?: string }; reason: string; origin?: string; problems?: string[] }[];
}

/** The six problems each file must name, by the unit they refuse. */
const cases: { file: string; lang: "vi" | "en"; problems: Record<string, string[]> }[] = [
  {
    file: `${dir}/five-sheets.xlsx`,
    lang: "vi",
    problems: {
      "so-tu-phap": [
        `${dir}/five-sheets.xlsx [Sở Tư pháp] F22 (1.2.missing_reports Tự đánh giá): "nhiều"`,
        `${dir}/five-sheets.xlsx [Sở Tư pháp] F32: ô chứa giá trị lỗi #DIV/0!`,
        `${dir}/five-sheets.xlsx [Sở Tư pháp] F43 (2.3.1.report_on Tự đánh giá): "31/02/2021"`,
      ],
      "so-tai-chinh": [
        `${dir}/five-sheets.xlsx [Sở Tài chính] F26: ô chứa công thức chưa được tính`,
        `${dir}/five-sheets.xlsx [Sở Tài chính] F37 (2.1.issued Tự đánh giá): "ba"`,
        `${dir}/five-sheets.xlsx [Sở Tài chính] F76 (5.2.violations Tự đánh giá): "không rõ"`,
      ],
    },
  },
  {
    file: `${dir}/wide.csv`,
    lang: "en",
    problems: {
      "so-tu-phap": [`${dir}/wide.csv:3:G (1.1.3.funded): "perhaps"`, `${dir}/wide.csv:3:H (1.2.missing_reports): "many"`, `${dir}/wide.csv:3:S (2.3.1.report_on): "2021-02-31"`],
      // Two cells that cannot be read, and one read but not a whole number: all three told at once.
      "so-tai-chinh": [`${dir}/wide.csv:5:P (2.1.issued): "three"`, `${dir}/wide.csv:5:AV (7.3.iso_certified): "maybe"`, `${dir}/wide.csv:5:J (1.3.1.checked): 4.5 is not a whole number`],
    },
  },
  {
    file: `${dir}/units.jsonl`,
    lang: "en",
    problems: {
      "so-tu-phap": [`${dir}/units.jsonl:2: self-assessment, criterion 1.1.2, “Số nhiệm vụ theo kế hoạch” (planned): 900`, `${dir}/units.jsonl:2: self-assessment, criterion 1.2, “Số báo cáo không gửi” (missing_reports): "many"`, `${dir}/units.jsonl:2: self-assessment, criterion 4.3, “Tỷ lệ tinh giản biên chế đã thực hiện (%)” (cut_percent): 150`],
      "so-tai-chinh": [`${dir}/units.jsonl:4: self-assessment, criterion 1.1.3, “Có bố trí kinh phí thực hiện kế hoạch” (funded):`, `${dir}/units.jsonl:4: self-assessment, criterion 2.1, “Số văn bản QPPL đã tham mưu ban hành” (issued): -3`, `${dir}/units.jsonl:4: self-assessment, criterion 2.3.1, “Ngày gửi báo cáo theo dõi thi hành pháp luật” (report_on):`],
    },
  },
];

describe.each(cases)("$file: 3 good units, 2 refused with 3 problems each", ({ file, lang, problems }) => {
  const json = rubric("score", rubricFile, file, "--format", "json", "--lang", lang);
  const ranking = JSON.parse(json.stdout) as Ranking;

  it("scores and ranks the three good units, exit 1", () => {
    expect(json.code).toBe(1);
    expect(ranking.rows.map((r) => r.unit.id).sort()).toEqual(["ban-dan-toc", "so-noi-vu", "so-y-te"]);
  });

  it("lists the two bad units apart in the JSON output, each with its three problems", () => {
    expect(ranking.unranked.map((u) => u.unit.id)).toEqual(["so-tai-chinh", "so-tu-phap"]);
    for (const unit of ranking.unranked) {
      const expected = problems[unit.unit.id]!;
      expect(unit.problems).toHaveLength(3);
      for (const [i, text] of expected.entries()) expect(unit.problems!.some((p) => p.startsWith(text)), `${unit.unit.id} problem ${i + 1}: ${text}`).toBe(true);
      for (const text of expected) expect(unit.reason).toContain(text);
    }
  });

  it("prints all six problems on stderr, each once", () => {
    const lines = json.stderr.split("\n").filter((l) => l.startsWith(dir));
    expect(lines).toHaveLength(6);
    for (const text of Object.values(problems).flat()) expect(lines.filter((l) => l.startsWith(text))).toHaveLength(1);
  });

  it.each(["text", "md", "csv", "html"])("lists both refused units in --format %s", (format) => {
    const run = rubric("score", rubricFile, file, "--format", format, "--lang", lang);
    expect(run.code).toBe(1);
    for (const name of ["Sở Tư pháp", "Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Ban Dân tộc"]) expect(run.stdout).toContain(name);
    expect(run.stdout).toContain(lang === "vi" ? "Chưa xếp hạng" : "Not ranked");
  });
});

describe("the problems printed are capped per file", () => {
  const tmp = tempDir("rubric-data-errors-");
  it("names the first 100 problems of a file and counts the rest, in the user's language", () => {
    const file = join(tmp, "many.jsonl");
    writeFileSync(file, Array.from({ length: 130 }, (_, i) => `{"unit": broken ${i}}`).join("\n") + "\n");
    const vi = rubric("score", rubricFile, file, "--lang", "vi");
    expect(vi.code).toBe(1);
    expect(vi.stderr.split("\n").filter((l) => l.startsWith(`${file}:`) && l.includes("không phải JSON hợp lệ"))).toHaveLength(100);
    expect(vi.stderr).toContain(`${file}: còn 30 lỗi khác chưa hiện (đã hiện 100 lỗi đầu tiên ở trên)`);
    // Every refused line is still listed apart in the report.
    expect(vi.stdout.match(/many\.jsonl:\d+/g)?.length).toBeGreaterThanOrEqual(130);
    const en = rubric("score", rubricFile, file, "--lang", "en");
    expect(en.stderr).toContain(`${file}: 30 more problems not shown (the first 100 are above)`);
  });
});

describe("values given for a node that does not apply are warned about, never silently ignored", () => {
  it("a criterion the unit declared not arising, in both languages, naming the file", () => {
    const file = "examples/par-department/submissions/so-tu-phap.json";
    const vi = rubric("score", rubricFile, file, "--lang", "vi");
    expect(vi.stderr).toContain(`${file}: cảnh báo: giá trị đã nhập cho 5.4 (“Số cán bộ, công chức, viên chức bị kỷ luật”, “Tổng số cán bộ, công chức, viên chức”) không được sử dụng vì đơn vị đã khai báo 5.4 không phát sinh`);
    const en = rubric("score", rubricFile, file, "--lang", "en");
    expect(en.stderr).toContain(`${file}: warning: the values given for 5.4 (“Số cán bộ, công chức, viên chức bị kỷ luật”, “Tổng số cán bộ, công chức, viên chức”) are not used: the unit declared 5.4 not arising`);
    // A warning, not an error: the unit is scored.
    expect(en.code).toBe(0);
  });

  it("a criterion under an area that does not apply; the result carries the warning as data", () => {
    const file = "examples/sipas/submissions/ban-dan-toc.json";
    const run = rubric("explain", "examples/sipas/rubric.rubric", file, "--unit", "ban-dan-toc", "--lang", "vi", "--format", "json");
    expect(run.stderr).toContain(`${file}: cảnh báo: giá trị đã nhập cho 5.1 (“Mức độ hài lòng về việc bố trí hình thức tiếp nhận góp ý (thang 1–5)”) không được sử dụng vì 5 (mục chứa 5.1) không áp dụng đối với đơn vị`);
    const result = JSON.parse(run.stdout) as { warnings?: { code: string; node: string; args: { notApplicable: string } }[] };
    expect(result.warnings?.map((w) => [w.code, w.node, w.args.notApplicable])).toEqual([["value-not-applicable", "5.1", "5"], ["value-not-applicable", "5.2", "5"]]);
  });
});
