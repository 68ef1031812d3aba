/**
 * Injection strings from data and rubrics through every output of the built CLI:
 * neutralised in CSV (and read back as written through forms), text cells in XLSX,
 * escaped in text, Markdown and on the terminal; --previous matches them again.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../temp.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/cli/main.js");
const rubricFile = join(root, "test/fixtures/hostile/injection.rubric");
const dir = tempDir("rubric-inject-");
const data = join(dir, "units.json");

const HYPERLINK = '=HYPERLINK("http://evil.example","Click")';
const CALC = "@SUM(1+1)*cmd|' /C calc'!A0";
const ESCAPES = "\u001b]0;pwned title\u0007\u001b[1;31m red";
const MARKUP = '<img src=x onerror="alert(1)"> | *b* [x](javascript:alert(1))\nnext';
const units = [
  { unit: { id: HYPERLINK, name: HYPERLINK, group: "=1+1", facts: { kind: "a" } }, self: { "-1.1": { done: 9, planned: 10 }, "@1.2": { ok: true } } },
  { unit: { id: "calc", name: CALC, group: "+g", facts: { kind: "a" } }, self: { "-1.1": { done: 5, planned: 10 }, "@1.2": { ok: false } } },
  { unit: { id: "esc", name: ESCAPES, group: "-g", facts: { kind: "b" } }, self: { "-1.1": { done: 1, planned: 10 }, "@1.2": { ok: false } } },
  { unit: { id: "md", name: MARKUP, group: "@g", facts: { kind: "b" } }, self: { "-1.1": { done: 7, planned: 10 }, "@1.2": { ok: true } } },
];

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const formulaLike = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell);

beforeAll(() => {
  writeFileSync(data, JSON.stringify(units));
});

describe("CSV reports", () => {
  it("neutralise every text cell a spreadsheet would take for a formula; figures stay numbers", () => {
    const out = run("score", rubricFile, data, "--format", "csv");
    expect(out.code).toBe(0);
    const rows = parse(out.stdout) as string[][];
    const [head, ...body] = rows;
    expect(head).toEqual(["Rank", "Unit", "Points", "Index", "Band"]);
    for (const row of body) for (const cell of row) expect(formulaLike(cell), cell).toBe(false);
    const names = body.map((r) => r[1]);
    expect(names).toContain(`'${HYPERLINK}`);
    expect(names).toContain(`'${CALC}`);
    expect(new Set(body.map((r) => r[4]))).toEqual(new Set(["'=cmd|' /C calc'!A0", "'-low"]));
    expect(body.map((r) => r[2])).toEqual(["9.40", "8.20", "3.00", "0.60"]);
  });

  it("explain --format csv neutralises ids and titles from the rubric, not its figures", () => {
    const out = run("explain", rubricFile, data, "--unit", HYPERLINK, "--format", "csv");
    expect(out.code).toBe(0);
    const rows = parse(out.stdout) as string[][];
    // Node rows (they have a max); the rows of their inputs follow each node.
    const byId = new Map(rows.slice(1).filter((r) => r[2] !== "").map((r) => [r[0]!, r]));
    expect([...byId.keys()]).toEqual(["'=1", "'-1.1", "'@1.2"]);
    expect(byId.get("'-1.1")![1]).toBe("  =1+1 <script>alert(1)</script>");
    expect(byId.get("'=1")![1]).toBe(`'${CALC}`);
    for (const row of rows.slice(1)) for (const cell of row.slice(2, 6)) expect(formulaLike(cell) && !/^-\d/.test(cell), cell).toBe(false);
  });
});

describe("text and Markdown reports, and the terminal", () => {
  it("text shows control characters escaped and keeps one line per row", () => {
    const out = run("score", rubricFile, data);
    expect(out.stdout).not.toMatch(CONTROL);
    expect(out.stdout).toContain("\\u001b]0;pwned title\\u0007\\u001b[1;31m red");
    expect(out.stdout).toContain("\\nnext");
    // Title, blank line, headings, rule, then one line per unit.
    expect(out.stdout.trimEnd().split("\n")).toHaveLength(4 + units.length);
  });

  it("Markdown escapes HTML, links and table syntax", () => {
    const out = run("score", rubricFile, data, "--format", "md");
    expect(out.stdout).not.toMatch(/(?<!\\)<(img|script)/);
    expect(out.stdout).not.toMatch(/(?<!\\)\]\(javascript/);
    // The newline is shown as \n, its backslash escaped for Markdown.
    expect(out.stdout).toContain("\\<img src=x onerror=\"alert(1)\"\\> \\| \\*b\\* \\[x\\](javascript:alert(1))\\\\nnext");
    const table = out.stdout.split("\n").filter((l) => l.startsWith("| "));
    for (const line of table) expect(line.replace(/\\\|/g, "").split("|"), line).toHaveLength(7);
    const detail = run("explain", rubricFile, data, "--unit", "md", "--format", "md");
    expect(detail.stdout).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(detail.stdout).not.toMatch(/(?<!\\)<script/);
  });

  it.skipIf(spawnSync("script", ["--version"]).status !== 0)("a CSV report printed on a terminal shows them escaped too (into a file it is data, as written)", () => {
    // `script` gives the command a terminal; what the terminal receives comes back on stdout.
    const command = `${process.execPath} ${cli} score ${rubricFile} ${data} --format csv`;
    const shown = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: root, encoding: "utf8" });
    expect(shown.stdout).toContain("\\u001b]0;pwned title\\u0007");
    expect(shown.stdout).not.toMatch(/\u001b\]0;/);
    const piped = run("score", rubricFile, data, "--format", "csv");
    expect(piped.stdout).toContain("\u001b]0;pwned title\u0007");
  });

  it("messages on stderr show data's control characters escaped", () => {
    const twice = join(dir, "twice.json");
    writeFileSync(twice, JSON.stringify([units[2], units[2]]));
    const out = run("score", rubricFile, twice);
    expect(out.code).toBe(1);
    expect(out.stderr).not.toMatch(CONTROL);
    expect(out.stdout).not.toMatch(CONTROL);
  });
});

describe("reading our own outputs back", () => {
  it("--previous from a JSON report matches every unit again, injection ids included", () => {
    const report = join(dir, "ranking.json");
    expect(run("score", rubricFile, data, "--format", "json", "-o", report).code).toBe(0);
    const out = run("score", rubricFile, data, "--format", "json", "--previous", report);
    expect(out.code).toBe(0);
    const rows = (JSON.parse(out.stdout) as { rows: { previous: unknown }[] }).rows;
    for (const row of rows) expect(row.previous).toMatchObject({ change: "same" });
  });

  it("a CSV form written with neutralised keys and titles, filled in, scores as the JSON does", () => {
    const form = parse(run("template", rubricFile).stdout) as string[][];
    expect(form.map((r) => r[0])).toContain("'-1.1.done");
    const fill: Record<string, string> = { "unit.id": HYPERLINK, "unit.name": HYPERLINK, "unit.group": "=1+1", "unit.kind": "a", "-1.1.done": "9", "-1.1.planned": "10", "@1.2.ok": "true" };
    for (const row of form) {
      const key = row[0]!.replace(/^'(?=[=+\-@])/, "");
      if (fill[key] !== undefined) row[5] = /^[=+\-@]/.test(fill[key]!) ? `'${fill[key]}` : fill[key]!;
    }
    const file = join(dir, "form.csv");
    writeFileSync(file, form.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n"));
    const fromForm = run("score", rubricFile, file, "--format", "json");
    expect(fromForm.stderr).toBe("");
    const fromJson = join(dir, "one.json");
    writeFileSync(fromJson, JSON.stringify(units[0]));
    expect(fromForm.stdout).toBe(run("score", rubricFile, fromJson, "--format", "json").stdout);
  });

  it("the XLSX form stores titles as text cells, never formulas, and reads back", async () => {
    const file = join(dir, "form.xlsx");
    expect(run("template", rubricFile, "-o", file).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain("=1+1 <script>alert(1)</script>");
    expect(values).toContain("-1.1.done");
    for (const v of values) expect(typeof v === "object" && v !== null && "formula" in v).toBe(false);
    const keys = new Map<string, number>();
    sheet.eachRow((row, n) => { if (typeof row.getCell(1).value === "string") keys.set(row.getCell(1).value as string, n); });
    const put = (key: string, value: string): void => { sheet.getRow(keys.get(key)!).getCell(6).value = value; };
    put("unit.id", HYPERLINK); put("unit.name", HYPERLINK); put("unit.group", "=1+1"); put("unit.kind", "a");
    put("-1.1.done", "9"); put("-1.1.planned", "10"); put("@1.2.ok", "true");
    await book.xlsx.writeFile(file);
    const fromJson = join(dir, "one.json");
    writeFileSync(fromJson, JSON.stringify(units[0]));
    const out = run("score", rubricFile, file, "--format", "json");
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe(run("score", rubricFile, fromJson, "--format", "json").stdout);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
