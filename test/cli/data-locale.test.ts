/**
 * Data files are read in the language they were written in: a form in the language
 * it was made in (an XLSX form's declared language, a CSV form's heading row), a table
 * in the rubric's locale — unless `--lang` is given. Real files, the built CLI.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { wideRows } from "../io/tables.js";
import { COLUMN_INDEX, csvText, fills, keyRows, root, rubric, setCell, viText } from "./forms-helpers.js";
import { tempDir } from "../temp.js";

const rubricFile = "examples/par-department/rubric.rubric";
const jsonFile = "examples/par-department/submissions/so-noi-vu.json";
const submission = JSON.parse(readFileSync(join(root, jsonFile), "utf8")) as Record<string, any>;
// A decimal an official types with a comma in a Vietnamese form: 6.3.overspend is a number in -100..100.
submission.self["6.3"].overspend = 2.5;
const dir = tempDir("rubric-data-locale-");
const reference = join(dir, "so-noi-vu.json");
writeFileSync(reference, JSON.stringify(submission));
const expected = rubric("score", rubricFile, reference, "--format", "json").stdout;
// The same rubric stating `locale "en"`: what a form says must win over it.
const englishRubric = join(dir, "rubric-en.rubric");
writeFileSync(englishRubric, readFileSync(join(root, rubricFile), "utf8").replace('locale "vi"', 'locale "en"'));
const expectedEn = rubric("score", englishRubric, reference, "--format", "json").stdout;

describe("forms are read in the language they were made in", () => {
  it("an XLSX form made with --lang vi, typed with decimal commas, reads back without --lang", async () => {
    const form = join(dir, "form-vi.xlsx");
    expect(rubric("template", rubricFile, "-o", form, "--lang", "vi").code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(form);
    const sheet = book.worksheets[0]!;
    const rows = keyRows(sheet);
    // Every value as text, as typed into the form's text cells: `2,5`, `12/01/2021`, `có`.
    for (const { key, column, value } of fills(submission)) sheet.getRow(rows.get(key)!).getCell(COLUMN_INDEX[column] + 1).value = viText(value);
    await book.xlsx.writeFile(form);
    for (const [file, output] of [[rubricFile, expected], [englishRubric, expectedEn]] as const) {
      const run = rubric("score", file, form, "--format", "json");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(output);
    }
    // --lang en, given, is obeyed: the decimal comma is then refused, naming its cell.
    const en = rubric("score", rubricFile, form, "--format", "json", "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('(6.3.overspend Self-assessed): "2,5"');
  });

  it("a CSV form is read in the language of its heading row, whatever the rubric's locale", () => {
    const grid = (lang: "vi" | "en", text: (v: unknown) => string): string => {
      const rows = parse(rubric("template", rubricFile, "--lang", lang, "--format", "csv").stdout) as string[][];
      for (const { key, column, value } of fills(submission)) rows.find((r) => r[0] === key)![COLUMN_INDEX[column]] = text(value);
      const file = join(dir, `form-${lang}.csv`);
      writeFileSync(file, csvText(rows));
      return file;
    };
    const en = grid("en", (v) => (Array.isArray(v) ? v.join(";") : String(v)));
    const vi = grid("vi", viText);
    for (const file of [en, vi]) {
      for (const [r, output] of [[rubricFile, expected], [englishRubric, expectedEn]] as const) {
        const run = rubric("score", r, file, "--format", "json");
        expect(run.stderr).toBe("");
        expect(run.stdout).toBe(output);
      }
    }
  });
});

describe("tables are read in the rubric's locale unless --lang is given", () => {
  it("a wide CSV with decimal commas and dd/mm/yyyy scores under a Vietnamese rubric without --lang", () => {
    const file = join(dir, "wide-vi.csv");
    writeFileSync(file, csvText(wideRows([submission], true)));
    const run = rubric("score", rubricFile, file, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(expected);
    // Under a rubric stating `locale "en"`, the same table needs --lang vi.
    expect(rubric("score", englishRubric, file, "--format", "json").code).toBe(1);
    expect(rubric("score", englishRubric, file, "--format", "json", "--lang", "vi").stdout).toBe(expectedEn);
  });

  it("whatif and sensitivity read a table as score does: in the rubric's locale unless --lang is given", () => {
    const file = join(dir, "wide-vi-analysis.csv");
    writeFileSync(file, csvText(wideRows([submission], true)));
    const whatif = rubric("whatif", rubricFile, file, "--unit", "so-noi-vu", "--to-rank", "1", "--format", "json");
    expect(whatif.stderr).toBe("");
    expect(whatif.code).toBe(0);
    const sensitivity = rubric("sensitivity", rubricFile, file, "--samples", "4", "--format", "json");
    expect(sensitivity.stderr).toBe("");
    expect(sensitivity.code).toBe(0);
    // --lang en, given, is obeyed: the decimal comma is then refused.
    expect(rubric("whatif", rubricFile, file, "--unit", "so-noi-vu", "--to-rank", "1", "--lang", "en").code).toBe(1);
    expect(rubric("sensitivity", rubricFile, file, "--samples", "4", "--lang", "en").code).toBe(1);
  });
});
