/**
 * Helpers of the form tests: running the built CLI, and where each value of a JSON
 * submission goes in a form (key and column), written as an official would.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type ExcelJS from "exceljs";

// Scoring prints the rubric's own warnings first (par-department has two, intended); these tests are about the data.
const RUBRIC_WARNINGS = /^.*: \d+ (?:warnings?|cảnh báo) \(RL\d+(?:, RL\d+)*\); .*\n/m;

export const root = join(import.meta.dirname, "../..");
export const cli = join(root, "dist/cli/main.js");
export const golden = join(import.meta.dirname, "golden");

export function rubric(...args: string[]): { code: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.replace(RUBRIC_WARNINGS, "") };
}

export type Column = "self" | "appraised" | "reason" | "notApplicable";
export type Fill = { key: string; column: Column; value: unknown };

/** Where each value of a JSON submission goes in the form: key and column. */
export function fills(submission: Record<string, any>): Fill[] {
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

export const COLUMN_INDEX: Record<Column, number> = { self: 5, appraised: 6, reason: 7, notApplicable: 8 };

/** A value as an official would type it in a Vietnamese CSV: decimal comma, dd/mm/yyyy, có/không, lists with `;`. */
export function viText(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? "[]" : v.map(viText).join("; ");
  if (typeof v === "boolean") return v ? "có" : "không";
  if (typeof v === "number") return String(v).replace(".", ",");
  const s = String(v);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (date !== null) return `${date[3]}/${date[2]}/${date[1]}`;
  return /^-?\d+\.\d+$/.test(s) ? s.replace(".", ",") : s;
}

/**
 * Puts a value in an XLSX cell as an official's Excel stores it: numbers and dates
 * typed (a date with a date format, as Excel gives a cell when a date is typed), the
 * rest as text.
 */
export function setCell(cell: ExcelJS.Cell, v: unknown): void {
  if (typeof v === "number") cell.value = v;
  else if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    cell.value = new Date(`${v}T00:00:00Z`);
    // A fresh style object: exceljs shares one among the cells loaded with the same style.
    cell.style = { ...cell.style, numFmt: "dd/mm/yyyy" };
  } else cell.value = viText(v);
}

/** Row numbers of the keys below the heading row of a form sheet. */
export function keyRows(sheet: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  sheet.eachRow((row, n) => {
    const key = row.getCell(1).value;
    // Keys start below the heading row (row 7).
    if (n > 7 && typeof key === "string") rows.set(key, n);
  });
  return rows;
}


/** Quotes every cell: a CSV file as a spreadsheet program writes it. */
export function csvText(rows: readonly (readonly string[])[], { bom = false, eol = "\r\n" } = {}): string {
  return `${bom ? "\uFEFF" : ""}${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join(eol)}${eol}`;
}
