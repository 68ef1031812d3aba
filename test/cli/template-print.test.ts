/**
 * The XLSX form as it prints: written by the built CLI, read back with exceljs. An
 * official prints the form to fill it by hand or to sign it: A4 landscape, all ten
 * columns on the page's width, the heading row on every page; a range reads as words
 * ("từ 1 đến 500"), never the rubric's `1..500`.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { keyRows, rubric } from "./forms-helpers.js";
import { tempDir } from "../temp.js";

async function form(lang: "vi" | "en"): Promise<ExcelJS.Worksheet> {
  const file = join(tempDir("rubric-"), `form.${lang}.xlsx`);
  const run = rubric("template", "examples/par-department/rubric.rubric", "-o", file, "--lang", lang);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets[0]!;
}

describe("the XLSX form on paper", () => {
  it.each(["vi", "en"] as const)("prints A4 landscape, fitted to the width, the heading row on every page (%s)", async (lang) => {
    const sheet = await form(lang);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "7:7" });
    // Row 7 is the heading row the reader looks for.
    expect(sheet.getCell("A7").value).toBe(lang === "vi" ? "Mã" : "Key");
  });

  it.each([["vi", "số nguyên ≥ 0, từ 1 đến 500", "số từ 0 đến 2, bước 0,25"], ["en", "whole number ≥ 0, from 1 to 500", "number from 0 to 2, step 0.25"]] as const)(
    "writes ranges in words (%s)",
    async (lang, planned, points) => {
      const sheet = await form(lang);
      const rows = keyRows(sheet);
      expect(sheet.getCell(`E${rows.get("1.1.2.planned")!}`).value).toBe(planned);
      expect(sheet.getCell(`E${rows.get("1.5.points")!}`).value).toBe(points);
      const how = [...rows.values()].map((r) => String(sheet.getCell(`E${r}`).value ?? ""));
      expect(how.filter((h) => h.includes(".."))).toEqual([]);
    },
  );
});
