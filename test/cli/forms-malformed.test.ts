/**
 * Malformed forms (CSV and XLSX): each gives a specific message naming file, sheet and
 * cell, exit 1, and never a stack trace. Each case starts from a form filled with a
 * real example's values (which scores with exit 0) and breaks one thing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { wideRows } from "../io/tables.js";
import { COLUMN_INDEX, csvText, fills, keyRows, root, rubric, setCell, viText } from "./forms-helpers.js";
import { tempDir } from "../temp.js";

const rubricFile = "examples/par-department/rubric.rubric";
const submission = JSON.parse(readFileSync(join(root, "examples/par-department/submissions/so-noi-vu.json"), "utf8")) as Record<string, any>;
const dir = tempDir("rubric-forms-");
let grid: string[][] = [];

/** The department form filled with Sở Nội vụ's values, as a grid of strings. */
function filledGrid(): string[][] {
  const rows = grid.map((r) => [...r]);
  for (const { key, column, value } of fills(submission)) rows.find((r) => r[0] === key)![COLUMN_INDEX[column]] = viText(value);
  return rows;
}

const cell = (rows: string[][], key: string, column: number, text: string): string[][] => {
  rows.find((r) => r[0] === key)![column] = text;
  return rows;
};

function writeCsv(name: string, rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, csvText(rows));
  return file;
}

/** Scores files and checks the failure: exit 1, every expected text in stderr, no stack trace. */
function fails(files: string[], ...expected: string[]): void {
  const run = rubric("score", rubricFile, ...files, "--lang", "vi");
  for (const text of expected) expect(run.stderr).toContain(text);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error|lỗi nội bộ/);
  expect(run.code).toBe(1);
}

