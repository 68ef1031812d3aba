/**
 * `rubric template` and reading filled forms back, run as child processes of the
 * built CLI: the form against golden files, and the round trip — template (XLSX and
 * CSV) → cells filled here with the values of each example's JSON submissions →
 * `rubric score` gives the same ranked table as on the JSON.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { COLUMN_INDEX, csvText, fills, golden, keyRows, root, rubric, setCell, viText } from "./forms-helpers.js";
import { tempDir } from "../temp.js";

const examples = ["par-department", "pci", "par-district"];
const jsonFiles = (ex: string): string[] => readdirSync(join(root, "examples", ex, "submissions")).sort().map((f) => `examples/${ex}/submissions/${f}`);
const submissionOf = (file: string): Record<string, any> => JSON.parse(readFileSync(join(root, file), "utf8")) as Record<string, any>;

/** Messages without the place they start with (a cell of a form, a JSON file): what they say, in order. */
const unplaced = (stderr: string): string => stderr.replace(/^.*?: (?=cảnh báo: |warning: )/gm, "");

describe("rubric template", () => {
  for (const lang of ["vi", "en"]) {
    it(`writes the department form as CSV in ${lang} (golden)`, () => {
      const run = rubric("template", "examples/par-department/rubric.rubric", "--lang", lang);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(readFileSync(join(golden, `template.par-department.${lang}.csv`), "utf8"));
    });
  }

  it("writes an XLSX form: title, heading row, one row per key, cells to fill stored as text", async () => {
    const file = join(tempDir("rubric-"), "form.xlsx");
    const run = rubric("template", "examples/par-district/rubric.rubric", "-o", file, "--lang", "vi");
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell("E1").value)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(String(sheet.getCell("A4").value)).toMatch(/^PHIẾU TỰ ĐÁNH GIÁ: /);
    expect(sheet.getRow(7).values).toEqual([undefined, "Mã", "STT", "Tiêu chí, nội dung", "Điểm tối đa", "Cách ghi", "Tự đánh giá", "Thẩm định", "Lý do thẩm định", "Không phát sinh (lý do)", "Tài liệu kiểm chứng"]);
    const csv = parse(rubric("template", "examples/par-district/rubric.rubric", "--lang", "vi").stdout) as string[][];
    expect([...keyRows(sheet).keys()]).toEqual(csv.slice(1).map((r) => r[0]));
    expect(sheet.getCell(`F${keyRows(sheet).get("unit.id")!}`).numFmt).toBe("@");
    expect(sheet.getCell(`F${keyRows(sheet).get("unit.urban")!}`).dataValidation).toMatchObject({ type: "list", formulae: ['"có,không"'] });
  });

  it("needs -o for XLSX (exit 2) and reports an unusable rubric (exit 1)", () => {
    expect(rubric("template", "examples/pci/rubric.rubric", "--format", "xlsx").code).toBe(2);
    const bad = rubric("template", "no/such.rubric");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("no/such.rubric: cannot read the file");
    expect(rubric("template", "--help").stdout).toContain("Example:");
    const unwritable = rubric("template", "examples/pci/rubric.rubric", "-o", "no/such/folder/form.xlsx");
    expect(unwritable.stderr).toContain("no/such/folder/form.xlsx: cannot write the file (its folder does not exist)");
    expect(unwritable.code).toBe(1);
  });
});

describe("a filled form scores like the JSON it was filled from", () => {
  for (const ex of examples) {
    const rubricFile = `examples/${ex}/rubric.rubric`;

    it(`${ex}: an XLSX workbook with a sheet per unit`, async () => {
      const dir = tempDir("rubric-");
      const form = join(dir, "form.xlsx");
      expect(rubric("template", rubricFile, "-o", form, "--lang", "vi").code).toBe(0);
      const template = new ExcelJS.Workbook();
      await template.xlsx.readFile(form);
      const blank = template.worksheets[0]!;
      const filled = new ExcelJS.Workbook();
      for (const file of jsonFiles(ex)) {
        const submission = submissionOf(file);
        const sheet = filled.addWorksheet(String(submission.unit.name ?? submission.unit.id).slice(0, 31));
        blank.eachRow((row, n) => { sheet.getRow(n).values = row.values as ExcelJS.CellValue[]; });
        const rows = keyRows(sheet);
        for (const { key, column, value } of fills(submission)) {
          expect(rows.has(key), key).toBe(true);
          setCell(sheet.getRow(rows.get(key)!).getCell(COLUMN_INDEX[column] + 1), value);
        }
      }
      const book = join(dir, "filled.xlsx");
      await filled.xlsx.writeFile(book);
      for (const format of ["text", "json"]) {
        const fromJson = rubric("score", rubricFile, ...jsonFiles(ex), "--lang", "vi", "--format", format);
        const fromXlsx = rubric("score", rubricFile, book, "--lang", "vi", "--format", format);
        // The same warnings, each naming its cell in the form and its file for JSON.
        expect(unplaced(fromXlsx.stderr)).toBe(unplaced(fromJson.stderr));
        expect(fromXlsx.code).toBe(fromJson.code);
        expect(fromXlsx.stdout).toBe(fromJson.stdout);
      }
      // The detail too: every value, layer and council's reason came through.
      for (const file of jsonFiles(ex).filter((f) => submissionOf(f).appraisal !== undefined).slice(0, 1)) {
        const unit = String(submissionOf(file).unit.id);
        const explainJson = rubric("explain", rubricFile, file, "--unit", unit, "--format", "json", "--lang", "vi");
        const explainXlsx = rubric("explain", rubricFile, book, "--unit", unit, "--format", "json", "--lang", "vi");
        expect(explainXlsx.code).toBe(explainJson.code);
        expect(explainXlsx.stdout).toBe(explainJson.stdout);
      }
    });

    it(`${ex}: one CSV form per unit, with a BOM and CRLF line ends`, () => {
      const dir = tempDir("rubric-");
      const grid = parse(rubric("template", rubricFile, "--lang", "vi").stdout) as string[][];
      const forms = jsonFiles(ex).map((file) => {
        const submission = submissionOf(file);
        const rows = grid.map((r) => [...r]);
        for (const { key, column, value } of fills(submission)) {
          const row = rows.find((r) => r[0] === key);
          expect(row, key).toBeDefined();
          row![COLUMN_INDEX[column]] = viText(value);
        }
        const csv = join(dir, `${String(submission.unit.id)}.csv`);
        writeFileSync(csv, csvText(rows, { bom: true }));
        return csv;
      });
      const fromJson = rubric("score", rubricFile, ...jsonFiles(ex), "--lang", "vi", "--format", "json");
      const fromCsv = rubric("score", rubricFile, ...forms, "--lang", "vi", "--format", "json");
      expect(unplaced(fromCsv.stderr)).toBe(unplaced(fromJson.stderr));
      expect(fromCsv.code).toBe(fromJson.code);
      expect(fromCsv.stdout).toBe(fromJson.stdout);
      const unit = String(submissionOf(jsonFiles(ex)[0]!).unit.id);
      const explainJson = rubric("explain", rubricFile, ...jsonFiles(ex), "--unit", unit, "--format", "json", "--lang", "vi");
      const explainCsv = rubric("explain", rubricFile, ...forms, "--unit", unit, "--format", "json", "--lang", "vi");
      expect(explainCsv.code).toBe(explainJson.code);
      expect(explainCsv.stdout).toBe(explainJson.stdout);
    });
  }
});
