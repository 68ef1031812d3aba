/**
 * stream: 1,000,000 units in a JSON Lines file through the built CLI's `rubric score`,
 * as a child process: wall time and peak RSS (from `/usr/bin/time -v` when present,
 * else from a `--import` hook that reports `process.resourceUsage().maxRSS`).
 * @module
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { genRubric, genSubmissions } from "./gen.js";
import { scaled, type BenchResult } from "./harness.js";

/** Time limit for the child process. */
const LIMIT_MS = Number(process.env.BENCH_STREAM_LIMIT_MS ?? 300_000);

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
    writeFileSync(hook, "process.on('exit', () => process.stderr.write(`\\nmaxRSS-kB ${process.resourceUsage().maxRSS}\\n`));\n");
    await writeUnits(dataFile, gen, n);
    const t0 = performance.now();
    const args = ["--import", hook, "dist/cli/main.js", "score", rubricFile, dataFile, "--format", "csv", "--output", join(dir, "out.csv")];
    // GNU time also sees a child killed by the kernel or by V8 running out of heap.
    const timed = existsSync("/usr/bin/time");
    const child = timed
      ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", timeout: LIMIT_MS, maxBuffer: 64 * 1024 * 1024 })
      : spawnSync(process.execPath, args, { encoding: "utf8", timeout: LIMIT_MS, maxBuffer: 64 * 1024 * 1024 });
    const wall = performance.now() - t0;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "") ?? /maxRSS-kB (\d+)/.exec(child.stderr ?? "");
    const rssMb = rss === null ? NaN : Number(rss[1]) / 1024;
    const outcome = child.error !== undefined ? `did not finish: ${child.error.message}` : child.signal !== null ? `killed by ${child.signal}` : `exit ${child.status}`;
    const tail = (child.stderr ?? "").trim().split("\n").filter((l) => !l.startsWith("maxRSS") && !l.startsWith("\t")).slice(-1)[0] ?? "";
    const finished = child.status === 0 && existsSync(join(dir, "out.csv"));
    return {
      name: `stream (${n} units, 10 leaves, JSON Lines through rubric score)`,
      rows: [{ name: "rubric score units.jsonl --format csv", medianMs: wall, metric: finished ? (wall * 1000) / n : NaN, unit: "µs/unit", items: n, note: `${outcome}; peak RSS ${rssMb.toFixed(0)} MB${finished ? "" : `; ${tail.slice(0, 160)}`}` }],
      ratios: {},
      targets: [{ target: "flat memory, peak RSS under 300 MB", value: Number.isNaN(rssMb) ? outcome : `${rssMb.toFixed(0)} MB`, met: finished && rssMb < 300 }],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
