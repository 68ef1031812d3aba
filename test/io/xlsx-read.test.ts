/**
 * The bounded XLSX reader: zip bombs refused before (or while) inflating, a cell in
 * column XFD costs one cell, no DTD followed, a missing shared string and an
 * encrypted or truncated file named; typed cells read as before.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/xlsx-read.js";
import { sheetXml, textRow, workbook, zip, zipBomb } from "./xlsx-builder.js";

async function read(bytes: Uint8Array, maxColumns?: number) {
  return readXlsx(bytes, "t.xlsx", "en", maxColumns === undefined ? {} : { maxColumns });
}

describe("readXlsx on hostile workbooks", () => {
  it("refuses a zip bomb by its declared size, before inflating", async () => {
    const bomb = zipBomb(150);
    expect(bomb.length).toBeLessThan(1_000_000);
    const result = await read(bomb);
    expect(result).toEqual({ ok: false, message: expect.stringContaining("would take more than 100 MB once unpacked") });
  });

  it("stops a part that lies about its size at the size it declares", async () => {
    const result = await read(zipBomb(50, 1000));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("unpacks to more than it declares") });
  });

  it("keeps one cell for a cell in column XFD, and names a value beyond the rubric's columns", async () => {
    let rows = textRow(1, ["unit.id", "1.1.x"]);
    for (let r = 2; r <= 2000; r++) rows += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>u${r}</t></is></c><c r="XFD${r}"><v>1</v></c></row>`;
    const bytes = workbook(sheetXml(rows));
    expect(bytes.length).toBeLessThan(30_000);
    const result = await read(bytes, 12);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sheet = result.sheets[0]!;
    expect(Math.max(...sheet.rows.map((r) => r.cells.length))).toBe(2);
    expect(sheet.problems).toEqual([{ row: 2, message: "t.xlsx [Sheet1] XFD2: a value stands beyond column L, the last one this rubric's forms and tables use; remove the values from there on" }]);
  });

  it("refuses a document type declaration (external entities, entity bombs)", async () => {
    const xxe = sheetXml(textRow(1, ["&xxe;"]).replace("&amp;xxe;", "&xxe;"), '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    const result = await read(workbook(xxe));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("document type declaration") });
    const undefinedEntity = await read(workbook(sheetXml(textRow(1, ["x"]).replace(">x<", ">&lol9;<"))));
    expect(undefinedEntity).toEqual({ ok: false, message: expect.stringContaining("an entity the workbook does not define (&lol9;)") });
  });

  it("names a shared string the workbook does not have", async () => {
    const sst = { name: "xl/sharedStrings.xml", data: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>unit.id</t></si></sst>' };
    const result = await read(workbook(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>'), [sst]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.sheets[0]!.problems).toEqual([{ row: 1, message: "t.xlsx [Sheet1] B1: the cell refers to text number 7, which the workbook does not have" }]);
  });

  it("refuses text that is not a workbook, a truncated one, and an encrypted one, naming the file", async () => {
    expect(await read(new TextEncoder().encode("unit.id\nu1\n"))).toEqual({ ok: false, message: expect.stringMatching(/^t\.xlsx: not a readable XLSX workbook \(it is not a ZIP archive/) });
    const good = workbook(sheetXml(textRow(1, ["unit.id"])));
    expect((await read(good.subarray(0, good.length - 30))).ok).toBe(false);
    const encrypted = Buffer.from(zip([{ name: "xl/workbook.xml", data: "<workbook/>" }]));
    encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(await read(encrypted)).toEqual({ ok: false, message: expect.stringContaining("encrypted") });
    expect(await readXlsx(new TextEncoder().encode("x"), "t.xlsx", "vi")).toEqual({ ok: false, message: expect.stringContaining("không đọc được sổ tính XLSX") });
  });
});

describe("readXlsx on workbooks a spreadsheet program writes", () => {
  it("reads text, numbers, percentages, dates, booleans, formulas' values, rich text; names errors", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Trang 1");
    sheet.getCell("A1").value = "Sở Nội vụ";
    sheet.getCell("B1").value = 1.5;
    sheet.getCell("C1").value = 0.085;
    sheet.getCell("C1").numFmt = "0.0%";
    sheet.getCell("D1").value = new Date(Date.UTC(2022, 11, 15));
    sheet.getCell("D1").numFmt = "dd/mm/yyyy";
    sheet.getCell("E1").value = true;
    sheet.getCell("F1").value = { formula: "1+2", result: 3 };
    sheet.getCell("G1").value = { richText: [{ text: "Hà " }, { text: "Tĩnh", font: { bold: true } }] };
    sheet.getCell("H1").value = { error: "#N/A" };
    sheet.getCell("I1").value = 1e-21;
    sheet.getCell("J1").value = "=1+1";
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await readXlsx(bytes, "t.xlsx", "vi");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [only] = result.sheets;
    expect(only!.name).toBe("Trang 1");
    expect(only!.rows[0]!.cells).toEqual(["Sở Nội vụ", "1,5", "8,5%", "2022-12-15", "true", "3", "Hà Tĩnh", "", "0,000000000000000000001", "=1+1"]);
    expect(only!.problems).toEqual([{ row: 1, message: "t.xlsx [Trang 1] H1: ô chứa giá trị lỗi #N/A" }]);
  });
});
