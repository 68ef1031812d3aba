/**
 * The malformed-data suite: broken JSON, JSON Lines and CSV files given to the built
 * CLI. Each case starts from a valid unit (scored with exit 0, checked first), breaks
 * one thing, and must give exactly its message — naming the file, row and column —
 * with exit 1 and no stack trace.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvText, longRows, wideRows } from "../io/tables.js";
import { tempDir } from "../temp.js";

// Scoring prints the rubric's own warnings first (par-department has two, intended); these tests are about the data.
const RUBRIC_WARNINGS = /^.*: \d+ (?:warnings?|cảnh báo) \(RL\d+(?:, RL\d+)*\); .*\n/m;

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const rubricFile = "examples/par-department/rubric.rubric";
const unit = JSON.parse(readFileSync(join(root, "examples/par-department/submissions/so-noi-vu.json"), "utf8")) as Record<string, unknown>;
const other = JSON.parse(readFileSync(join(root, "examples/par-department/submissions/so-y-te.json"), "utf8")) as Record<string, unknown>;
const dir = tempDir("rubric-malformed-");

function score(file: string, text: string | Buffer, ...args: string[]): { code: number; stdout: string; stderr: string } {
  writeFileSync(join(dir, file), text);
  const run = spawnSync(process.execPath, [cli, "score", rubricFile, join(dir, file), ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.replaceAll(dir, "<dir>").replace(RUBRIC_WARNINGS, "") };
}

/** The valid unit as a wide table, changed by `edit` (header is row 0). */
function wide(edit: (rows: string[][]) => void = () => undefined, vi = false): string {
  const rows = wideRows([unit, other], vi);
  edit(rows);
  return csvText(rows);
}
const col = (rows: string[][], name: string): number => rows[0]!.indexOf(name);
const set = (name: string, value: string, row = 1) => (rows: string[][]): void => {
  rows[row]![col(rows, name)] = value;
};
const rename = (from: string, to: string) => (rows: string[][]): void => {
  rows[0]![col(rows, from)] = to;
};
function long(edit: (rows: string[][]) => void = () => undefined): string {
  const rows = longRows([unit, other], false);
  edit(rows);
  return csvText(rows);
}
const jsonl = (...lines: string[]): string => `${lines.join("\n")}\n`;
const line1 = JSON.stringify(unit);

describe("valid baselines", () => {
  it.each([
    ["wide.csv", wide()],
    ["wide-vi.csv", wide(undefined, true), "--lang", "vi"],
    ["long.csv", long()],
    ["units.jsonl", jsonl(line1, JSON.stringify(other))],
  ])("%s scores with exit 0 and nothing on stderr", (file, text, ...args) => {
    const run = score(file, text, ...args);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Sở Nội vụ");
  });
});

