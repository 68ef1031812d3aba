/**
 * stream: 1,000,000 units in a JSON Lines file through the built CLI's `rubric score`,
 * as a child process: wall time and peak RSS (a `--import` hook samples
 * `process.resourceUsage().maxRSS` into a file). Stopped at a time limit.
 * @module
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { genRubric, genSubmissions } from "./gen.js";
import { scaled, watchPeakRss, type BenchResult } from "./harness.js";

/** Time limit for the child process. */
const LIMIT_MS = Number(process.env.BENCH_STREAM_LIMIT_MS ?? 180_000);

async function writeUnits(file: string, gen: ReturnType<typeof genRubric>, n: number): Promise<void> {
  const out = createWriteStream(file);
  const chunk = 10_000;
  for (let start = 0; start < n; start += chunk) {
    const subs = genSubmissions(gen, Math.min(chunk, n - start), 1000 + start);
    const text = subs.map((s, i) => JSON.stringify({ ...s, unit: { id: `u${String(start + i).padStart(7, "0")}` } })).join("\n") + "\n";
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs the benchmark (needs `dist/`: `npm run build`). */
export async function benchStream(): Promise<BenchResult> {
  const n = scaled(1_000_000);
  const gen = genRubric(2, 5);
  const dir = mkdtempSync(join(tmpdir(), "rubric-bench-"));
  try {
    const rubricFile = join(dir, "bench.rubric");
    const dataFile = join(dir, "units.jsonl");
    const hook = join(dir, "rss.mjs");
    writeFileSync(rubricFile, gen.source);
    // Peak RSS at exit from the CLI itself; while it runs (synchronous work blocks its
    // timers) the parent reads the kernel's high-water mark, so a stopped run has it too.
    writeFileSync(hook, 'import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(process.env.RUBRIC_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n');
    await writeUnits(dataFile, gen, n);
    const rssFile = join(dir, "rss.txt");
    const args = ["--import", hook, "dist/cli/main.js", "score", rubricFile, dataFile, "--format", "csv", "--output", join(dir, "out.csv")];
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, RUBRIC_BENCH_RSS: rssFile } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const watch = watchPeakRss(child.pid, 250);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, LIMIT_MS);
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (code, sig) => resolve([code, sig])));
    clearTimeout(timer);
    const polledKb = watch.stop();
    const wall = performance.now() - t0;
    const exitKb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim()) : 0;
    const rssKb = Math.max(exitKb, polledKb) || NaN;
    const rssMb = rssKb / 1024;
    const outcome = timedOut ? `stopped after ${(LIMIT_MS / 1000).toFixed(0)} s (limit)` : signal !== null ? `killed by ${signal}` : `exit ${status}`;
    const tail = stderr.trim().split("\n").slice(-1)[0] ?? "";
    const finished = status === 0 && existsSync(join(dir, "out.csv"));
    return {
      name: `stream (${n} units, 10 leaves, JSON Lines through rubric score)`,
      rows: [{ name: "rubric score units.jsonl --format csv", medianMs: wall, metric: finished ? (wall * 1000) / n : NaN, unit: "µs/unit", items: n, note: `${outcome}; peak RSS ${rssMb.toFixed(0)} MB${finished || tail === "" ? "" : `; ${tail.slice(0, 160)}`}` }],
      ratios: {},
      targets: [{ target: "flat memory, peak RSS under 300 MB", value: Number.isNaN(rssMb) ? outcome : `${rssMb.toFixed(0)} MB`, met: finished && rssMb < 300 }],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
