/**
 * Runs every benchmark (or those named in `BENCH_ONLY`, comma-separated), prints a
 * table per benchmark and writes `bench/results.json`.
 * @module
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { benchAnalysis } from "./analysis.js";
import { benchCompile } from "./compile.js";
import { benchEvaluate } from "./evaluate.js";
import { print, ROUNDS, SCALE, type BenchResult } from "./harness.js";
import { benchInstall } from "./install.js";
import { benchLsp } from "./lsp.js";
import { benchPlayground } from "./playground.js";
import { benchRank } from "./rank.js";
import { benchRead } from "./read.js";
import { benchSize } from "./size.js";
import { benchStream } from "./stream.js";
import { benchStreamCohort } from "./stream-cohort.js";

const ALL: Readonly<Record<string, () => BenchResult | Promise<BenchResult>>> = {
  evaluate: benchEvaluate,
  compile: benchCompile,
  rank: benchRank,
  stream: benchStream,
  "stream-cohort": benchStreamCohort,
  read: benchRead,
  size: benchSize,
  install: benchInstall,
  analysis: benchAnalysis,
  lsp: benchLsp,
  playground: benchPlayground,
};

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter((s) => s !== "");
const machine = { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))) };
console.log(`# rubric-lang benchmarks — ${new Date().toISOString()}\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}; rounds ${ROUNDS} (after a warm-up), scale ${SCALE}; load average ${machine.loadAverageAtStart.join(" ")}`);
const results: BenchResult[] = [];
for (const [name, run] of Object.entries(ALL)) {
  if (only !== undefined && !only.includes(name)) continue;
  const t0 = performance.now();
  const result = await run();
  results.push(result);
  print(result);
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
}
writeFileSync("bench/results.json", `${JSON.stringify({ date: new Date().toISOString(), machine, rounds: ROUNDS, scale: SCALE, results }, null, 2)}\n`);
console.log("\nwritten: bench/results.json");
