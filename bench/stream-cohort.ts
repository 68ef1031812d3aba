/**
 * stream-cohort: 100,000 units of a rubric with cohort figures (normalised to the best,
 * the mean, percentile ranks, min–max rescaling, an index rescaled over the cohort) in
 * one JSON Lines file through the built CLI's `rubric score`, as a child process: wall
 * time and peak RSS. `score` reads the file once per stage of gathering (two here) and
 * once to score; memory holds the gathered arguments, not the units.
 * @module
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scaled, watchPeakRss, type BenchResult } from "./harness.js";

/**
 * The bound of docs/performance.md: memory linear in the units, about 3 KB a unit for
 * scoring and ranking (as `rubric score` without cohort figures) and 0.5 KB a unit and
 * cohort figure for gathering (11 figures here).
 */
const boundMb = (units: number): number => (units * (3 + 11 * 0.5)) / 1024;
const RULES = [
  "v / cohort.max(v) * max", "cohort.rescale(v, 0, 10)", "max * cohort.percentile(v)", "if v >= cohort.mean(v) then max else max / 2", "(cohort.min(v) + 1) / (v + 1) * max",
];

function source(): string {
  const leaves = Array.from({ length: 10 }, (_, i) => `    item "1.${i + 1}" "Chỉ tiêu ${i + 1}" max 10 {\n      input v: number in 0..1000\n      score = ${RULES[i % RULES.length]}\n    }\n`).join("");
  return `rubric "Cohort bench" {\n  index = cohort.rescale(points, 0, 100)\n  unit {\n    du: bool\n  }\n  area "1" "A" max 100 {\n${leaves}  }\n  ranking {\n    eligible when unit.du "không đủ điều kiện"\n  }\n}\n`;
}

async function writeUnits(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 100000;
  for (let start = 0; start < n; start += 10_000) {
    const lines: string[] = [];
    for (let u = start; u < Math.min(n, start + 10_000); u++) {
      const self: Record<string, { v: string }> = {};
      for (let i = 1; i <= 10; i++) self[`1.${i}`] = { v: (next() / 100).toFixed(2) };
      lines.push(JSON.stringify({ unit: { id: `u${String(u).padStart(7, "0")}`, facts: { du: u % 50 !== 0 } }, self }));
    }
    if (!out.write(`${lines.join("\n")}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs the benchmark (needs `dist/`). */
export async function benchStreamCohort(): Promise<BenchResult> {
  const n = scaled(100_000);
  const dir = mkdtempSync(join(tmpdir(), "rubric-bench-cohort-"));
  try {
    const rubricFile = join(dir, "cohort.rubric");
    const dataFile = join(dir, "units.jsonl");
    writeFileSync(rubricFile, source());
    await writeUnits(dataFile, n);
    const args = ["dist/cli/main.js", "score", rubricFile, dataFile, "--format", "csv", "--output", join(dir, "out.csv")];
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const watch = watchPeakRss(child.pid, 100);
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    const peakKb = watch.stop();
    const wall = performance.now() - t0;
    const mb = peakKb / 1024;
    const finished = status === 0 && existsSync(join(dir, "out.csv"));
    const rows = finished ? readFileSync(join(dir, "out.csv"), "utf8").split("\n").length - 2 : 0;
    return {
      name: `stream-cohort (${n} units, 10 cohort leaves and a cohort index, JSON Lines through rubric score)`,
      rows: [{ name: "rubric score units.jsonl --format csv (2 gathering passes + scoring)", medianMs: wall, metric: finished ? (wall * 1000) / n : NaN, unit: "µs/unit", items: n, note: `exit ${status}; ${rows} rows; peak RSS ${mb.toFixed(0)} MB${finished ? "" : `; ${stderr.trim().split("\n").slice(-1)[0] ?? ""}`}` }],
      ratios: {},
      targets: [{ target: `peak RSS under ${boundMb(n).toFixed(0)} MB (3 KB a unit + 0.5 KB a unit and figure)`, value: `${mb.toFixed(0)} MB`, met: finished && mb < boundMb(n) }],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
