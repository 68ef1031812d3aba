/**
 * A worker thread of `rubric sensitivity --workers N`: prepares the run from what the
 * main thread sent and draws its range of samples. Samples depend only on the seed and
 * their number, so the joined result is the same on any number of workers.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { prepareSensitivity, runSamples } from "../analysis/sensitivity.js";
import type { CompiledRubric } from "../compile/types.js";

/** What the main thread sends. */
export interface WorkerJob {
  readonly rubric: CompiledRubric;
  readonly submissions: readonly unknown[];
  readonly plan: unknown;
  readonly overrides: { samples?: number; seed?: number; sampling?: "quasi" | "uniform" };
  readonly from: number;
  readonly count: number;
}

const job = workerData as WorkerJob;
const prepared = prepareSensitivity(job.rubric, job.submissions, job.plan, job.overrides);
if (!prepared.ok) parentPort!.postMessage({ ok: false, problems: prepared.problems });
else {
  const out = runSamples(prepared.run, job.from, job.count);
  parentPort!.postMessage({ ok: true, out }, [out.ranks.buffer as ArrayBuffer, out.bands.buffer as ArrayBuffer, out.levels.buffer as ArrayBuffer]);
}
