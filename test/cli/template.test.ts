/**
 * `rubric template` and reading filled forms back, run as child processes of the
 * built CLI: the form against golden files, and the round trip — template (XLSX and
 * CSV) → cells filled here with the values of each example's JSON submissions →
 * `rubric score` gives the same ranked table as on the JSON.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const golden = join(import.meta.dirname, "golden");

function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

type Column = "self" | "appraised" | "reason" | "notApplicable";
type Fill = { key: string; column: Column; value: unknown };

/** Where each value of a JSON submission goes in the form: key and column. */
function fills(submission: Record<string, any>): Fill[] {
  const out: Fill[] = [];
  const { facts, ...unit } = submission.unit as Record<string, unknown>;
  for (const [k, v] of Object.entries(unit)) out.push({ key: `unit.${k}`, column: "self", value: v });
  for (const [k, v] of Object.entries((facts ?? {}) as Record<string, unknown>)) out.push({ key: `unit.${k}`, column: "self", value: v });
  for (const layer of ["self", "survey"]) {
    for (const [node, inputs] of Object.entries((submission[layer] ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const [name, v] of Object.entries(inputs)) out.push({ key: `${node}.${name}`, column: "self", value: v });
    }
  }
  for (const [node, inputs] of Object.entries((submission.appraisal ?? {}) as Record<string, Record<string, unknown>>)) {
    const names = Object.keys(inputs).filter((n) => n !== "reason");
    for (const name of names) out.push({ key: `${node}.${name}`, column: "appraised", value: inputs[name] });
    // The council's reason goes on the row of the first appraised value, or the leaf's own row.
    if (inputs.reason !== undefined) out.push({ key: names.length > 0 ? `${node}.${names[0]}` : node, column: "reason", value: inputs.reason });
  }
  for (const [node, reason] of Object.entries((submission.notApplicable ?? {}) as Record<string, string>)) out.push({ key: node, column: "notApplicable", value: reason });
  return out;
}

const COLUMN_INDEX: Record<Column, number> = { self: 5, appraised: 6, reason: 7, notApplicable: 8 };

/** A value as an official would type it in a Vietnamese CSV: decimal comma, dd/mm/yyyy, có/không, lists with `;`. */
function viText(v: unknown): string {
  if (Array.isArray(v)) return v.map(viText).join("; ");
  if (typeof v === "boolean") return v ? "có" : "không";
  if (typeof v === "number") return String(v).replace(".", ",");
  const s = String(v);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (date !== null) return `${date[3]}/${date[2]}/${date[1]}`;
  return /^-?\d+\.\d+$/.test(s) ? s.replace(".", ",") : s;
}

/** The same value as an XLSX cell: numbers and dates typed, the rest as text. */
function xlsxValue(v: unknown): ExcelJS.CellValue {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return viText(v);
}

const examples = ["par-department", "pci", "par-district"];
const jsonFiles = (ex: string): string[] => readdirSync(join(root, "examples", ex, "submissions")).sort().map((f) => `examples/${ex}/submissions/${f}`);
const submissionOf = (file: string): Record<string, any> => JSON.parse(readFileSync(join(root, file), "utf8")) as Record<string, any>;

function keyRows(sheet: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.eachRow((row, n) => {
    const key = row.getCell(1).value;
    // Keys start below the heading row (row 4).
    if (n > 4 && typeof key === "string") rows.set(key, n);
  });
  return rows;
}

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
    const file = join(mkdtempSync(join(tmpdir(), "rubric-")), "form.xlsx");
    const run = rubric("template", "examples/par-district/rubric.rubric", "-o", file, "--lang", "vi");
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toMatch(/^Phiếu tự đánh giá: /);
    expect(sheet.getRow(4).values).toEqual([undefined, "Mã", "STT", "Tiêu chí, nội dung", "Điểm tối đa", "Cách ghi", "Tự đánh giá", "Thẩm định", "Lý do thẩm định", "Không phát sinh (lý do)", "Tài liệu kiểm chứng"]);
    const csv = parse(rubric("template", "examples/par-district/rubric.rubric", "--lang", "vi").stdout) as string[][];
    expect([...keyRows(sheet).keys()]).toEqual(csv.slice(1).map((r) => r[0]));
    expect(sheet.getCell(`F${keyRows(sheet).get("unit.id")!}`).numFmt).toBe("@");
  });

  it("needs -o for XLSX (exit 2) and reports an unusable rubric (exit 1)", () => {
    expect(rubric("template", "examples/pci/rubric.rubric", "--format", "xlsx").code).toBe(2);
    const bad = rubric("template", "no/such.rubric");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("no/such.rubric: cannot read the file");
    expect(rubric("template", "--help").stdout).toContain("Example:");
  });
});

describe("a filled form scores like the JSON it was filled from", () => {
  for (const ex of examples) {
    const rubricFile = `examples/${ex}/rubric.rubric`;

    it(`${ex}: an XLSX workbook with a sheet per unit`, async () => {
      const dir = mkdtempSync(join(tmpdir(), "rubric-"));
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
          sheet.getRow(rows.get(key)!).getCell(COLUMN_INDEX[column] + 1).value = xlsxValue(value);
        }
      }
      const book = join(dir, "filled.xlsx");
      await filled.xlsx.writeFile(book);
      for (const format of ["text", "json"]) {
        const fromJson = rubric("score", rubricFile, ...jsonFiles(ex), "--lang", "vi", "--format", format);
        const fromXlsx = rubric("score", rubricFile, book, "--lang", "vi", "--format", format);
        expect(fromXlsx.stderr).toBe(fromJson.stderr);
        expect(fromXlsx.code).toBe(fromJson.code);
        expect(fromXlsx.stdout).toBe(fromJson.stdout);
      }
    });

    it(`${ex}: one CSV form per unit, with a BOM and CRLF line ends`, () => {
      const dir = mkdtempSync(join(tmpdir(), "rubric-"));
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
        writeFileSync(csv, `\uFEFF${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n")}\r\n`);
        return csv;
      });
      const fromJson = rubric("score", rubricFile, ...jsonFiles(ex), "--lang", "vi", "--format", "json");
      const fromCsv = rubric("score", rubricFile, ...forms, "--lang", "vi", "--format", "json");
      expect(fromCsv.stderr).toBe(fromJson.stderr);
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