const cases: [name: string, file: string, text: string | Buffer, expected: string, args?: string[]][] = [
  ["unknown input column", "c1.csv", wide(rename("1.1.2.done", "1.1.2.don")), '<dir>/c1.csv:1:E: column "1.1.2.don": criterion "1.1.2" has no input "don"; its inputs are done, planned', ["--lang", "en"]],
  ["unknown criterion column", "c2.csv", wide(rename("1.4.activities", "9.9.activities")), '<dir>/c2.csv:1:N: column "9.9.activities": unknown criterion "9.9"; the leaves with inputs are 1.1.1, 1.1.2, 1.1.3, 1.2, 1.3.1, 1.3.2, 1.4, 1.5, 2.1, 2.2, 2.3.1, 2.3.2, …', ["--lang", "en"]],
  // Without --lang, the rubric's locale (vi here) words the header's problems too, as it does the values'.
  ["unknown criterion column (the rubric's locale)", "c2v.csv", wide(rename("1.4.activities", "9.9.activities")), '<dir>/c2v.csv:1:N: cột "9.9.activities": bộ chỉ số không có tiêu chí "9.9"; các tiêu chí nhận số liệu là 1.1.1, 1.1.2, 1.1.3, 1.2, 1.3.1, 1.3.2, 1.4, 1.5, 2.1, 2.2, 2.3.1, 2.3.2, …'],
  ["the same column twice (vi)", "c4v.csv", wide(rename("1.1.2.planned", "1.1.2.done")), '<dir>/c4v.csv:1:F: cột "1.1.2.done" trùng với cột E ("1.1.2.done"); chỉ giữ một cột', ["--lang", "vi"]],
  ["a long table naming an unknown criterion (vi)", "c24v.csv", long((rows) => { rows[5]![1] = "1.9"; }), '<dir>/c24v.csv:6:B (node): bộ chỉ số không có tiêu chí "1.9"; các tiêu chí nhận số liệu là 1.1.1, 1.1.2, 1.1.3, 1.2, 1.3.1, 1.3.2, 1.4, 1.5, 2.1, 2.2, 2.3.1, 2.3.2, …', ["--lang", "vi"]],
  ["a column on an inner criterion", "c3.csv", wide(rename("1.4.activities", "1.3.activities")), '<dir>/c3.csv:1:N: column "1.3.activities": unknown criterion "1.3" (it groups other criteria; give the inputs of its leaves); the leaves with inputs are 1.1.1, 1.1.2, 1.1.3, 1.2, 1.3.1, 1.3.2, 1.4, 1.5, 2.1, 2.2, 2.3.1, 2.3.2, …', ["--lang", "en"]],
  ["the same column twice", "c4.csv", wide(rename("1.1.2.planned", "1.1.2.done")), '<dir>/c4.csv:1:F: column "1.1.2.done" repeats column E ("1.1.2.done"); keep one of them', ["--lang", "en"]],
  ["a header that is no table", "c5.csv", wide(rename("unit.id", "id")), "<dir>/c5.csv:1: the header is neither a wide table's (a unit.id column, then <criterion>.<input> columns) nor a long table's (unit,node,input,layer,value)"],
  ["a cell that is not a number", "c6.csv", wide(set("1.1.2.planned", "bốn mươi")), '<dir>/c6.csv:2:F (1.1.2.planned): "bốn mươi" is not a number; write digits with an optional decimal dot, e.g. 12.5', ["--lang", "en"]],
  ["an ambiguous decimal (vi)", "c7.csv", wide(set("6.3.overspend", "1.234,5"), true), '<dir>/c7.csv:2:AQ (6.3.overspend): "1.234,5" có hai cách hiểu vì có cả dấu phẩy và dấu chấm; hãy ghi số không có dấu tách hàng nghìn, ví dụ 1234,5', ["--lang", "vi"]],
  ["a dot that may group thousands, neither reading in range (vi)", "c8.csv", wide(set("1.1.2.planned", "1.234"), true), '<dir>/c8.csv:2:F (1.1.2.planned): "1.234" có hai cách hiểu: dấu chấm có thể để tách hàng nghìn hoặc để ghi phần thập phân; hãy ghi 1234 hoặc 1,234', ["--lang", "vi"]],
  ["a decimal comma in English data", "c9.csv", wide(set("6.3.overspend", "21,54")), '<dir>/c9.csv:2:AQ (6.3.overspend): "21,54" uses a decimal comma; write 21.54, or read the file with the Vietnamese locale (--lang vi)', ["--lang", "en"]],
  ["a value above the declared maximum", "c10.csv", wide(set("1.1.2.planned", "600")), "<dir>/c10.csv:2:F (1.1.2.planned): 600 is above the maximum 500"],
  ["a unit given twice", "c11.csv", wide(set("unit.id", "so-noi-vu", 2)), '<dir>/c11.csv:3: the unit "so-noi-vu" is given twice (first at <dir>/c11.csv:2); give each unit once (in a long table, keep a unit\'s rows together)'],
  ["a row without its unit id", "c12.csv", wide(set("unit.id", "")), "<dir>/c12.csv:2:A (unit.id): the unit's id is empty; write the unit's id", ["--lang", "en"]],
  ["a row longer than the header", "c13.csv", wide((rows) => rows[1]!.push("", "7")), '<dir>/c13.csv:2:BL: "7" stands in a column without a header (the row has more cells than the header); name the column or remove the value'],
  ["a fact that is not a member", "c14.csv", wide(set("unit.kind", "so")), '<dir>/c14.csv:2:C (unit.kind): "so" is not one of so_co_tthc, so_khong_tthc'],
  ["a date that does not exist (vi)", "c15.csv", wide(set("1.1.1.issued_on", "31/02/2022"), true), '<dir>/c15.csv:2:D (1.1.1.issued_on): "31/02/2022" không phải là một ngày có thật; hãy viết theo dạng ngày/tháng/năm, ví dụ 15/12/2022', ["--lang", "vi"]],
  ["an empty CSV file", "c16.csv", "", "<dir>/c16.csv: the file is empty; the first row is the header (unit.id, … or unit,node,input,layer,value)"],
  ["a CSV file holding only a byte-order mark and blank lines", "c17.csv", "\uFEFF\r\n\r\n", "<dir>/c17.csv: the file is empty; the first row is the header (unit.id, … or unit,node,input,layer,value)"],
  ["a quote never closed", "c18.csv", `${wide()}so-x,"Sở X\n`, '<dir>/c18.csv:4: a quoted cell is never closed; end it with " (write "" for a quote inside a cell)'],
  ["a quote inside an unquoted cell", "c18b.csv", `${wide()}so-x,Sở "X"\n`, '<dir>/c18b.csv:4: a quote stands inside an unquoted cell; quote the whole cell and write "" for the quote'],
  ["a 5 MB CSV line", "c19.csv", `${wide()}so-x,${"x".repeat(5 << 20)}\n`, "<dir>/c19.csv:4: the row is longer than 1048576 characters; a row holds one unit's values, not a whole file — is a quote left open?"],
  ["a reason outside the appraisal", "c20.csv", wide(rename("1.4.activities", "1.4.reason")), '<dir>/c20.csv:1:N: column "1.4.reason": a reason belongs to the appraisal; write appraisal:1.4.reason', ["--lang", "en"]],
  ["points for a computed criterion", "c21.csv", wide(rename("1.4.activities", "1.4.points")), '<dir>/c21.csv:1:N: column "1.4.points": "1.4" computes its points from its inputs (activities); only a "score = given" criterion takes points', ["--lang", "en"]],
  ["a survey value for a criterion not surveyed", "c22.csv", wide(rename("1.4.activities", "survey:1.4.activities")), '<dir>/c22.csv:1:N: column "survey:1.4.activities": "1.4" is not scored from the survey; write 1.4.activities or appraisal:1.4.activities', ["--lang", "en"]],
  ["an unknown layer", "c23.csv", wide(rename("1.4.activities", "audit:1.4.activities")), '<dir>/c23.csv:1:N: column "audit:1.4.activities": unknown layer "audit"; write one of self, appraisal, survey, notApplicable, or nothing for self', ["--lang", "en"]],
  ["a long table naming an unknown criterion", "c24.csv", long((rows) => { rows[5]![1] = "1.9"; }), '<dir>/c24.csv:6:B (node): unknown criterion "1.9"; the leaves with inputs are 1.1.1, 1.1.2, 1.1.3, 1.2, 1.3.1, 1.3.2, 1.4, 1.5, 2.1, 2.2, 2.3.1, 2.3.2, …', ["--lang", "en"]],
  ["a long table whose unit's rows are apart", "c25.csv", long((rows) => rows.push(["so-noi-vu", "1.4", "activities", "appraisal", "6"])), '<dir>/c25.csv:118: the unit "so-noi-vu" is given twice (first at <dir>/c25.csv:2–60); give each unit once (in a long table, keep a unit\'s rows together)'],
  ["a long table with a bad value", "c26.csv", long((rows) => { rows[5]![4] = "yes please"; }), "<dir>/c26.csv:6:E (value): \"yes please\" is not a number; write digits with an optional decimal dot, e.g. 12.5", ["--lang", "en"]],
  ["a JSON Lines line that is not JSON", "j1.jsonl", jsonl(line1, '{"unit": {"id": "x"'), "<dir>/j1.jsonl:2: not valid JSON (Expected ',' or '}' after property value at column 20); write one submission object per line"],
  ["a JSON Lines line holding an array", "j2.jsonl", jsonl(line1, "[1, 2]"), '<dir>/j2.jsonl:2: the line holds an array, not a submission object; write one {"unit": …} object per line'],
  ["a 5 MB JSON Lines line", "j3.jsonl", jsonl(line1, JSON.stringify({ unit: { id: "big", name: "x".repeat(5 << 20) } })), "<dir>/j3.jsonl:2: the line is 5,242,911 characters long, more than 1,048,576; one line holds one unit's submission"],
  ["an empty JSON Lines file", "j4.jsonl", "", "<dir>/j4.jsonl: the file is empty; write one submission object per line"],
  ["a unit given twice in JSON Lines", "j5.jsonl", jsonl(line1, line1), '<dir>/j5.jsonl:2: the unit "so-noi-vu" is given twice (first at <dir>/j5.jsonl:1); give each unit once (in a long table, keep a unit\'s rows together)'],
  ["an empty JSON file", "j6.json", "", "<dir>/j6.json: the file is empty; write one submission object or an array of them"],
  ["a truncated JSON file", "j7.json", JSON.stringify([unit], null, 2).slice(0, 200), "<dir>/j7.json: not valid JSON (Expected ',' or '}' after property value at line 13 column 3)"],
  ["a JSON value of the wrong type", "j8.json", JSON.stringify([{ ...unit, self: { ...(unit["self"] as object), "1.1.3": { funded: "yes" } } }]), "<dir>/j8.json[0]: self-assessment, criterion 1.1.3, “Có bố trí kinh phí thực hiện kế hoạch” (funded): Invalid input: expected boolean, received string"],
];