async function filledBook(): Promise<ExcelJS.Workbook> {
  const form = join(dir, "form.xlsx");
  expect(rubric("template", rubricFile, "-o", form, "--lang", "vi").code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(form);
  const sheet = book.worksheets[0]!;
  sheet.name = "Sở Nội vụ";
  const rows = keyRows(sheet);
  for (const { key, column, value } of fills(submission)) setCell(sheet.getRow(rows.get(key)!).getCell(COLUMN_INDEX[column] + 1), value);
  return book;
}

async function writeBook(name: string, book: ExcelJS.Workbook): Promise<string> {
  const file = join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

beforeAll(() => {
  grid = parse(rubric("template", rubricFile, "--lang", "vi").stdout) as string[][];
});

describe("malformed CSV forms", () => {
  it("the unbroken form scores (exit 0), so each case below fails for its own reason", () => {
    const run = rubric("score", rubricFile, writeCsv("good.csv", filledGrid()), "--lang", "vi");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("a form saved by a Vietnamese Excel (semicolons between cells, decimal commas) scores as the JSON does", () => {
    const file = join(dir, "semicolons.csv");
    writeFileSync(file, filledGrid().map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";")).join("\r\n"));
    const run = rubric("score", rubricFile, file, "--lang", "vi", "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(rubric("score", rubricFile, "examples/par-department/submissions/so-noi-vu.json", "--lang", "vi", "--format", "json").stdout);
  });

  it("a value that is not a number names the cell", () => {
    const file = writeCsv("nan.csv", cell(filledGrid(), "1.1.2.done", 5, "ba lăm"));
    fails([file], `${file}:`, ":F (1.1.2.done Tự đánh giá): \"ba lăm\" không phải là số");
  });

  it("an ambiguous decimal is refused, never guessed; one with a single reading in range is read that way", () => {
    // 1.1.2.planned is a count in 1..500: neither 1234 nor 1.234 can be it.
    fails([writeCsv("amb.csv", cell(filledGrid(), "1.1.2.planned", 5, "1.234"))], "(1.1.2.planned Tự đánh giá): \"1.234\" có hai cách hiểu");
    fails([writeCsv("amb2.csv", cell(filledGrid(), "6.3.overspend", 5, "1.234,5"))], "có cả dấu phẩy và dấu chấm");
    // 6.3.overspend is a number in -100..100: 1.250 can only be 1,25 (1250 is out of range).
    const run = rubric("score", rubricFile, writeCsv("one.csv", cell(filledGrid(), "6.3.overspend", 5, "1.250")), "--lang", "vi", "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it("a value out of range names the cell through the schema issue", () => {
    const file = writeCsv("range.csv", cell(filledGrid(), "1.1.2.planned", 5, "600"));
    fails([file], `range.csv:12:F (1.1.2.planned Tự đánh giá): 600 lớn hơn giá trị lớn nhất cho phép (500)`);
  });

  it("a date that does not exist, an enum member that does not exist, a yes/no that is neither", () => {
    fails([writeCsv("date.csv", cell(filledGrid(), "1.1.1.issued_on", 5, "31/02/2022"))], "(1.1.1.issued_on Tự đánh giá): \"31/02/2022\" không phải là một ngày có thật");
    fails([writeCsv("enum.csv", cell(filledGrid(), "unit.kind", 5, "so_khac"))], "\"so_khac\" không thuộc các giá trị so_co_tthc, so_khong_tthc");
    fails([writeCsv("bool.csv", cell(filledGrid(), "1.1.3.funded", 5, "chắc vậy"))], "\"chắc vậy\" không phải là có hoặc không");
  });

  it("an unknown key, a key given twice, a value on a row without a key", () => {
    fails([writeCsv("key.csv", cell(filledGrid(), "1.1.2.done", 0, "1.1.2.dones"))], ":A", "unknown key \"1.1.2.dones\"");
    const twice = filledGrid();
    twice.push([...twice.find((r) => r[0] === "1.4.activities")!]);
    fails([writeCsv("twice.csv", twice)], "key \"1.4.activities\" appears twice");
    const keyless = filledGrid();
    keyless.push(["", "", "", "", "", "3"]);
    fails([writeCsv("keyless.csv", keyless)], "a value on a row without a key");
  });

  it("a value in a column its row does not take", () => {
    fails([writeCsv("col.csv", cell(filledGrid(), "unit.id", 6, "so-khac"))], "(unit.id Thẩm định): this row takes no value in \"Thẩm định\"");
    fails([writeCsv("survey.csv", cell(filledGrid(), "8.1.answers", 6, "5; 5"))], "(8.1.answers Thẩm định): this row takes no value in \"Thẩm định\"");
  });

  it("an unknown column in the heading row, and a form without a unit id", () => {
    const extra = filledGrid();
    extra[0]!.push("Ghi chú");
    fails([writeCsv("extra.csv", extra)], ":1:K: unknown column \"Ghi chú\"");
    fails([writeCsv("noid.csv", cell(filledGrid(), "unit.id", 5, ""))], "no unit id");
  });

  it("an empty file, a CSV that is not a form, a broken quote", () => {
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    fails([empty], `${empty}: tệp rỗng; dòng đầu tiên là dòng tiêu đề`);
    const other = join(dir, "other.csv");
    writeFileSync(other, "đơn vị,điểm\nA,1\n");
    // Not headed like a form, so it is read as a table, and its header is neither kind.
    fails([other], `${other}:1: dòng tiêu đề không phải của bảng dạng ngang`);
    const quote = join(dir, "quote.csv");
    writeFileSync(quote, `${csvText(filledGrid())}"unit.name,"x\n`);
    fails([quote], `${quote}:`, ": dấu ngoặc kép kết thúc ô quá sớm");
  });

  it("the decimal comma needs the Vietnamese locale", () => {
    const run = rubric("score", rubricFile, writeCsv("comma.csv", cell(filledGrid(), "6.3.overspend", 5, "21,54")), "--lang", "en");
    expect(run.stderr).toContain("uses a decimal comma; write 21.54, or read the file with the Vietnamese locale (--lang vi)");
    expect(run.code).toBe(1);
  });

  it("a form given twice is a duplicated unit, listed apart", () => {
    const file = writeCsv("dup.csv", filledGrid());
    const run = rubric("score", rubricFile, file, file, "--lang", "vi");
    expect(run.stdout).toContain("so-noi-vu");
    expect(run.stdout).toContain("Chưa xếp hạng");
    expect(run.code).toBe(1);
  });
});

describe("malformed XLSX workbooks", () => {
  it("the unbroken workbook scores (exit 0) as the JSON does, a percentage cell read as percent points", async () => {
    const book = await filledBook();
    const sheet = book.worksheets[0]!;
    const cut = sheet.getCell(`F${keyRows(sheet).get("4.3.cut_percent")!}`);
    expect(submission.self["4.3"].cut_percent).toBe(8);
    cut.value = 0.08;
    cut.style = { ...cut.style, numFmt: "0%" };
    const run = rubric("score", rubricFile, await writeBook("good.xlsx", book), "--lang", "vi", "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(rubric("score", rubricFile, "examples/par-department/submissions/so-noi-vu.json", "--lang", "vi", "--format", "json").stdout);
  });

  it("a truncated file, a text file named .xlsx, an empty file", async () => {
    const good = readFileSync(await writeBook("whole.xlsx", await filledBook()));
    const truncated = join(dir, "truncated.xlsx");
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
    fails([truncated], `${truncated}: không đọc được sổ tính XLSX`, "bị cắt cụt");
    const text = join(dir, "text.xlsx");
    writeFileSync(text, "unit.id,1.1.2.done\nso-noi-vu,3\n");
    fails([text], `${text}: không đọc được sổ tính XLSX (tệp không phải tệp nén ZIP`);
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    fails([empty], `${empty}: tệp rỗng, không phải một sổ tính XLSX`);
  });

  it("a bad cell names the file, the sheet and the cell", async () => {
    const book = await filledBook();
    const sheet = book.worksheets[0]!;
    const row = keyRows(sheet).get("1.2.missing_reports")!;
    sheet.getCell(`F${row}`).value = "nhiều";
    fails([await writeBook("bad.xlsx", book)], `bad.xlsx [Sở Nội vụ] F${row} (1.2.missing_reports Tự đánh giá): "nhiều" không phải là số`);
  });

  it("a number cell is read exactly as typed; an out-of-range number names its cell", async () => {
    const book = await filledBook();
    const sheet = book.worksheets[0]!;
    const row = keyRows(sheet).get("1.1.2.done")!;
    sheet.getCell(`F${row}`).value = 2.5;
    fails([await writeBook("whole-number.xlsx", book)], `[Sở Nội vụ] F${row} (1.1.2.done Tự đánh giá): 2,5 không phải là số nguyên`);
  });

  it("an error value and a formula never computed", async () => {
    const book = await filledBook();
    const sheet = book.worksheets[0]!;
    const rows = keyRows(sheet);
    sheet.getCell(`F${rows.get("1.4.activities")!}`).value = { error: "#DIV/0!" };
    sheet.getCell(`F${rows.get("2.1.issued")!}`).value = { formula: "1+6" };
    fails([await writeBook("formula.xlsx", book)], `[Sở Nội vụ] F${rows.get("1.4.activities")!}: ô chứa giá trị lỗi #DIV/0!`, `F${rows.get("2.1.issued")!}: ô chứa công thức chưa được tính`);
  });

  it("a sheet that is neither a form nor a wide table", async () => {
    const book = await filledBook();
    book.addWorksheet("Ghi chú").getCell("A1").value = "Số liệu kèm theo";
    fails([await writeBook("sheets.xlsx", book)], "sheets.xlsx [Ghi chú]: không phải biểu tự đánh giá");
  });

  it("a wide sheet (one row per unit) scores as the JSON does; its bad cell is named", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Bảng");
    const rows = wideRows([submission], true);
    rows.forEach((cells, i) => { sheet.getRow(i + 1).values = cells; });
    const run = rubric("score", rubricFile, await writeBook("wide.xlsx", book), "--lang", "vi", "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(rubric("score", rubricFile, "examples/par-department/submissions/so-noi-vu.json", "--lang", "vi", "--format", "json").stdout);
    const column = rows[0]!.indexOf("1.1.2.done") + 1;
    sheet.getRow(2).getCell(column).value = "ba";
    fails([await writeBook("wide-bad.xlsx", book)], `wide-bad.xlsx [Bảng] ${String.fromCharCode(64 + column)}2 (1.1.2.done): "ba" không phải là số`);
  });

  it("a workbook whose sheets are all empty", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sheet1");
    const file = await writeBook("blank.xlsx", book);
    fails([file], `${file}: mọi trang tính đều trống`);
  });
});
