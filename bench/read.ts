/**
 * read: the data readers alone, no evaluation — a wide CSV table streamed by
 * `readCsvSubmissions`, and a wide XLSX sheet read by `readXlsx` and mapped by
 * `wideRowsToSubmissions` — each at two sizes ten times apart, so the ratio of their
 * rates shows whether reading is linear (1.0 is; a quadratic reader would be 0.1).
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../src/compile/compile.js";
import type { CompiledRubric } from "../src/compile/types.js";
import { readCsvSubmissions } from "../src/io/csv-file.js";
import { wideRowsToSubmissions } from "../src/io/wide.js";
import { readXlsx } from "../src/io/xlsx-read.js";
import { sheetXml, workbook } from "../test/io/xlsx-builder.js";
import { genRubric, genSubmissions } from "./gen.js";
import { median, ROUNDS, scaled, type BenchResult, type Row } from "./harness.js";

type Gen = ReturnType<typeof genRubric>;

/** The wide table of `n` generated units: header and rows of cells. */
function wideTable(gen: Gen, n: number): string[][] {
  const subs = genSubmissions(gen, n, 11);
  const columns = Object.entries(subs[0]!.self).flatMap(([node, data]) => Object.keys(data).map((input) => `${node}.${input}`));
  const rows = subs.map((s) => [s.unit.id, ...columns.map((c) => {
    const dot = c.lastIndexOf(".");
    const v = (s.self[c.slice(0, dot)] as Record<string, unknown>)[c.slice(dot + 1)];
    return typeof v === "boolean" ? String(v) : String(v ?? "");
  })]);
  return [["unit.id", ...columns], ...rows];
}

const xml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

function sheetOf(table: string[][]): Buffer {
  const rows = table.map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => `<c r="${letters(i)}${r + 1}" t="inlineStr"><is><t>${xml(c)}</t></is></c>`).join("")}</row>`);
  return workbook(sheetXml(rows.join("")));
}

function writeCsv(file: string, table: string[][]): number {
  const text = `${table.map((r) => r.join(",")).join("\n")}\n`;
  writeFileSync(file, text);
  return text.length;
}

async function readCsv(file: string, rubric: CompiledRubric): Promise<number> {
  let units = 0;
  for await (const item of readCsvSubmissions(file, rubric, "en")) if (item.ok) units++;
  return units;
}

async function readSheet(bytes: Uint8Array, rubric: CompiledRubric): Promise<number> {
  const book = await readXlsx(bytes, "b.xlsx", "en");
  if (!book.ok) throw new Error(book.message);
  const [header, ...rows] = book.sheets[0]!.rows;
  let units = 0;
  for await (const item of wideRowsToSubmissions(header!.cells, rows, { file: "b.xlsx", sheet: "S" }, rubric, "en", 1)) if (item.ok) units++;
  return units;
}

async function timed(run: () => Promise<number>, expected: number): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k <= Math.min(ROUNDS, 3); k++) {
    const t0 = performance.now();
    const units = await run();
    if (units !== expected) throw new Error(`read ${units} units, not ${expected}`);
    if (k > 0) times.push(performance.now() - t0);
  }
  return median(times);
}

/** Runs the benchmark. */
export async function benchRead(): Promise<BenchResult> {
  const gen = genRubric(2, 5);
  const compiled = compile(gen.source);
  if (!compiled.ok) throw new Error("the generated rubric does not compile");
  const rubric = compiled.rubric;
  const dir = mkdtempSync(join(tmpdir(), "rubric-read-"));
  const rows: Row[] = [];
  try {
    for (const n of [scaled(50_000), scaled(500_000)]) {
      // The table is written and dropped before timing, so the reader's heap is its own.
      const file = join(dir, `w${n}.csv`);
      const bytes = writeCsv(file, wideTable(gen, n));
      const ms = await timed(() => readCsv(file, rubric), n);
      rows.push({ name: `CSV, ${n} units (${(bytes / 1e6).toFixed(1)} MB)`, medianMs: ms, metric: n / (ms / 1000), unit: "units/s", items: n, note: `${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s` });
    }
    for (const n of [scaled(5_000), scaled(50_000)]) {
      const book = sheetOf(wideTable(gen, n));
      const ms = await timed(() => readSheet(book, rubric), n);
      rows.push({ name: `XLSX, ${n} units (${(book.length / 1e6).toFixed(1)} MB packed)`, medianMs: ms, metric: n / (ms / 1000), unit: "units/s", items: n });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio = (a: Row, b: Row): number => b.metric / a.metric;
  return {
    name: "read (wide tables, 10 leaves, 14 columns; reading and mapping only)",
    rows,
    ratios: { "CSV rate, 10× the units ÷ the smaller": ratio(rows[0]!, rows[1]!), "XLSX rate, 10× the units ÷ the smaller": ratio(rows[2]!, rows[3]!) },
    targets: [
      // Linear: the rate does not fall with size (it may rise: the smaller run pays more of the warm-up).
      { target: "CSV reading linear (rate at 10× the units at least 0.7 of the smaller's)", value: ratio(rows[0]!, rows[1]!).toFixed(2), met: ratio(rows[0]!, rows[1]!) >= 0.7 },
      { target: "XLSX reading linear (rate at 10× the units at least 0.7 of the smaller's)", value: ratio(rows[2]!, rows[3]!).toFixed(2), met: ratio(rows[2]!, rows[3]!) >= 0.7 },
    ],
  };
}