describe("malformed data: a specific message naming the place, exit 1, no stack trace", () => {
  it("has at least 20 cases", () => expect(cases.length).toBeGreaterThanOrEqual(20));
  it.each(cases)("%s", (_name, file, text, expected, args = []) => {
    const run = score(file, text, ...args);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toBe(`${expected}\n`);
  });
  it("a file that does not exist", () => {
    const run = spawnSync(process.execPath, [cli, "score", rubricFile, join(dir, "none.csv")], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.replaceAll(dir, "<dir>").replace(RUBRIC_WARNINGS, "")).toBe("<dir>/none.csv: cannot read the file (no such file).\n");
  });
});

describe("explain on tables", () => {
  const explain = (file: string, text: string, id: string): { code: number; stdout: string; stderr: string } => {
    writeFileSync(join(dir, file), text);
    const run = spawnSync(process.execPath, [cli, "explain", rubricFile, join(dir, file), "--unit", id], { cwd: root, encoding: "utf8" });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.replaceAll(dir, "<dir>").replace(RUBRIC_WARNINGS, "") };
  };

  it("explains a unit of a wide table, exit 0", () => {
    const run = explain("e1.csv", wide(), "so-y-te");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Sở Y tế");
  });

  it("says which unit is missing", () => {
    const run = explain("e2.csv", wide(), "so-xyz");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("no submission for unit \"so-xyz\" in <dir>/e2.csv\n");
  });

  it("refuses a unit given twice, naming both rows", () => {
    const run = explain("e3.csv", wide(set("unit.id", "so-noi-vu", 2)), "so-noi-vu");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('<dir>/e3.csv:3: the unit "so-noi-vu" is given twice (first at <dir>/e3.csv:2); give each unit once\n');
  });

  it("names the cell of the unit's invalid value", () => {
    const run = explain("e4.csv", wide(set("1.1.2.planned", "0")), "so-noi-vu");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("<dir>/e4.csv:2:F (1.1.2.planned): 0 is below the minimum 1\n");
  });

  it("explains the unit but exits 1 when another row cannot be read", () => {
    const run = explain("e5.csv", wide(set("1.1.2.planned", "abc", 2)), "so-noi-vu");
    expect(run.code).toBe(1);
    // The rubric's locale (vi) reads the table: a decimal comma or a dot.
    expect(run.stderr).toBe('<dir>/e5.csv:3:F (1.1.2.planned): "abc" is not a number; write digits with an optional decimal comma or dot, e.g. 12,5\n');
    expect(run.stdout).toContain("Sở Nội vụ");
  });
});
